import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load generator of the live-update benchmark (bench/live-latency.sh starts it). The secretary of
 * the first generated cell publishes and starts its meeting on node A, and the cell's members sign in.
 * Then N live streams of that meeting open, spread over the members' sessions (several tabs each) and,
 * with two nodes, half on each node. The secretary then opens and closes votes on node A, one change every
 * spacing, and each stream notes when the change's VOTES event arrived. Prints the delivery latency per
 * node, the memory of each node per open stream and the CPU use, in Markdown.
 *
 * <p>Arguments, as name=value: base-a, base-b (absent for one node), manifest, password, totp-secret,
 * clients (5000), changes (50), warm-up-changes (4), spacing-millis (1000), open-concurrency (64),
 * gzip (true: the streams accept gzip, as browsers do), pid-a, pid-b, events-command (a shell command that prints the ids of the meeting's VOTES events in
 * order, with %d for the meeting id).
 */
public final class LiveLatency {

    /** Streams per HTTP client: each JDK client reads all its connections on one selector thread. */
    private static final int STREAMS_PER_CLIENT = 1000;

    /** How long after the last change the streams may still receive events before the rest count as missed. */
    private static final Duration DRAIN = Duration.ofSeconds(10);

    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    private final Map<String, String> arguments;
    private final Recorder recorder = new Recorder();
    private final List<HttpClient> clients = new ArrayList<>();
    private final List<String> bases = new ArrayList<>();
    private final List<Probe> probes = new ArrayList<>();
    private final List<Long> pids = new ArrayList<>();
    private final Load load;

    /** Memory of one node: resident set and the Java heap in use after a full collection, in kB. */
    record Memory(long residentKb, long heapUsedKb) {
    }

    /** One change: when its request was sent, on the nanoTime clock. */
    record Change(String kind, long sentNanos) {
    }

    LiveLatency(Map<String, String> arguments) {
        this.arguments = arguments;
        bases.add(required("base-a"));
        pids.add(number("pid-a", -1));
        if (!arguments.getOrDefault("base-b", "").isBlank()) {
            bases.add(arguments.get("base-b"));
            pids.add(number("pid-b", -1));
        }
        pids.forEach(pid -> probes.add(new Probe(pid, "")));
        HttpClient pages = newClient();
        clients.add(pages);
        // The secretary's and members' pages go to node A with a few requests at a time; no deadline.
        this.load = new Load(pages, bases.getFirst(), 16, recorder, Long.MAX_VALUE);
    }

