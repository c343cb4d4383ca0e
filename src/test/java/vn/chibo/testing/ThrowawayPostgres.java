package vn.chibo.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server for the test run, started from the installed server binaries (Debian's
 * {@code postgresql} package) in a temporary folder on 127.0.0.1, and stopped and deleted after the
 * JVM has exited. It is used only when {@code CHIBO_TEST_POSTGRES_URL} names no running server.
 *
 * <p>The stop is not a JVM shutdown hook: such a hook runs at the same time as the hooks that close
 * the Spring test contexts, whose connection pools then wait on a server going away. A small shell
 * started beside the server waits for the JVM's process to end instead.
 */
final class ThrowawayPostgres {

    private static ThrowawayPostgres running;

    private final Path binaries;
    private final Path folder;
    private final int port;
    private final boolean asPostgresUser;

    private ThrowawayPostgres(Path binaries, Path folder, int port, boolean asPostgresUser) {
        this.binaries = binaries;
        this.folder = folder;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    /** Returns the JDBC URL of the maintenance database of the server, starting it on first use. */
    static synchronized String adminUrl() {
        if (running == null) {
            running = start();
        }
        return "jdbc:postgresql://127.0.0.1:" + running.port + "/postgres";
    }

    private static ThrowawayPostgres start() {
        Path binaries = findBinaries();
        try {
            Path folder = Files.createTempDirectory("chibo-postgres-");
            boolean root = "root".equals(System.getProperty("user.name"));
            var server = new ThrowawayPostgres(binaries, folder, freePort(), root);
            if (root) {
                // PostgreSQL refuses to run as root, so the server runs as the postgres user.
                server.run(List.of("chown", "-R", "postgres:postgres", folder.toString()), false);
            }
            server.run(List.of(binaries.resolve("initdb").toString(), "-D", folder.resolve("data").toString(),
                    "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync"), root);
            server.run(List.of(binaries.resolve("pg_ctl").toString(), "-D", folder.resolve("data").toString(),
                    "-l", folder.resolve("server.log").toString(), "-w", "-o",
                    "-p " + server.port + " -k " + folder + " -c listen_addresses=127.0.0.1 -c fsync=off"
                            + " -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
                    "start"), root);
            server.stopAfterExit();
            return server;
        }
        catch (IOException failure) {
            throw new IllegalStateException("Could not start a throwaway PostgreSQL server", failure);
        }
    }

    private void stopAfterExit() {
        String pgCtl = binaries.resolve("pg_ctl").toString();
        String stop = (asPostgresUser ? "runuser -u postgres -- " : "") + "'" + pgCtl + "' -D '" + folder.resolve("data")
                + "' -m immediate -w stop";
        String script = "while kill -0 " + ProcessHandle.current().pid() + " 2>/dev/null; do sleep 1; done; "
                + stop + " >/dev/null 2>&1; rm -rf '" + folder + "'";
        try {
            new ProcessBuilder("sh", "-c", script).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        }
        catch (IOException failure) {
            throw new IllegalStateException("Could not start the watcher that stops the throwaway PostgreSQL server",
                    failure);
        }
    }

    private void run(List<String> command, boolean asPostgres) {
        var full = new ArrayList<String>();
        if (asPostgres) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        try {
            Process process = new ProcessBuilder(full).redirectErrorStream(true)
                    .redirectOutput(folder.resolve("commands.log").toFile())
                    .start();
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("Command failed: " + String.join(" ", full) + "; see "
                        + folder.resolve("commands.log") + " and " + folder.resolve("server.log"));
            }
        }
        catch (IOException failure) {
            throw new IllegalStateException("Could not run " + String.join(" ", full), failure);
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + String.join(" ", full), interrupted);
        }
    }

    private static Path findBinaries() {
        Path installed = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(installed)) {
            try (Stream<Path> versions = Files.list(installed)) {
                var newest = versions.filter(version -> Files.isExecutable(version.resolve("bin/initdb")))
                        .max(Comparator.comparing(version -> Integer.parseInt(version.getFileName().toString())));
                if (newest.isPresent()) {
                    return newest.get().resolve("bin");
                }
            }
            catch (IOException | NumberFormatException ignored) {
                // Fall through to the explanation below.
            }
        }
        throw new IllegalStateException("""
                The PostgreSQL tests need a server. Either set CHIBO_TEST_POSTGRES_URL (and \
                CHIBO_TEST_POSTGRES_USER, CHIBO_TEST_POSTGRES_PASSWORD) to a running PostgreSQL 15+ whose user \
                may create databases, or install Debian's 'postgresql' package so that the tests can start \
                their own. .ci/run does the latter.""");
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
