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
 * reconnects with the last event id, as the browser does, until it is stopped. A stream refused with
 * an error status is opened again after 2 s, then after growing delays up to a minute, at most 20
 * times, as {@code static/js/live.js} does. Opening a stream takes one of the load generator's slots
 * for requests in flight until the response's headers arrive, like any other request.
 */
final class LiveListener implements Runnable {

    static final AtomicInteger open = new AtomicInteger();
    static final AtomicLong events = new AtomicLong();

    private final HttpClient client;
    private final Load load;
    private final Browser browser;
    private final long meetingId;
    private final CountDownLatch connected;
    private static final long FIRST_RETRY_MILLIS = 2_000;
    private static final long MAX_RETRY_DELAY_MILLIS = 60_000;
    private static final int MAX_RETRIES = 20;

    private volatile boolean stopped;
    private String lastEventId = "";
    private int retries;
    private long retryDelayMillis = FIRST_RETRY_MILLIS;

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
        load.acquireSlot();
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
        finally {
            load.releaseSlot();
        }

        if (response.statusCode() != 200) {
            stats.error("status " + response.statusCode());
            response.body().close();
            countDownIf(first);
            return waitToRetry();
        }
        stats.success(System.nanoTime() - started);
        retries = 0;
        retryDelayMillis = FIRST_RETRY_MILLIS;
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

    /** Waits before the next attempt after a refused stream; returns false once the retries are used up. */
    private boolean waitToRetry() {
        if (stopped || retries >= MAX_RETRIES) {
            return false;
        }
        retries++;
        try {
            Thread.sleep(retryDelayMillis);
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
        retryDelayMillis = Math.min(retryDelayMillis * 2, MAX_RETRY_DELAY_MILLIS);
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
