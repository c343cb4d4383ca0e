package vn.chibo.meeting;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the meeting module.
 *
 * @param maxDocumentSize the largest file accepted as a meeting document; uploads are also capped by
 *     {@code spring.servlet.multipart.max-file-size}, so raise both together
 */
@ConfigurationProperties("chibo.meeting")
record MeetingProperties(@DefaultValue("20MB") DataSize maxDocumentSize) {
}
