import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;

/**
 * One open page's live stream ({@code GET /meetings/{id}/live}) that notes when each event of one part
 * arrived, by event id, on the clock of {@link System#nanoTime()}. When the server ends the stream (after
 * five minutes) or the connection fails, it reconnects with the last event id after the two seconds that
 * the server's {@code retry} field sets, as the browser does, and counts the reconnect. With gzip
 * it accepts a compressed stream, as browsers do, so that the server compresses it as it would for them.
 */
final class TimedStream implements Runnable {

    /** How long a browser waits before it reconnects, as the product's streams send in {@code retry:2000}. */
    private static final Duration RECONNECT_DELAY = Duration.ofSeconds(2);

    static final AtomicInteger open = new AtomicInteger();
    /** Connections whose body the server compressed with gzip. */
    static final AtomicInteger compressed = new AtomicInteger();

    /** Arrival time in nanoseconds by event id, for the events of the part this stream times. */
    final Map<Long, Long> arrivals = new ConcurrentHashMap<>();
    final int node;
    final AtomicInteger reconnects = new AtomicInteger();
    volatile String failure = "";

    private final HttpClient client;
    private final URI uri;
    private final Browser session;
    private final String part;
    private final Runnable settled;
    private final boolean gzip;
    private volatile boolean stopped;
    private boolean counted;
    private String lastEventId = "";
    private String eventId = "";
    private String eventName = "";

    /**
     * Creates the stream; {@code settled} runs once, when the first connection is open or has failed, so
     * that the caller may count open streams and open the next.
     */
    TimedStream(HttpClient client, String base, int node, long meetingId, Browser session, String part,
            boolean gzip, Runnable settled) {
        this.client = client;
        this.uri = URI.create(base + "/meetings/" + meetingId + "/live");
        this.node = node;
        this.session = session;
        this.part = part;
        this.settled = settled;
        this.gzip = gzip;
    }

    void stop() {
        stopped = true;
    }

    @Override
    public void run() {
        while (!stopped) {
            HttpRequest.Builder request = session.withCookies(HttpRequest.newBuilder(uri))
                    .timeout(Duration.ofHours(1))
                    .header("Accept", "text/event-stream");
            if (gzip) {
                request.header("Accept-Encoding", "gzip");
            }
            if (!lastEventId.isEmpty()) {
                request.header("Last-Event-ID", lastEventId);
            }
            boolean opened = listen(request.build());
            if (!counted) {
                // The first attempt failed: count it as done, so that the run does not wait for it.
                counted = true;
                settled.run();
            }
            if (!opened || stopped) {
                return;
            }
            reconnects.incrementAndGet();
            try {
                Thread.sleep(RECONNECT_DELAY);
            }
            catch (InterruptedException interrupted) {
                return;
            }
        }
    }

    /** Reads one stream until it ends; returns false when it could not be opened. */
    private boolean listen(HttpRequest request) {
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        }
        catch (IOException opening) {
            failure = opening.getClass().getSimpleName();
            return false;
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
        if (response.statusCode() != 200) {
            failure = "status " + response.statusCode();
            closeQuietly(response.body());
            return false;
        }
        open.incrementAndGet();
        if (!counted) {
            counted = true;
            settled.run();
        }
        try {
            readLines(response);
        }
        catch (IOException | RuntimeException ended) {
            // The stream was cut by the server or by the end of the run; run() decides whether to reconnect.
        }
        finally {
            closeQuietly(response.body());
            open.decrementAndGet();
        }
        return true;
    }

    /**
     * Reads the body line by line, uncompressed when the server sent it with gzip, and parses each line.
     * It reads bytes itself: an InputStreamReader over a GZIPInputStream waits for a full buffer,
     * because that stream reports bytes available until its end, and would hold events back.
     */
    private void readLines(HttpResponse<InputStream> response) throws IOException {
        InputStream body = response.body();
        if (response.headers().firstValue("Content-Encoding").orElse("").equalsIgnoreCase("gzip")) {
            compressed.incrementAndGet();
            body = new GZIPInputStream(body);
        }
        var line = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int count;
        while (!stopped && (count = body.read(buffer)) >= 0) {
            for (int index = 0; index < count; index++) {
                if (buffer[index] == '\n') {
                    read(line.toString(StandardCharsets.UTF_8));
                    line.reset();
                }
                else if (buffer[index] != '\r') {
                    line.write(buffer[index]);
                }
            }
        }
    }

    private static void closeQuietly(InputStream body) {
        try {
            body.close();
        }
        catch (IOException ignored) {
            // The connection is being dropped anyway.
        }
    }

    /** Parses the SSE fields of one line; an empty line ends an event, which is then timed. */
    private void read(String line) {
        if (line.startsWith("id:")) {
            eventId = line.substring(3).strip();
        }
        else if (line.startsWith("event:")) {
            eventName = line.substring(6).strip();
        }
        else if (line.isEmpty() && !eventId.isEmpty()) {
            long now = System.nanoTime();
            lastEventId = eventId;
            if (eventName.equals(part)) {
                arrivals.putIfAbsent(Long.parseLong(eventId), now);
            }
            eventId = "";
            eventName = "";
        }
    }
}
