package vn.chibo.member;

import java.nio.file.Path;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The key that encrypts members' party card and phone numbers at rest.
 *
 * @param dataKey the key, at least 32 characters; blank to use the key kept in {@code dataKeyFile}
 * @param dataKeyFile where a generated key is kept when none is configured; written once
 * @param previousDataKeys keys used before the current one, so that values they encrypted can still be
 *        read and are encrypted again under the current key at start-up
 */
@ConfigurationProperties("chibo.crypto")
public record MemberCryptoProperties(@Nullable String dataKey, @DefaultValue("./data/data-key") Path dataKeyFile,
        @DefaultValue List<String> previousDataKeys) {
}
