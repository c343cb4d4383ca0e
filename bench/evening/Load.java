import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.function.Predicate;

/**
 * Sends the requests of all simulated members through one HTTP client, with at most a fixed number
 * in flight (a closed loop, as wrk does), and records each request's latency from the moment it may
 * be sent until its response arrived. Requests after the deadline are not sent and count as skipped.
 */
final class Load {

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client;
    private final String base;
    private final Semaphore inFlight;
    private final Recorder recorder;
    private final long deadlineNanos;
    private volatile Observer observer = (kind, startedNanos, elapsedNanos, status) -> {
    };

    /** Sees every request sent, with its status, or -1 when no response arrived. */
    interface Observer {
        void sent(String kind, long startedNanos, long elapsedNanos, int status);
    }

    Load(HttpClient client, String base, int concurrency, Recorder recorder, long deadlineNanos) {
        this.client = client;
        this.base = base;
        this.inFlight = new Semaphore(concurrency);
        this.recorder = recorder;
        this.deadlineNanos = deadlineNanos;
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(REQUEST_TIMEOUT);
    }

    void observe(Observer observer) {
        this.observer = observer;
    }

    Recorder.Kind recorderKind(String kind) {
        return recorder.kind(kind);
    }

    /**
     * Takes one of the slots for requests in flight, for a request sent outside {@link #send}, such
     * as the opening of a live stream until its headers arrive. The caller gives it back with
     * {@link #releaseSlot()}.
     */
    void acquireSlot() {
        inFlight.acquireUninterruptibly();
    }

    void releaseSlot() {
        inFlight.release();
    }

    boolean pastDeadline() {
        return System.nanoTime() > deadlineNanos;
    }

    /**
     * Sends a request and records it under the kind; returns the response, or null when it failed,
     * returned a status outside the expected ones, or was skipped after the deadline.
     */
    HttpResponse<String> send(String kind, HttpRequest request, Set<Integer> expected) {
        return send(kind, request, response -> expected.contains(response.statusCode()));
    }

    /**
     * Sends a request like {@link #send(String, HttpRequest, Set)}, with a test of the response in
     * place of a set of statuses: a failed sign-in, say, is a redirect like a successful one.
     */
    HttpResponse<String> send(String kind, HttpRequest request, Predicate<HttpResponse<String>> expected) {
        Recorder.Kind stats = recorder.kind(kind);
        if (pastDeadline()) {
            stats.error("skipped after the deadline");
            return null;
        }
        inFlight.acquireUninterruptibly();
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            long elapsed = System.nanoTime() - started;
            observer.sent(kind, started, elapsed, response.statusCode());
            if (!expected.test(response)) {
                stats.error("status " + response.statusCode() + response.headers().firstValue("Location")
                        .map(location -> " to " + location.replaceAll("\\?.*", "")).orElse(""));
                return null;
            }
            stats.success(elapsed);
            return response;
        }
        catch (IOException failure) {
            observer.sent(kind, started, System.nanoTime() - started, -1);
            stats.error(failure.getClass().getSimpleName());
            return null;
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            stats.error("interrupted");
            return null;
        }
        finally {
            inFlight.release();
        }
    }
}
