package vn.chibo.operations;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of backups.
 *
 * @param folder where backups made by the running application (the admin page, the schedule) go
 * @param cron when the running application makes a backup by itself, as a Spring cron expression in
 *     the zone {@code chibo.zone}; "-" (the default) makes none
 * @param postgresBin the folder of pg_dump and pg_restore; unset, the newest Debian installation under
 *     /usr/lib/postgresql is used, else the PATH
 */
@ConfigurationProperties("chibo.backup")
record BackupProperties(@DefaultValue("./data/backups") Path folder, @DefaultValue("-") String cron,
        @Nullable Path postgresBin) {
}
