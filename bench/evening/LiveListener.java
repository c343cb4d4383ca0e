import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Keeps one member's live stream ({@code GET /meetings/{id}/live}) open as the meeting page does and
 * counts the events that arrive. The server ends a stream after five minutes; the listener then
 * reconnects with the last event id, as the browser does, until it is stopped.
 */
final class LiveListener implements Runnable {

    static final AtomicInteger open = new AtomicInteger();
    static final AtomicLong events = new AtomicLong();

    private final HttpClient client;
    private final Load load;
    private final Browser browser;
    private final long meetingId;
    private final CountDownLatch connected;
    private volatile boolean stopped;
    private String lastEventId = "";

    LiveListener(HttpClient client, Load load, Browser browser, long meetingId, CountDownLatch connected) {
        this.client = client;
        this.load = load;
        this.browser = browser;
        this.meetingId = meetingId;
        this.connected = connected;
    }

    void stop() {
        stopped = true;
    }

    @Override
    public void run() {
        boolean first = true;
        while (!stopped && !load.pastDeadline()) {
            HttpRequest.Builder request = browser.withCookies(load.request("/meetings/" + meetingId + "/live"))
                    .timeout(java.time.Duration.ofHours(1))
                    .header("Accept", "text/event-stream");
            if (!lastEventId.isEmpty()) {
                request.header("Last-Event-ID", lastEventId);
            }
            if (!listen(request.build(), first)) {
                break;
            }
            first = false;
        }
    }

    /** Reads one stream until it ends; returns whether to reconnect. */
    private boolean listen(HttpRequest request, boolean first) {
        Recorder.Kind stats = load.recorderKind("live stream opened");
        long started = System.nanoTime();
        HttpResponse<Stream<String>> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofLines());
        }
        catch (IOException failure) {
            if (!stopped) {
                stats.error(failure.getClass().getSimpleName());
            }
            countDownIf(first);
            return false;
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            countDownIf(first);
            return false;
        }

        if (response.statusCode() != 200) {
            stats.error("status " + response.statusCode());
            response.body().close();
            countDownIf(first);
            return false;
        }
        stats.success(System.nanoTime() - started);
        open.incrementAndGet();
        countDownIf(first);

        try (Stream<String> lines = response.body()) {
            lines.takeWhile(line -> !stopped).forEach(this::read);
        }
        catch (RuntimeException ended) {
            // The stream was cut (by stop(), or by the server): the loop decides whether to reconnect.
        }
        finally {
            open.decrementAndGet();
        }
        return true;
    }

    private void read(String line) {
        if (line.startsWith("event:")) {
            events.incrementAndGet();
        }
        else if (line.startsWith("id:")) {
            lastEventId = line.substring(3).strip();
        }
    }

    private void countDownIf(boolean first) {
        if (first) {
            connected.countDown();
        }
    }
}
