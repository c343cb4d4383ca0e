package vn.chibo.video;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for a BigBlueButton server's API on 127.0.0.1, for tests. It checks each call's SHA-256
 * checksum as BigBlueButton does (the hash of the call's name, the query string without the checksum and
 * the shared secret), responds to {@code create} and {@code hooks/create} with the XML of the API reference,
 * and keeps the calls it received.
 */
final class FakeBigBlueButton {

    /** One call as received. */
    record Call(String name, String query, Map<String, String> parameters, boolean checksumValid) {
    }

    private final HttpServer server;
    private final String secret;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private volatile boolean refuseCreate;

    private FakeBigBlueButton(HttpServer server, String secret) {
        this.server = server;
        this.secret = secret;
    }

    static FakeBigBlueButton start(String secret) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            var fake = new FakeBigBlueButton(server, secret);
            server.createContext("/bigbluebutton/api/", fake::handle);
            server.start();
            return fake;
        }
        catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/bigbluebutton/api";
    }

    void stop() {
        server.stop(0);
    }

    /** Makes {@code create} return FAILED, as a server that rejects the room does. */
    void refuseCreate(boolean refuse) {
        this.refuseCreate = refuse;
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    void forget() {
        calls.clear();
    }

    /** Returns whether the query string ends with the valid SHA-256 checksum of the call. */
    boolean isSigned(String call, String rawQuery) {
        int at = rawQuery.lastIndexOf("checksum=");
        if (at < 0) {
            return false;
        }
        String unsigned = at == 0 ? "" : rawQuery.substring(0, at - 1);
        return rawQuery.substring(at + "checksum=".length()).equals(sha256(call + unsigned + secret));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
                    text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException unavailable) {
            throw new IllegalStateException(unavailable);
        }
    }

    static Map<String, String> parameters(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            parameters.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return parameters;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String name = exchange.getRequestURI().getPath().substring("/bigbluebutton/api/".length());
        String query = exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery();
        boolean signed = isSigned(name, query);
        calls.add(new Call(name, query, parameters(query), signed));

        String body;
        if (!signed) {
            body = "<response><returncode>FAILED</returncode><messageKey>checksumError</messageKey>"
                    + "<message>Checksums do not match</message></response>";
        }
        else if (name.equals("create") && refuseCreate) {
            body = "<response><returncode>FAILED</returncode><messageKey>maxConcurrent</messageKey>"
                    + "<message>The server cannot take another meeting.</message></response>";
        }
        else if (name.equals("create")) {
            body = "<response><returncode>SUCCESS</returncode><meetingID>" + parameters(query).get("meetingID")
                    + "</meetingID><internalMeetingID>640ab2bae07bedc4c163f679a746f7ab7fb5d1fa-1531155809613"
                    + "</internalMeetingID><createTime>1531155809613</createTime><hasUserJoined>false</hasUserJoined>"
                    + "</response>";
        }
        else if (name.equals("hooks/create")) {
            body = "<response><returncode>SUCCESS</returncode><hookID>1</hookID><permanentHook>false</permanentHook>"
                    + "<rawData>false</rawData></response>";
        }
        else {
            body = "<response><returncode>FAILED</returncode><messageKey>unsupportedRequest</messageKey></response>";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/xml;charset=UTF-8");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
