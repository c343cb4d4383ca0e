package vn.chibo.video;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.chibo.system.ChiboProperties;
import vn.chibo.system.SecretKeyFile;

/**
 * Makes the video conference of {@code chibo.video.provider} available to the meeting module. With
 * {@code none}, the default, there is no {@code VideoConference} bean and joining online opens each
 * meeting's stored link.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(VideoProperties.class)
class VideoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(VideoConfiguration.class);

    @Bean
    @ConditionalOnProperty(prefix = "chibo.video", name = "provider", havingValue = "jitsi")
    JitsiMeet jitsiMeet(VideoProperties properties, Clock clock) {
        JitsiMeet jitsi = JitsiMeet.from(properties.jitsi(), roomNames(properties), clock);
        log.info("Video conferences on Jitsi Meet at {}, {}", properties.jitsi().url(),
                properties.jitsi().usesTokens() ? "with tokens" : "without tokens");
        return jitsi;
    }

    @Bean
    @ConditionalOnProperty(prefix = "chibo.video", name = "provider", havingValue = "bbb")
    BigBlueButton bigBlueButton(VideoProperties properties, ChiboProperties chibo) {
        BigBlueButton bbb = BigBlueButton.from(properties.bbb(), chibo.publicUrl(), roomNames(properties));
        log.info("Video conferences on BigBlueButton at {}, checksums with {}, webhooks {}", properties.bbb().apiUrl(),
                properties.bbb().checksumAlgorithm(), properties.bbb().webhooks() ? "on" : "off");
        return bbb;
    }

    private static RoomNames roomNames(VideoProperties properties) {
        return new RoomNames(SecretKeyFile.configuredOrStored(properties.roomKey(), properties.roomKeyFile(),
                "chibo.video.room-key", "CHIBO_VIDEO_ROOM_KEY"));
    }
}
