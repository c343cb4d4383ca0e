package vn.chibo.video;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of video conferencing. Only the chosen provider's settings are checked, at start, and a
 * wrong one stops the start with a message that names the property and its environment variable.
 *
 * @param provider the service that hosts online meetings; {@code none} keeps the link stored with each
 *        meeting
 * @param roomKey the key (at least 32 characters) from which room names are derived, the same on every
 *        node; blank to use the key kept in {@code roomKeyFile}
 * @param roomKeyFile where a generated room key is kept when none is configured; written once
 */
@ConfigurationProperties("chibo.video")
record VideoProperties(@DefaultValue("none") Provider provider, @Nullable String roomKey,
        @DefaultValue("./data/video-room-key") Path roomKeyFile, @DefaultValue Jitsi jitsi,
        @DefaultValue BigBlueButton bbb) {

    /** The video conference services the product can use. */
    enum Provider {
        NONE, JITSI, BBB
    }

    /**
     * A Jitsi Meet server.
     *
     * @param url the server's address, such as {@code https://meet.example.vn}; rooms are opened below it
     * @param appId the application id that the server's token authentication expects ({@code app_id} in
     *        Prosody); blank when the server accepts anyone without a token
     * @param appSecret the secret shared with the server that signs the tokens (HS256), at least 32
     *        characters; required with {@code appId}
     * @param audience the {@code aud} claim that the server accepts
     * @param tokenLifetime how long a token lets its holder connect after the join
     */
    record Jitsi(@Nullable URI url, @Nullable String appId, @Nullable String appSecret,
            @DefaultValue("jitsi") String audience, @DefaultValue("5m") Duration tokenLifetime) {

        boolean usesTokens() {
            return appId != null && !appId.isBlank();
        }
    }

    /**
     * A BigBlueButton server.
     *
     * @param apiUrl the address of the server's API, such as {@code https://bbb.example.vn/bigbluebutton/api}
     * @param secret the server's shared secret ({@code bbb-conf --secret} prints it)
     * @param checksumAlgorithm the hash of API checksums, one of those the server accepts
     *        ({@code supportedChecksumAlgorithms} in bbb-web's properties)
     * @param timeout how long a call to the server may take before the join fails
     * @param webhooks whether to register the bbb-webhooks callbacks that report joins and leaves
     */
    record BigBlueButton(@Nullable URI apiUrl, @Nullable String secret,
            @DefaultValue("SHA256") ChecksumAlgorithm checksumAlgorithm, @DefaultValue("10s") Duration timeout,
            @DefaultValue("true") boolean webhooks) {
    }
}
