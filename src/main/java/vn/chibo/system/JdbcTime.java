package vn.chibo.system;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;

/**
 * Instants to and from {@code timestamp with time zone} columns. Both H2 and the PostgreSQL driver
 * bind {@link OffsetDateTime} exactly, while {@link Instant} is not supported by every driver.
 */
public final class JdbcTime {

    private JdbcTime() {
    }

    public static @Nullable OffsetDateTime param(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    public static @Nullable Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
