package vn.chibo.operations;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.jspecify.annotations.Nullable;

/**
 * The JDBC settings of a database to back up or restore, as in {@code spring.datasource.*}.
 *
 * @param url a JDBC URL of H2 ({@code jdbc:h2:…}) or PostgreSQL ({@code jdbc:postgresql://host:port/name})
 */
public record DatabaseConnection(String url, @Nullable String username, @Nullable String password) {

    public boolean isPostgres() {
        return url.startsWith("jdbc:postgresql:");
    }

    public boolean isH2() {
        return url.startsWith("jdbc:h2:");
    }

    Connection open() throws SQLException {
        return DriverManager.getConnection(url, username, password);
    }

    /** Returns the host, port and database name of a PostgreSQL URL, for pg_dump and pg_restore. */
    PostgresAddress postgresAddress() {
        URI address = URI.create(url.substring("jdbc:".length()));
        String database = address.getPath() == null ? "" : address.getPath().replaceFirst("^/", "");
        if (address.getHost() == null || database.isEmpty()) {
            throw new IllegalArgumentException("The PostgreSQL URL " + url.replaceAll("\\?.*", "")
                    + " names no host or database; expected jdbc:postgresql://host:port/database");
        }
        return new PostgresAddress(address.getHost(), address.getPort() < 0 ? 5432 : address.getPort(), database);
    }

    record PostgresAddress(String host, int port, String database) {
    }
}
