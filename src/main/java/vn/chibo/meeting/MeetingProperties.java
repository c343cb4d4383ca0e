package vn.chibo.meeting;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the meeting module.
 *
 * @param maxDocumentSize the largest file accepted as a meeting document; uploads are also capped by
 *     {@code spring.servlet.multipart.max-file-size}, so raise both together
 * @param minimumLength the shortest an ordinary meeting should last; a meeting planned or closed
 *     shorter gets a warning, never a block. Small cells may lower it.
 * @param combinedMinimumLength the same for a combined session, a regular and a thematic meeting in one
 */
@ConfigurationProperties("chibo.meeting")
record MeetingProperties(@DefaultValue("20MB") DataSize maxDocumentSize,
        @DefaultValue("90m") Duration minimumLength, @DefaultValue("120m") Duration combinedMinimumLength) {

    /** Returns the minimum lengths as the rule that checks them. */
    MeetingLengthRule lengthRule() {
        return new MeetingLengthRule(minimumLength, combinedMinimumLength);
    }
}
