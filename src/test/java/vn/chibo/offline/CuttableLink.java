package vn.chibo.offline;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay on 127.0.0.1 between the browser and the application, whose connection can be cut and
 * restored. Cut, it closes every open connection and refuses new ones, as a phone without signal would,
 * while the application keeps running for the checks that follow. It keeps its port, so the browser's
 * origin (and with it the service worker and its caches) stays the same.
 */
final class CuttableLink implements AutoCloseable {

    private final int targetPort;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket listener;

    CuttableLink(int targetPort) {
        this.targetPort = targetPort;
        try (var probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            this.port = probe.getLocalPort();
        }
        catch (IOException failure) {
            throw new UncheckedIOException("No free port on 127.0.0.1 for the relay", failure);
        }
        restore();
    }

    int port() {
        return port;
    }

    /** Starts accepting connections again on the same port. */
    synchronized void restore() {
        try {
            var socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            listener = socket;
        }
        catch (IOException failure) {
            throw new UncheckedIOException("Could not listen on 127.0.0.1:" + port, failure);
        }
        Thread.ofVirtual().name("relay-accept-" + port).start(this::accept);
    }

    /** Closes the listener and every connection, so that each request of the browser fails at once. */
    synchronized void cut() {
        closeQuietly(listener);
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        open.clear();
    }

    @Override
    public void close() {
        cut();
    }

    private void accept() {
        ServerSocket current = listener;
        while (!current.isClosed()) {
            try {
                Socket browser = current.accept();
                Socket application = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                open.add(browser);
                open.add(application);
                Thread.ofVirtual().start(() -> pump(browser, application));
                Thread.ofVirtual().start(() -> pump(application, browser));
            }
            catch (IOException closed) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                out.flush();
            }
        }
        catch (IOException closed) {
            // One side closed or the link was cut; the other side is closed below.
        }
        finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        }
        catch (Exception ignored) {
            // Closing a socket that is already closed or reset has nothing left to report.
        }
    }
}
