package vn.chibo.operations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * Dumps a database to one file and loads such a file into an empty database: H2 through its SQL
 * commands SCRIPT and RUNSCRIPT, PostgreSQL through pg_dump (custom format, {@code -Fc}) and pg_restore.
 * Both dumps are consistent while the application writes: SCRIPT runs in one H2 transaction at
 * isolation level SNAPSHOT, and pg_dump reads from one snapshot by design.
 */
final class DatabaseDumps {

    private static final Path DEBIAN_POSTGRES = Path.of("/usr/lib/postgresql");

    private DatabaseDumps() {
    }

    /** Returns the archive path of the dump of this kind of database. */
    static String entryName(DatabaseConnection database) {
        return database.isPostgres() ? "database/chibo.dump" : "database/chibo.sql";
    }

    static void dump(DatabaseConnection database, Path target, @Nullable Path postgresBin)
            throws IOException, SQLException {
        if (database.isPostgres()) {
            var address = database.postgresAddress();
            runTool(database, List.of(tool(postgresBin, "pg_dump").toString(), "--format=custom", "--no-password",
                    "--host=" + address.host(), "--port=" + address.port(), "--username=" + database.username(),
                    "--file=" + target, address.database()));
            return;
        }
        requireH2(database);
        try (Connection connection = database.open(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("set session characteristics as transaction isolation level snapshot");
            statement.execute("script to " + sqlString(target.toAbsolutePath().toString()));
            connection.commit();
        }
    }

    static void restore(DatabaseConnection database, Path source, @Nullable Path postgresBin)
            throws IOException, SQLException {
        if (database.isPostgres()) {
            var address = database.postgresAddress();
            runTool(database, List.of(tool(postgresBin, "pg_restore").toString(), "--no-owner", "--no-privileges",
                    "--exit-on-error", "--single-transaction", "--no-password", "--host=" + address.host(),
                    "--port=" + address.port(), "--username=" + database.username(), "--dbname=" + address.database(),
                    source.toString()));
            return;
        }
        requireH2(database);
        try (Connection connection = database.open(); Statement statement = connection.createStatement()) {
            statement.execute("runscript from " + sqlString(source.toAbsolutePath().toString()));
        }
    }

    /** Returns the number of tables in the schema public, which restore requires to be 0. */
    static int tableCount(DatabaseConnection database) throws SQLException {
        try (Connection connection = database.open(); Statement statement = connection.createStatement();
                var result = statement.executeQuery(
                        "select count(*) from information_schema.tables where lower(table_schema) = 'public'")) {
            result.next();
            return result.getInt(1);
        }
    }

    /** Returns the version of the last successful Flyway migration, or "none". */
    static String schemaVersion(DatabaseConnection database) throws SQLException {
        try (Connection connection = database.open(); Statement statement = connection.createStatement();
                var result = statement.executeQuery("""
                        select version from flyway_schema_history where success and version is not null
                        order by installed_rank desc limit 1""")) {
            return result.next() ? result.getString(1) : "none";
        }
    }

    private static void requireH2(DatabaseConnection database) {
        if (!database.isH2()) {
            throw new IllegalArgumentException("Backups support H2 and PostgreSQL only, not "
                    + database.url().replaceAll("[;?].*", ""));
        }
    }

    private static String sqlString(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private static void runTool(DatabaseConnection database, List<String> command) throws IOException {
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (database.password() != null && !database.password().isEmpty()) {
            builder.environment().put("PGPASSWORD", database.password());
        }
        Path output = Files.createTempFile("chibo-pg-tool-", ".log");
        try {
            Process process = builder.redirectOutput(output.toFile()).start();
            if (process.waitFor() != 0) {
                throw new IOException(command.getFirst() + " failed with exit code " + process.exitValue() + ": "
                        + Files.readString(output).strip());
            }
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while running " + command.getFirst(), interrupted);
        }
        finally {
            Files.deleteIfExists(output);
        }
    }

    /**
     * Finds a PostgreSQL client program: in the configured folder, else in the newest Debian
     * installation under /usr/lib/postgresql, else on the PATH.
     */
    private static Path tool(@Nullable Path configured, String name) throws IOException {
        if (configured != null) {
            return configured.resolve(name);
        }
        if (Files.isDirectory(DEBIAN_POSTGRES)) {
            try (Stream<Path> versions = Files.list(DEBIAN_POSTGRES)) {
                List<Path> found = new ArrayList<>(versions
                        .filter(version -> version.getFileName().toString().matches("\\d+"))
                        .filter(version -> Files.isExecutable(version.resolve("bin").resolve(name)))
                        .toList());
                found.sort(Comparator.comparingInt(version -> Integer.parseInt(version.getFileName().toString())));
                if (!found.isEmpty()) {
                    return found.getLast().resolve("bin").resolve(name);
                }
            }
        }
        return Path.of(name);
    }
}
