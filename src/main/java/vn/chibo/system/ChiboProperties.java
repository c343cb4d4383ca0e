package vn.chibo.system;

import java.nio.file.Path;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings shared by all modules.
 *
 * @param zone the zone in which meeting times are entered and shown
 * @param files where the file store keeps uploaded files
 */
@ConfigurationProperties("chibo")
public record ChiboProperties(@DefaultValue("Asia/Ho_Chi_Minh") ZoneId zone, @DefaultValue Files files) {

    /** @param root the folder under which uploaded files are written */
    public record Files(@DefaultValue("./data/files") Path root) {
    }
}
