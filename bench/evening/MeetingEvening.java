import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The load generator of the meeting evening (bench/meeting-evening.sh starts it): every generated
 * cell publishes its meeting, its members sign in and open the meeting page with its live stream,
 * answer, check in, post an opinion and vote on two motions, each step for all cells at once. Then
 * the no-op endpoint is measured with the same client. Prints one table per kind of request and one
 * per phase, in Markdown.
 *
 * <p>Arguments, as name=value: base (the product's address), manifest, password, totp-secret,
 * check-in-key, concurrency (requests in flight, 64), deadline-seconds (600), noop-requests (20000),
 * product-pid (several nodes' ids separated by commas), commits-command (a shell command that prints PostgreSQL's xact_commit),
 * postgres-pid (the postmaster, whose children's CPU time is reported), pgbench-tps,
 * client. With client=web, the default, members check in and vote through the pages. With client=app,
 * members other than the secretary check in and vote through the JSON API with a bearer token, as the
 * mobile app does.
 */
public final class MeetingEvening {

    private final Map<String, String> arguments;
    private final Recorder recorder = new Recorder();
    private final List<PhaseResult> phases = new ArrayList<>();
    private final Map<String, Double> secondsByKind = new HashMap<>();
    private final Probe probe;
    private final Load load;
    private final HttpClient client;
    private final HttpClient liveClient;

    record PhaseResult(String name, double seconds, double cpuCores, long residentKb, double commitsPerSecond,
            double postgresCores, double loadGeneratorCores, double machineCores) {
    }

    /** A cell's run: its data, its secretary's browser, the browsers of all its members (secretary first). */
    record CellRun(Manifest.Cell cell, Browser secretary, List<Browser> participants, List<Boolean> mayVote,
            List<Long> motions) {
    }

    MeetingEvening(Map<String, String> arguments) {
        this.arguments = arguments;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10))
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        this.liveClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10))
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(number("deadline-seconds", 600));
        this.load = new Load(client, required("base"), (int) number("concurrency", 64), recorder, deadline);
        this.probe = new Probe(Arrays.stream(arguments.getOrDefault("product-pid", "-1").split(","))
                .map(Long::valueOf).toList(), arguments.getOrDefault("commits-command", ""),
                number("postgres-pid", -1));
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
        new MeetingEvening(arguments).run();
    }

    private void run() throws Exception {
        Manifest manifest = Manifest.read(Path.of(required("manifest")));
        List<CellRun> cells = manifest.cells().stream().map(this::cellRun).toList();
        String password = required("password");
        System.out.printf("Meeting evening: %d cells, %d members, %s requests in flight%n%n", cells.size(),
                manifest.memberCount(), arguments.getOrDefault("concurrency", "64"));

        phase("secretaries sign in", cells, run -> signInSecretary(run, password));
        phase("publish", cells, run -> {
            run.secretary().page("meeting page", meetingPath(run));
            run.secretary().post("publish", meetingPath(run) + "/publish", Map.of());
        });
        phase("members sign in, open the meeting page", cells, run -> signInMembers(run, password));
        if (app()) {
            eachParticipant("members get app tokens", cells, (run, browser) -> {
                if (browser != run.secretary()) {
                    browser.signInApp("app token", usernameOf(run, browser), password);
                }
            });
        }

        List<LiveListener> listeners = openLiveStreams(cells);
        eachParticipant("answer (RSVP)", cells, (run, browser) -> browser.post("answer", meetingPath(run)
                + "/response", Map.of("answer", "IN_PERSON")));
        phase("start", cells, run -> run.secretary().post("start", meetingPath(run) + "/start", Map.of()));
        eachParticipant("check in", cells, (run, browser) -> {
            String code = Codes.checkIn(required("check-in-key"), run.cell().meetingId(), System.currentTimeMillis());
            if (app() && browser != run.secretary()) {
                // The app scans the QR code and sends its token in one request, which returns the attendance.
                browser.api("check-in", "/api/v1" + meetingPath(run) + "/check-in", "{\"token\":\"" + code + "\"}");
                return;
            }
            browser.page("check-in page", meetingPath(run) + "/check-in?code=" + code);
            browser.post("check-in", meetingPath(run) + "/check-in", Map.of("code", code));
        });
        eachParticipant("opinion", cells, (run, browser) -> browser.postFragment("opinion", meetingPath(run) + "/agenda/"
                + run.cell().agendaItemIds().getFirst() + "/opinions",
                Map.of("text", "Tôi đồng ý với dự thảo nghị quyết và đề nghị bổ sung chỉ tiêu trồng cây.")));
        for (int motion = 1; motion <= 2; motion++) {
            vote(cells, motion);
        }
        listeners.forEach(LiveListener::stop);

        noop(cells);
        liveClient.shutdownNow();
        client.shutdownNow();
        report(manifest);
    }

    private CellRun cellRun(Manifest.Cell cell) {
        var secretary = new Browser(load);
        var participants = new ArrayList<Browser>();
        var mayVote = new ArrayList<Boolean>();
        for (Manifest.Member member : cell.members()) {
            participants.add(member.username().equals(cell.secretary()) ? secretary : new Browser(load));
            mayVote.add(member.mayVote());
        }
        return new CellRun(cell, secretary, participants, mayVote, new ArrayList<>());
    }

    private void signInSecretary(CellRun run, String password) {
        Browser secretary = run.secretary();
        secretary.page("sign-in page", "/login");
        String next = secretary.post("sign-in", "/login", Map.of("username", run.cell().secretary(), "password",
                password), "/login");
        // The redirect to the second-factor page has been followed, which gave the form's CSRF token.
        if (next != null && next.contains("/second-factor")) {
            secretary.post("second factor", "/second-factor",
                    Map.of("code", Codes.totp(required("totp-secret"), System.currentTimeMillis())), "/second-factor");
        }
    }

    private void signInMembers(CellRun run, String password) {
        try (ExecutorService members = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int index = 0; index < run.participants().size(); index++) {
                Browser browser = run.participants().get(index);
                String username = run.cell().members().get(index).username();
                if (browser == run.secretary()) {
                    browser.page("meeting page", meetingPath(run));
                    continue;
                }
                members.submit(() -> {
                    browser.page("sign-in page", "/login");
                    if (browser.post("sign-in", "/login", Map.of("username", username, "password", password),
                            "/login") != null) {
                        browser.page("meeting page", meetingPath(run));
                    }
                });
            }
        }
    }

    private List<LiveListener> openLiveStreams(List<CellRun> cells) throws InterruptedException {
        int count = cells.stream().mapToInt(run -> run.participants().size()).sum();
        var connected = new CountDownLatch(count);
        var listeners = new ArrayList<LiveListener>();
        long started = System.nanoTime();
        for (CellRun run : cells) {
            for (Browser browser : run.participants()) {
                var listener = new LiveListener(liveClient, load, browser, run.cell().meetingId(), connected);
                listeners.add(listener);
                Thread.ofVirtual().start(listener);
            }
        }
        boolean all = connected.await(120, TimeUnit.SECONDS);
        System.out.printf("Live streams: %d of %d open after %.1f s%s%n%n", LiveListener.open.get(), count,
                (System.nanoTime() - started) / 1e9, all ? "" : " (gave up waiting for the rest)");
        return listeners;
    }

    private void vote(List<CellRun> cells, int motion) {
        phase("open vote " + motion, cells, run -> {
            String location = run.secretary().post("open vote", meetingPath(run) + "/motions", Map.of("title",
                    "Biểu quyết nội dung " + motion, "kind", "RESOLUTION", "method", "ELECTRONIC"));
            if (location != null && location.contains("/motions/")) {
                run.motions().add(Long.parseLong(location.replaceAll(".*/motions/(\\d+).*", "$1")));
            }
        });
        eachParticipant("ballot " + motion, cells, (run, browser) -> {
            int index = run.participants().indexOf(browser);
            if (run.motions().size() >= motion && run.mayVote().get(index)) {
                // As on the vote's page: open it, choose, then confirm the choice, which casts the ballot.
                String motionPath = "/motions/" + run.motions().get(motion - 1);
                String choice = index % 7 == 0 ? "AGAINST" : "FOR";
                if (app() && browser != run.secretary()) {
                    // The live event names only the part that changed, so the app reads the votes, then casts.
                    if (browser.api("vote list (app)", "/api/v1" + meetingPath(run) + "/motions", null)) {
                        browser.api("ballot", motionPath.replace("/motions/", "/api/v1/motions/") + "/ballot",
                                "{\"choice\":\"" + choice + "\"}");
                    }
                    return;
                }
                if (browser.page("vote page", motionPath)
                        && browser.postFragment("ballot choice", motionPath + "/ballot", Map.of("choice", choice))) {
                    browser.postFragment("ballot", motionPath + "/ballot", Map.of("choice", choice, "confirmed", "true"));
                }
            }
        });
        phase("close vote " + motion, cells, run -> {
            if (run.motions().size() >= motion) {
                run.secretary().post("close vote", "/motions/" + run.motions().get(motion - 1) + "/close", Map.of());
            }
        });
    }

    private void noop(List<CellRun> cells) {
        long requests = number("noop-requests", 20_000);
        // In the app's mode the no-op goes through the API's filters with the tokens, which secretaries lack.
        List<Browser> browsers = cells.stream().flatMap(run -> run.participants().stream()
                .filter(browser -> !app() || browser != run.secretary())).toList();
        phase("no-op endpoint", List.of(browsers), all -> {
            try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
                for (long request = 0; request < requests; request++) {
                    Browser browser = all.get((int) (request % all.size()));
                    senders.submit(() -> {
                        if (app()) {
                            browser.api("no-op", "/api/v1/bench/noop", null);
                        }
                        else {
                            browser.get("no-op", "/bench/noop", Set.of(204));
                        }
                    });
                }
            }
        });
    }

    /**
     * Runs a step for every member of every cell, with as many members in the middle of it at once as
     * requests may be in flight. Each member then starts the step, such as scanning the check-in QR
     * code, only when its requests can be sent, so that no code expires while it waits.
     */
    private void eachParticipant(String name, List<CellRun> cells, BiConsumer<CellRun, Browser> step) {
        var acting = new Semaphore((int) number("concurrency", 64));
        phase(name, cells, run -> {
            try (ExecutorService members = Executors.newVirtualThreadPerTaskExecutor()) {
                for (Browser browser : run.participants()) {
                    members.submit(() -> {
                        acting.acquireUninterruptibly();
                        try {
                            step.accept(run, browser);
                        }
                        finally {
                            acting.release();
                        }
                    });
                }
            }
        });
    }

    /** Runs the step for every item at once on virtual threads and records the phase's readings. */
    private <T> void phase(String name, List<T> items, Consumer<T> step) {
        Map<String, Integer> before = counts();
        Probe.Reading start = probe.read();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (T item : items) {
                executor.submit(() -> step.accept(item));
            }
        }
        Probe.Reading end = probe.read();
        double seconds = (end.nanoTime() - start.nanoTime()) / 1e9;
        counts().forEach((kind, count) -> {
            if (count > before.getOrDefault(kind, 0)) {
                secondsByKind.merge(kind, seconds, Double::sum);
            }
        });
        phases.add(new PhaseResult(name, seconds, (end.cpuSeconds() - start.cpuSeconds()) / seconds,
                end.residentKb(), start.commits() < 0 ? Double.NaN : (end.commits() - start.commits()) / seconds,
                (end.postgresSeconds() - start.postgresSeconds()) / seconds,
                (end.loadGeneratorSeconds() - start.loadGeneratorSeconds()) / seconds,
                (end.machineBusySeconds() - start.machineBusySeconds()) / seconds));
        System.err.printf("phase %-40s %7.2f s%n", name, seconds);
    }

    private Map<String, Integer> counts() {
        var counts = new HashMap<String, Integer>();
        recorder.kinds().forEach((kind, stats) -> counts.put(kind, stats.count() + stats.errorCount()));
        return counts;
    }

    private void report(Manifest manifest) {
        System.out.println("| Kind | Requests | Errors | Per second | p50 ms | p95 ms | p99 ms |");
        System.out.println("|---|---|---|---|---|---|---|");
        recorder.kinds().forEach((kind, stats) -> {
            double seconds = secondsByKind.getOrDefault(kind, Double.NaN);
            System.out.printf("| %s | %d | %d | %s | %.1f | %.1f | %.1f |%n", kind, stats.count() + stats.errorCount(),
                    stats.errorCount(), kind.equals("live stream opened") ? "-" : "%.0f".formatted(stats.count()
                            / seconds), stats.percentileMillis(50), stats.percentileMillis(95),
                    stats.percentileMillis(99));
        });
        System.out.println();
        recorder.kinds().forEach((kind, stats) -> stats.errors().forEach((cause, count) ->
                System.out.printf("Errors of %s: %d × %s%n", kind, count, cause)));
        System.out.printf("Live events received: %d by %d streams (about %.0f per stream)%n%n",
                LiveListener.events.get(), manifest.memberCount(),
                LiveListener.events.get() / (double) Math.max(1, manifest.memberCount()));

        System.out.println("| Phase | Seconds | Product CPU (cores) | Product RSS MB at end | PostgreSQL commits per s "
                + "| PostgreSQL CPU | Load generator CPU | Machine busy (of " + Runtime.getRuntime().availableProcessors()
                + ") |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (PhaseResult phase : phases) {
            System.out.printf("| %s | %.2f | %.2f | %d | %.0f | %.2f | %.2f | %.2f |%n", phase.name(), phase.seconds(),
                    phase.cpuCores(), phase.residentKb() / 1024, phase.commitsPerSecond(), phase.postgresCores(),
                    phase.loadGeneratorCores(), phase.machineCores());
        }
        System.out.printf("%nProduct peak RSS: %d MB%n%n", probe.peakResidentKb() / 1024);
        limit();
    }

    private void limit() {
        Recorder.Kind ballots = recorder.kind("ballot");
        Recorder.Kind checkIns = recorder.kind("check-in");
        Recorder.Kind noop = recorder.kind("no-op");
        double ballotRate = ballots.count() / secondsByKind.getOrDefault("ballot", Double.NaN);
        double checkInRate = checkIns.count() / secondsByKind.getOrDefault("check-in", Double.NaN);
        double noopRate = noop.count() / secondsByKind.getOrDefault("no-op", Double.NaN);
        double pgbench = Double.parseDouble(arguments.getOrDefault("pgbench-tps", "NaN"));
        System.out.println("| Limit | Per second | Ballots per second as a share |");
        System.out.println("|---|---|---|");
        System.out.printf("| Ballots (both motions) | %.0f | 100 %% |%n", ballotRate);
        System.out.printf("| Check-ins | %.0f | - |%n", checkInRate);
        System.out.printf("| No-op endpoint, same client and sessions | %.0f | %.0f %% |%n", noopRate,
                100 * ballotRate / noopRate);
        System.out.printf("| pgbench, one-row ballot insert | %.0f | %.0f %% |%n", pgbench, 100 * ballotRate / pgbench);
        System.out.println();
        System.out.printf("Targets: ≥ 1,500 check-ins or ballots per second: ballots %.0f, check-ins %.0f; p99 ≤ 150 ms: "
                + "ballot %.1f ms, check-in %.1f ms; no errors: %d; ≥ half of pgbench: %.0f %%%n", ballotRate,
                checkInRate, ballots.percentileMillis(99), checkIns.percentileMillis(99),
                recorder.kinds().values().stream().mapToInt(Recorder.Kind::errorCount).sum(),
                100 * ballotRate / pgbench);
    }

    private boolean app() {
        return arguments.getOrDefault("client", "web").equals("app");
    }

    private static String usernameOf(CellRun run, Browser browser) {
        return run.cell().members().get(run.participants().indexOf(browser)).username();
    }

    private static String meetingPath(CellRun run) {
        return "/meetings/" + run.cell().meetingId();
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
