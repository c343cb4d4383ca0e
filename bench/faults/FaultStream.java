import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * One member's live stream through the balancer, kept open as the browser does. When it is cut, it
 * opens again at once with Last-Event-ID until stopped: the product's 2 s retry cannot come from a
 * dead node. Records every event it read with its id and part, when each connection was cut, and when
 * the next one was open again, so that the run can tell which streams were on a killed node, how
 * long they took to come back, and whether they caught up.
 */
final class FaultStream implements Runnable {

    /** An event read from the stream: its id in live_event, its part, and when it was read. */
    record Event(long id, String part, long nanoTime) {
    }

    /** A connection that was cut and when the next one opened; reopenedNanos is 0 while none has. */
    record Cut(long cutNanos, long reopenedNanos, int attempts) {
    }

    private final HttpClient client;
    private final Load load;
    private final Browser browser;
    private final long meetingId;
    private final CountDownLatch connected;
    private final List<Event> events = new ArrayList<>();
    private final List<Cut> cuts = new ArrayList<>();
    private volatile boolean stopped;
    private String lastEventId = "";

    FaultStream(HttpClient client, Load load, Browser browser, long meetingId, CountDownLatch connected) {
        this.client = client;
        this.load = load;
        this.browser = browser;
        this.meetingId = meetingId;
        this.connected = connected;
    }

    long meetingId() {
        return meetingId;
    }

    void stop() {
        stopped = true;
    }

    synchronized List<Event> events() {
        return List.copyOf(events);
    }

    synchronized List<Cut> cuts() {
        return List.copyOf(cuts);
    }

    @Override
    public void run() {
        boolean first = true;
        long cutAt = 0;
        int attempts = 0;
        while (!stopped && !load.pastDeadline()) {
            HttpRequest.Builder request = browser.withCookies(load.request("/meetings/" + meetingId + "/live"))
                    .timeout(Duration.ofHours(1))
                    .header("Accept", "text/event-stream");
            if (!lastEventId.isEmpty()) {
                request.header("Last-Event-ID", lastEventId);
            }
            attempts++;
            HttpResponse<Stream<String>> response = open(request.build());
            if (first) {
                connected.countDown();
                first = false;
            }
            if (response == null || response.statusCode() != 200) {
                if (response != null) {
                    response.body().close();
                }
                pause(Duration.ofMillis(500));
                continue;
            }
            if (cutAt != 0) {
                record(new Cut(cutAt, System.nanoTime(), attempts));
            }
            attempts = 0;
            read(response);
            cutAt = System.nanoTime();
        }
        if (cutAt != 0 && !stopped) {
            record(new Cut(cutAt, 0, attempts));
        }
    }

    private HttpResponse<Stream<String>> open(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofLines());
        }
        catch (IOException failure) {
            return null;
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            stopped = true;
            return null;
        }
    }

    private void read(HttpResponse<Stream<String>> response) {
        String[] pending = { "", "" };
        try (Stream<String> lines = response.body()) {
            lines.takeWhile(line -> !stopped).forEach(line -> {
                if (line.startsWith("id:")) {
                    pending[0] = line.substring(3).strip();
                }
                else if (line.startsWith("event:")) {
                    pending[1] = line.substring(6).strip();
                }
                else if (line.isEmpty() && !pending[0].isEmpty() && !pending[1].isEmpty()) {
                    lastEventId = pending[0];
                    record(new Event(Long.parseLong(pending[0]), pending[1], System.nanoTime()));
                    pending[0] = "";
                    pending[1] = "";
                }
            });
        }
        catch (RuntimeException cut) {
            // The connection broke: run() opens it again unless the stream was stopped.
        }
    }

    private synchronized void record(Event event) {
        events.add(event);
    }

    private synchronized void record(Cut cut) {
        cuts.add(cut);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
