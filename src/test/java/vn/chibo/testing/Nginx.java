package vn.chibo.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;

/**
 * A throwaway nginx from Debian's packages that balances 127.0.0.1 ports with the product's proxy
 * settings ({@link #PROXY_SETTINGS}, the file that docs/deployment.md quotes). It needs no root: its
 * pid file, logs and temporary files stay in a folder of its own, and it listens on a free loopback
 * port. Each response carries {@value #UPSTREAM_HEADER} with the node that served it; the product
 * never sends that header, only this test configuration adds it.
 */
public final class Nginx implements AutoCloseable {

    public static final Path BINARY = Path.of("/usr/sbin/nginx");

    /** The header that names the upstream node (address and port) of each response. */
    public static final String UPSTREAM_HEADER = "X-Upstream";

    static final Path PROXY_SETTINGS = Path.of("docs", "nginx", "chibo-proxy.conf");

    private final Path folder;
    private final int port;
    private final Process process;

    private Nginx(Path folder, int port, Process process) {
        this.folder = folder;
        this.port = port;
        this.process = process;
    }

    /** Returns whether Debian's nginx is installed where this class runs it. */
    public static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    /** Starts nginx in front of the given loopback ports and waits until it accepts connections. */
    public static Nginx balancing(List<Integer> nodePorts) throws IOException {
        if (!installed()) {
            throw new IllegalStateException("nginx is not installed at " + BINARY
                    + ": apt-get install nginx-light, as .ci/run does");
        }
        Path folder = Files.createTempDirectory(Files.createDirectories(Path.of("target", "nginx")), "balancer-")
                .toAbsolutePath();
        int port = freePort();
        Path configuration = folder.resolve("nginx.conf");
        Files.writeString(configuration, configuration(folder, port, nodePorts), StandardCharsets.UTF_8);

        Process process = new ProcessBuilder(BINARY.toString(), "-p", folder + "/", "-c", configuration.toString(),
                "-e", folder.resolve("error.log").toString(), "-g", "daemon off;")
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("output.log").toFile())
                .start();
        Nginx nginx = new Nginx(folder, port, process);
        try {
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                    .until(() -> !process.isAlive() || accepts(port));
            if (!process.isAlive()) {
                throw new IllegalStateException("nginx stopped at start with exit code " + process.exitValue() + ": "
                        + Files.readString(folder.resolve("output.log")) + Files.readString(folder.resolve("error.log")));
            }
        }
        catch (RuntimeException failure) {
            nginx.close();
            throw failure;
        }
        return nginx;
    }

    public int port() {
        return port;
    }

    /** Returns the folder that contains the configuration, the logs and the temporary files. */
    public Path folder() {
        return folder;
    }

    /** Stops nginx (SIGTERM makes a fast shutdown) and waits for it. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
        catch (InterruptedException interrupted) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static String configuration(Path folder, int port, List<Integer> nodePorts) {
        String servers = nodePorts.stream()
                .map(nodePort -> "        server 127.0.0.1:" + nodePort + ";")
                .collect(Collectors.joining("\n"));
        // Run as root (as in some CI containers), nginx would switch its worker to "nobody", which
        // cannot enter this folder. Without root the directive does nothing but log a warning.
        String user = "root".equals(System.getProperty("user.name")) ? "user root;\n" : "";
        return user + """
                worker_processes 1;
                pid %1$s/nginx.pid;
                events {
                    worker_connections 256;
                }
                http {
                    log_format upstreams '$remote_addr "$request" $status $upstream_addr';
                    access_log %1$s/access.log upstreams;
                    client_body_temp_path %1$s/client-body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;

                    # Round robin, no sticky sessions, as docs/deployment.md lists the nodes.
                    upstream chibo {
                %2$s
                        keepalive 16;
                    }

                    server {
                        listen 127.0.0.1:%3$d;
                        server_name localhost;
                        add_header %4$s $upstream_addr always;
                        include %5$s;
                    }
                }
                """.formatted(folder, servers, port, UPSTREAM_HEADER, PROXY_SETTINGS.toAbsolutePath());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        }
        catch (IOException refused) {
            return false;
        }
    }
}
