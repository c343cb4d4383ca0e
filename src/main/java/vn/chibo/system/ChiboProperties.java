package vn.chibo.system;

import java.net.URI;
import java.nio.file.Path;
import java.time.ZoneId;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings shared by all modules.
 *
 * @param zone the zone in which meeting times are entered and shown
 * @param files where the file store keeps uploaded files
 * @param publicUrl the address under which members reach the platform, such as
 *        {@code https://chibo.example.vn}, printed on sign-in slips; null to print the address the
 *        secretary's browser used, which the request's Host header decides
 */
@ConfigurationProperties("chibo")
public record ChiboProperties(@DefaultValue("Asia/Ho_Chi_Minh") ZoneId zone, @DefaultValue Files files,
        @Nullable URI publicUrl) {

    public ChiboProperties {
        if (publicUrl != null && !isPlainWebAddress(publicUrl)) {
            throw new IllegalArgumentException("chibo.public-url must be an http or https address with a host and "
                    + "no query, such as https://chibo.example.vn, but is " + publicUrl);
        }
    }

    private static boolean isPlainWebAddress(URI address) {
        String scheme = address.getScheme();
        return address.isAbsolute() && ("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))
                && address.getHost() != null && address.getRawUserInfo() == null && address.getRawQuery() == null
                && address.getRawFragment() == null;
    }

    /** @param root the folder under which uploaded files are written */
    public record Files(@DefaultValue("./data/files") Path root) {
    }
}
