package vn.chibo.discussion;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the discussion module.
 *
 * @param speakerTimeLimit how long each speaker may talk on an agenda item unless the chair sets
 *     another limit for the item; the page counts it down and marks a turn over it, and nobody is cut off
 * @param maxSpeakerTimeLimit the longest limit the chair may set on an item
 */
@ConfigurationProperties("chibo.discussion")
record DiscussionProperties(@DefaultValue("3m") Duration speakerTimeLimit,
        @DefaultValue("60m") Duration maxSpeakerTimeLimit) {
}