    public static void main(String[] args) throws Exception {
        var arguments = new LinkedHashMap<String, String>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException("Expected name=value, got " + arg);
            }
            arguments.put(arg.substring(0, equals), arg.substring(equals + 1));
        }
        new LiveLatency(arguments).run();
    }

    private void run() throws Exception {
        Manifest.Cell cell = Manifest.read(Path.of(required("manifest"))).cells().getFirst();
        int streamCount = (int) number("clients", 5000);
        int measured = (int) number("changes", 50);
        int warmUp = (int) number("warm-up-changes", 4);
        String meetingPath = "/meetings/" + cell.meetingId();
        System.out.printf("Live latency: %d node(s), %d streams on meeting %d, %d changes (after %d for warm-up)"
                + " every %d ms, streams accept gzip: %s%n%n", bases.size(), streamCount, cell.meetingId(), measured,
                warmUp, number("spacing-millis", 1000), arguments.getOrDefault("gzip", "true"));

        Browser secretary = signInSecretary(cell);
        secretary.page("meeting page", meetingPath);
        secretary.post("publish", meetingPath + "/publish", Map.of());
        secretary.post("start", meetingPath + "/start", Map.of());
        List<Browser> sessions = signInMembers(cell, secretary, meetingPath);
        System.err.printf("live-latency: %d sessions signed in%n", sessions.size());

        List<Memory> before = memory();
        List<TimedStream> streams = openStreams(cell.meetingId(), sessions, streamCount);
        Thread.sleep(5000);
        List<Memory> after = memory();

        List<Probe.Reading> cpuStart = probes.stream().map(Probe::read).toList();
        double selfStart = selfCpuSeconds();
        List<Change> changes = change(secretary, meetingPath, warmUp + measured);
        List<Long> ids = eventIds(cell.meetingId());
        drain(streams, ids);
        List<Probe.Reading> cpuEnd = probes.stream().map(Probe::read).toList();
        double selfSeconds = selfCpuSeconds() - selfStart;

        streams.forEach(TimedStream::stop);
        clients.forEach(HttpClient::shutdownNow);
        report(streams, changes, ids, warmUp, before, after, cpuStart, cpuEnd, selfSeconds);
    }

    private Browser signInSecretary(Manifest.Cell cell) {
        Browser secretary = new Browser(load);
        secretary.page("sign-in page", "/login");
        String next = secretary.post("sign-in", "/login", Map.of("username", cell.secretary(), "password",
                required("password")), "/login");
        if (next == null || !next.contains("/second-factor")) {
            throw new IllegalStateException("The secretary " + cell.secretary() + " was not asked for the second "
                    + "factor after the password, but sent to " + next);
        }
        secretary.post("second factor", "/second-factor",
                Map.of("code", Codes.totp(required("totp-secret"), System.currentTimeMillis())), "/second-factor");
        return secretary;
    }

    /** Signs in every member of the cell on node A; returns their sessions, the secretary's first. */
    private List<Browser> signInMembers(Manifest.Cell cell, Browser secretary, String meetingPath) {
        var sessions = new ArrayList<Browser>();
        sessions.add(secretary);
        try (ExecutorService members = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Manifest.Member member : cell.members()) {
                if (member.username().equals(cell.secretary())) {
                    continue;
                }
                var browser = new Browser(load);
                sessions.add(browser);
                members.submit(() -> {
                    browser.page("sign-in page", "/login");
                    if (browser.post("sign-in", "/login", Map.of("username", member.username(), "password",
                            required("password")), "/login") != null) {
                        browser.page("meeting page", meetingPath);
                    }
                });
            }
        }
        return sessions;
    }

    /**
     * Opens the streams, stream i with session i modulo the sessions and, with two nodes, the first half
     * on node A and the rest on node B. At most open-concurrency streams are being opened at once.
     */
    private List<TimedStream> openStreams(long meetingId, List<Browser> sessions, int count) throws InterruptedException {
        var connected = new CountDownLatch(count);
        var opening = new Semaphore((int) number("open-concurrency", 64));
        var streams = new ArrayList<TimedStream>();
        boolean gzip = Boolean.parseBoolean(arguments.getOrDefault("gzip", "true"));
        HttpClient client = null;
        long started = System.nanoTime();
        for (int index = 0; index < count; index++) {
            if (index % STREAMS_PER_CLIENT == 0) {
                client = newClient();
                clients.add(client);
            }
            int node = bases.size() == 2 && index >= count / 2 ? 1 : 0;
            var stream = new TimedStream(client, bases.get(node), node, meetingId, sessions.get(index % sessions.size()),
                    "VOTES", gzip, () -> {
                        connected.countDown();
                        opening.release();
                    });
            streams.add(stream);
            opening.acquire();
            Thread.ofVirtual().start(stream);
        }
        boolean all = connected.await(300, TimeUnit.SECONDS);
        System.out.printf("Live streams: %d of %d open after %.1f s%s, %d compressed with gzip by the server%n%n",
                TimedStream.open.get(), count, (System.nanoTime() - started) / 1e9,
                all ? "" : " (gave up waiting for the rest after 300 s)", TimedStream.compressed.get());
        streams.stream().filter(stream -> !stream.failure.isEmpty()).limit(5)
                .forEach(stream -> System.out.println("A stream failed to open: " + stream.failure));
        return streams;
    }

    /**
     * Makes the changes on node A as the secretary: opens a vote, closes it, opens the next, spaced by
     * spacing-millis from one request's start to the next. Each change publishes one VOTES event.
     */
    private List<Change> change(Browser secretary, String meetingPath, int count) throws InterruptedException {
        long spacing = TimeUnit.MILLISECONDS.toNanos(number("spacing-millis", 1000));
        var changes = new ArrayList<Change>();
        String motionPath = null;
        long next = System.nanoTime();
        for (int index = 0; index < count; index++) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            long sent = System.nanoTime();
            next = sent + spacing;
            if (motionPath == null) {
                String location = secretary.post("open vote", meetingPath + "/motions", Map.of("title",
                        "Biểu quyết thử độ trễ " + (index / 2 + 1), "kind", "RESOLUTION", "method", "ELECTRONIC"));
                if (location == null || !location.matches("/motions/\\d+.*")) {
                    throw new IllegalStateException("Opening a vote failed: redirected to " + location);
                }
                motionPath = location.replaceAll("(/motions/\\d+).*", "$1");
                changes.add(new Change("open vote", sent));
            }
            else {
                secretary.post("close vote", motionPath + "/close", Map.of());
                motionPath = null;
                changes.add(new Change("close vote", sent));
            }
        }
        return changes;
    }

    /** Reads the ids of the meeting's VOTES events from the database, in the order they were stored. */
    private List<Long> eventIds(long meetingId) throws IOException, InterruptedException {
        String command = required("events-command").formatted(meetingId);
        Process process = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (process.waitFor() != 0) {
            throw new IOException("Reading the event ids failed: " + output);
        }
        return output.lines().map(String::strip).filter(line -> !line.isEmpty()).map(Long::valueOf).toList();
    }

    /** Waits until every stream has every event, or until the drain time has passed. */
    private static void drain(List<TimedStream> streams, List<Long> ids) throws InterruptedException {
        long end = System.nanoTime() + DRAIN.toNanos();
        while (System.nanoTime() < end
                && !streams.stream().allMatch(stream -> stream.arrivals.keySet().containsAll(ids))) {
            Thread.sleep(100);
        }
    }

    private void report(List<TimedStream> streams, List<Change> changes, List<Long> ids, int warmUp,
            List<Memory> before, List<Memory> after, List<Probe.Reading> cpuStart, List<Probe.Reading> cpuEnd,
            double selfSeconds) {
        if (ids.size() != changes.size()) {
            System.out.printf("NOTE: %d changes stored %d VOTES events; events are matched to changes by order, "
                    + "so the figures below may be wrong.%n%n", changes.size(), ids.size());
        }
        System.out.println("| Node | Streams | Deliveries | Missed | Reconnects | p50 ms | p95 ms | p99 ms | max ms "
                + "| Within 1 s | Within 2 s | Changes with p99 ≤ 1 s |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (int node = 0; node < bases.size(); node++) {
            int current = node;
            List<TimedStream> onNode = streams.stream().filter(stream -> stream.node == current).toList();
            var all = new ArrayList<Long>();
            int missed = 0;
            int changesWithinSecond = 0;
            for (int index = warmUp; index < Math.min(changes.size(), ids.size()); index++) {
                long id = ids.get(index);
                long sent = changes.get(index).sentNanos();
                var latencies = new ArrayList<Long>();
                for (TimedStream stream : onNode) {
                    Long arrived = stream.arrivals.get(id);
                    if (arrived == null) {
                        missed++;
                    }
                    else {
                        latencies.add(arrived - sent);
                    }
                }
                all.addAll(latencies);
                // A missed delivery counts as later than every arrival for the change's own p99.
                long[] sorted = withMissed(latencies, onNode.size());
                if (percentile(sorted, 99) <= TimeUnit.SECONDS.toNanos(1)) {
                    changesWithinSecond++;
                }
            }
            long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
            int expected = sorted.length + missed;
            System.out.printf("| %s | %d | %d | %d | %d | %.0f | %.0f | %.0f | %.0f | %.2f %% | %.2f %% | %d of %d |%n",
                    node == 0 ? "A (makes the changes)" : "B", onNode.size(), sorted.length, missed,
                    onNode.stream().mapToInt(stream -> stream.reconnects.get()).sum(), millis(sorted, 50),
                    millis(sorted, 95), millis(sorted, 99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6,
                    share(sorted, expected, 1), share(sorted, expected, 2), changesWithinSecond,
                    changes.size() - warmUp);
        }
        System.out.println();
        System.out.println("Shares and p99 per change count a missed delivery as late. Latency runs from the moment "
                + "the secretary's request was sent until the stream had read the event.");
        System.out.println();

        System.out.println("| Kind | Requests | Errors | p50 ms | p95 ms | p99 ms |");
        System.out.println("|---|---|---|---|---|---|");
        recorder.kinds().forEach((kind, stats) -> System.out.printf("| %s | %d | %d | %.1f | %.1f | %.1f |%n", kind,
                stats.count() + stats.errorCount(), stats.errorCount(), stats.percentileMillis(50),
                stats.percentileMillis(95), stats.percentileMillis(99)));
        recorder.kinds().forEach((kind, stats) -> stats.errors().forEach((cause, count) ->
                System.out.printf("Errors of %s: %d × %s%n", kind, count, cause)));
        System.out.println();

        System.out.println("| Node | Streams | RSS MB before | RSS MB after | RSS kB per stream | Heap MB before | "
                + "Heap MB after | Heap kB per stream | CPU cores during the changes |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        double seconds = (cpuEnd.getFirst().nanoTime() - cpuStart.getFirst().nanoTime()) / 1e9;
        for (int node = 0; node < bases.size(); node++) {
            int current = node;
            long count = streams.stream().filter(stream -> stream.node == current).count();
            Memory start = before.get(node);
            Memory end = after.get(node);
            System.out.printf("| %s | %d | %d | %d | %.1f | %d | %d | %.1f | %.2f |%n", node == 0 ? "A" : "B", count,
                    start.residentKb() / 1024, end.residentKb() / 1024,
                    (end.residentKb() - start.residentKb()) / (double) count, start.heapUsedKb() / 1024,
                    end.heapUsedKb() / 1024, (end.heapUsedKb() - start.heapUsedKb()) / (double) count,
                    (cpuEnd.get(node).cpuSeconds() - cpuStart.get(node).cpuSeconds()) / seconds);
        }
        System.out.printf("%nLoad generator CPU during the changes: %.2f cores over %.1f s%n", selfSeconds / seconds,
                seconds);
    }

    /** Returns the latencies sorted, followed by one "never" for each stream that missed the event. */
    private static long[] withMissed(List<Long> latencies, int streams) {
        long[] sorted = new long[streams];
        Arrays.fill(sorted, Long.MAX_VALUE);
        for (int index = 0; index < latencies.size(); index++) {
            sorted[index] = latencies.get(index);
        }
        Arrays.sort(sorted);
        return sorted;
    }

    private static long percentile(long[] sorted, double percentile) {
        if (sorted.length == 0) {
            return Long.MAX_VALUE;
        }
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double millis(long[] sorted, double percentile) {
        return sorted.length == 0 ? Double.NaN : percentile(sorted, percentile) / 1e6;
    }

    private static double share(long[] sorted, int expected, int seconds) {
        long limit = TimeUnit.SECONDS.toNanos(seconds);
        long within = Arrays.stream(sorted).filter(latency -> latency <= limit).count();
        return expected == 0 ? Double.NaN : 100.0 * within / expected;
    }

    /** Requests a full garbage collection of each node with jcmd, then reads the node's memory. */
    private List<Memory> memory() {
        var readings = new ArrayList<Memory>();
        for (int node = 0; node < pids.size(); node++) {
            long pid = pids.get(node);
            jcmd(pid, "GC.run");
            Matcher used = HEAP_USED.matcher(jcmd(pid, "GC.heap_info"));
            readings.add(new Memory(probes.get(node).read().residentKb(), used.find() ? Long.parseLong(used.group(1)) : -1));
        }
        return readings;
    }

    private static String jcmd(long pid, String command) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process process = new ProcessBuilder(jcmd.toString(), String.valueOf(pid), command)
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor();
            return output;
        }
        catch (IOException failed) {
            System.err.println("jcmd " + command + " failed for process " + pid + ": " + failed.getMessage());
            return "";
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static double selfCpuSeconds() {
        return ProcessHandle.current().info().totalCpuDuration().map(duration -> duration.toNanos() / 1e9)
                .orElse(Double.NaN);
    }

    private static HttpClient newClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10))
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    }

    private String required(String name) {
        String value = arguments.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Missing argument " + name + "=...");
        }
        return value;
    }

    private long number(String name, long fallback) {
        String value = arguments.get(name);
        return value == null || value.isBlank() ? fallback : Long.parseLong(value);
    }
}
