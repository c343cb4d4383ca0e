import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The load generator of bench/faults.sh: a meeting evening of a few cells through the balancer, with
 * three faults that the script causes when this program runs its commands.
 *
 * <ol>
 * <li>Kill: half the members check in, the first vote opens, and while the other half check in and
 * every voter casts a ballot, the kill command ends one node with SIGKILL once a third of the ballots
 * are acknowledged. A member whose request failed tries once more, as a person would.</li>
 * <li>Database: the second vote, a secret ballot, opens, voters cast their ballots spread over about 50 s, and the
 * database is stopped for outage-seconds from 5 s on. A voter whose ballot failed tries again every
 * 2 s.</li>
 * <li>Disk: the file store is filled, a secretary uploads a document, members use the meeting page
 * and post opinions, the store is freed and the upload is tried again.</li>
 * </ol>
 *
 * <p>Every acknowledged check-in and ballot is written to the file acknowledged (kind, meeting or
 * motion id, user name) for the script's SQL checks. Every live stream is checked for what it missed.
 *
 * <p>Arguments, as name=value: base, manifest, password, totp-secret, check-in-key, acknowledged,
 * upload-file, kill-command, database-stop-command, database-start-command, outage-seconds (20),
 * disk-fill-command, disk-free-command, events-command (prints "id|meeting|part" per live_event row),
 * concurrency (16), deadline-seconds (900).
 */
public final class Faults {

    private static final Set<Integer> REDIRECT = Set.of(302, 303);
    private static final String STORE_FULL_TEXT = "ổ lưu trữ của máy chủ đã đầy";
    /** The vote page's line for a member whose ballot is stored (voting.ballot.recorded, in Vietnamese). */
    private static final String BALLOT_RECORDED_TEXT = "Phiếu của đồng chí đã được ghi nhận";

    private final Map<String, String> arguments;
    private final Recorder recorder = new Recorder();
    private final Load load;
    private final HttpClient client;
    private final HttpClient streamClient;
    private final List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
    private final List<String> verdicts = new ArrayList<>();
    private final long startedNanos = System.nanoTime();

    /** A cell's run: its data, the secretary's browser, the members' browsers (secretary first). */
    record CellRun(Manifest.Cell cell, Browser secretary, List<Browser> participants, List<Boolean> mayVote,
            List<Long> motions) {
    }

    /** One request seen by the observer, for the database scenario's windows. */
    record Sent(String kind, long startedNanos, long elapsedNanos, int status) {
    }

    Faults(Map<String, String> arguments) {
        this.arguments = arguments;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10))
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        this.streamClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10))
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(number("deadline-seconds", 900));
        this.load = new Load(client, required("base"), (int) number("concurrency", 16), recorder, deadline);
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
        boolean passed = new Faults(arguments).run();
        System.exit(passed ? 0 : 1);
    }

    private boolean run() throws Exception {
        Manifest manifest = Manifest.read(Path.of(required("manifest")));
        List<CellRun> cells = manifest.cells().stream().map(this::cellRun).toList();
        System.out.printf("Faults: %d cells, %d members, through %s%n%n", cells.size(), manifest.memberCount(),
                required("base"));

        step("secretaries sign in, publish", cells, run -> {
            signInSecretary(run);
            run.secretary().page("meeting page", meetingPath(run));
            run.secretary().post("publish", meetingPath(run) + "/publish", Map.of());
        });
        step("members sign in", cells, this::signInMembers);
        List<FaultStream> streams = openStreams(cells);
        eachMember(cells, (run, browser) -> browser.post("answer", meetingPath(run) + "/response",
                Map.of("answer", "IN_PERSON")));
        step("start", cells, run -> run.secretary().post("start", meetingPath(run) + "/start", Map.of()));

        killScenario(cells, streams);
        databaseScenario(cells);
        diskScenario(cells);

        // Streams get a moment for the last events, then each is checked against live_event.
        pause(Duration.ofSeconds(3));
        checkStreams(streams);
        streams.forEach(FaultStream::stop);
        streamClient.shutdownNow();
        client.shutdownNow();

        Files.write(Path.of(required("acknowledged")), acknowledged, StandardCharsets.UTF_8);
        printRequests();
        System.out.println("Checks of the load generator:");
        verdicts.forEach(verdict -> System.out.println("- " + verdict));
        return verdicts.stream().noneMatch(verdict -> verdict.startsWith("FAIL"));
    }

    // --- Killed node ---------------------------------------------------------------------------

    private void killScenario(List<CellRun> cells, List<FaultStream> streams) {
        System.out.println("## Node killed with SIGKILL mid-vote");
        eachMember(cells, (run, browser) -> {
            if (run.participants().indexOf(browser) % 2 == 0) {
                checkIn(run, browser, "check-in");
            }
        });
        openVote(cells, 1, "ELECTRONIC");

        int voters = (int) cells.stream().mapToLong(run -> run.mayVote().stream().filter(v -> v).count()).sum();
        var ballots = new AtomicInteger();
        var killed = new AtomicBoolean();
        var killedAt = new AtomicLong();
        var retried = new AtomicInteger();
        var retryAccepted = new AtomicInteger();
        var retryAlreadyVoted = new AtomicInteger();
        var lost = new AtomicInteger();
        eachMember(cells, (run, browser) -> {
            int index = run.participants().indexOf(browser);
            if (index % 2 == 1 && !checkIn(run, browser, "check-in")) {
                checkIn(run, browser, "check-in (second try)");
            }
            if (!run.mayVote().get(index) || run.motions().isEmpty()) {
                return;
            }
            long motion = run.motions().getFirst();
            boolean accepted = castBallot(browser, motion, index, "ballot");
            if (accepted && ballots.incrementAndGet() == voters / 3 && killed.compareAndSet(false, true)) {
                killedAt.set(System.nanoTime());
                runCommand("kill-command");
            }
            if (!accepted) {
                retried.incrementAndGet();
                pause(Duration.ofSeconds(1));
                switch (retryBallot(browser, motion, index)) {
                    case ACCEPTED -> retryAccepted.incrementAndGet();
                    case ALREADY_VOTED -> retryAlreadyVoted.incrementAndGet();
                    case FAILED -> lost.incrementAndGet();
                }
            }
        });
        verdict(killed.get(), "the kill command ran after %d of %d ballots were acknowledged", voters / 3, voters);
        System.out.printf("Ballots: %d voters; %d failed once and were tried again: %d accepted then, %d refused "
                + "as already voted (the first was stored but its answer was lost), %d failed again%n",
                voters, retried.get(), retryAccepted.get(), retryAlreadyVoted.get(), lost.get());
        verdict(lost.get() == 0, "every voter's ballot was acknowledged, at the latest on the second try (%d failed twice)",
                lost.get());

        // Streams that were on the killed node were cut within a few seconds of the kill.
        long kill = killedAt.get();
        long window = TimeUnit.SECONDS.toNanos(5);
        List<Double> reconnectSeconds = new ArrayList<>();
        int cut = 0;
        int notBack = 0;
        long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < waitUntil && streams.stream().flatMap(s -> s.cuts().stream())
                .anyMatch(c -> c.reopenedNanos() == 0 && c.cutNanos() >= kill)) {
            pause(Duration.ofMillis(200));
        }
        for (FaultStream stream : streams) {
            for (FaultStream.Cut c : stream.cuts()) {
                if (kill != 0 && c.cutNanos() >= kill && c.cutNanos() < kill + window) {
                    cut++;
                    if (c.reopenedNanos() == 0) {
                        notBack++;
                    }
                    else {
                        reconnectSeconds.add((c.reopenedNanos() - kill) / 1e9);
                    }
                }
            }
        }
        Collections.sort(reconnectSeconds);
        System.out.printf("Live streams: %d of %d were cut by the kill (they were on the killed node); %d reopened "
                + "through the balancer, %d did not; time from the kill to the stream open again: p50 %.2f s, "
                + "p99 %.2f s, max %.2f s%n", cut, streams.size(), reconnectSeconds.size(), notBack,
                percentile(reconnectSeconds, 50), percentile(reconnectSeconds, 99), percentile(reconnectSeconds, 100));
        verdict(cut > 0 && notBack == 0, "every stream cut by the kill reopened through the balancer (%d of %d)",
                reconnectSeconds.size(), cut);

        closeVote(cells, 1);
        System.out.println();
    }

    private boolean checkIn(CellRun run, Browser browser, String kind) {
        String code = Codes.checkIn(required("check-in-key"), run.cell().meetingId(), System.currentTimeMillis());
        browser.page("check-in page", meetingPath(run) + "/check-in?code=" + code);
        String location = browser.post(kind, meetingPath(run) + "/check-in", Map.of("code", code));
        if (location != null) {
            acknowledge("check-in", run.cell().meetingId(), run, browser);
            return true;
        }
        return false;
    }

    /** Opens the vote's page, chooses and confirms, as the page does; returns whether the confirmation was acknowledged. */
    private boolean castBallot(Browser browser, long motion, int index, String kind) {
        String motionPath = "/motions/" + motion;
        String choice = index % 7 == 0 ? "AGAINST" : "FOR";
        if (!browser.page("vote page", motionPath)
                || !browser.postFragment("ballot choice", motionPath + "/ballot", Map.of("choice", choice))) {
            return false;
        }
        if (browser.postFragment(kind, motionPath + "/ballot", Map.of("choice", choice, "confirmed", "true"))) {
            acknowledged.add("ballot\t" + motion + "\t" + usernameOf(browser));
            return true;
        }
        return false;
    }

    private enum Retry { ACCEPTED, ALREADY_VOTED, FAILED }

    /**
     * Tries a ballot again. The product accepts a repeated open ballot as already recorded, so the
     * retry then counts as accepted. Otherwise the vote page shows whether the first one was stored.
     */
    private Retry retryBallot(Browser browser, long motion, int index) {
        if (castBallot(browser, motion, index, "ballot (tried again)")) {
            return Retry.ACCEPTED;
        }
        return alreadyVoted(browser, motion) ? Retry.ALREADY_VOTED : Retry.FAILED;
    }

    private boolean alreadyVoted(Browser browser, long motion) {
        HttpResponse<String> page = load.send("vote page after a failed ballot", browser.withCookies(
                load.request("/motions/" + motion)).GET().build(), Set.of(200));
        return page != null && (page.body().contains(BALLOT_RECORDED_TEXT) || page.body().contains("id=\"secret-voted\""));
    }

    // --- Database outage ---------------------------------------------------------------------

    private void databaseScenario(List<CellRun> cells) {
        int outageSeconds = (int) number("outage-seconds", 20);
        System.out.printf("## PostgreSQL stopped for %d s%n", outageSeconds);
        // A secret ballot writes the ballot and the roll of who voted in one transaction, which the
        // script's SQL checks: an outage must leave neither without the other.
        openVote(cells, 2, "SECRET");
        List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
        load.observe((kind, started, elapsed, status) -> sent.add(new Sent(kind, started, elapsed, status)));

        List<Runnable> voters = new ArrayList<>();
        var accepted = new AtomicInteger();
        var alreadyVoted = new AtomicInteger();
        var gaveUp = new AtomicInteger();
        for (CellRun run : cells) {
            for (int index = 0; index < run.participants().size(); index++) {
                if (!run.mayVote().get(index) || run.motions().size() < 2) {
                    continue;
                }
                Browser browser = run.participants().get(index);
                long motion = run.motions().get(1);
                int position = index;
                voters.add(() -> {
                    long giveUpAt = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
                    while (System.nanoTime() < giveUpAt) {
                        if (castBallot(browser, motion, position, "ballot")) {
                            accepted.incrementAndGet();
                            return;
                        }
                        if (alreadyVoted(browser, motion)) {
                            alreadyVoted.incrementAndGet();
                            return;
                        }
                        pause(Duration.ofSeconds(2));
                    }
                    gaveUp.incrementAndGet();
                });
            }
        }
        Collections.shuffle(voters);
        long spreadNanos = TimeUnit.SECONDS.toNanos(50);
        long begin = System.nanoTime();
        var stopAt = new AtomicLong();
        var startAt = new AtomicLong();
        Thread outage = Thread.ofVirtual().start(() -> {
            pause(Duration.ofSeconds(5));
            stopAt.set(System.nanoTime());
            runCommand("database-stop-command");
            pause(Duration.ofSeconds(outageSeconds));
            runCommand("database-start-command");
            startAt.set(System.nanoTime());
        });
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < voters.size(); i++) {
                long due = begin + spreadNanos * i / voters.size();
                Runnable voter = voters.get(i);
                executor.submit(() -> {
                    pauseUntil(due);
                    voter.run();
                });
            }
        }
        joinQuietly(outage);
        load.observe((kind, started, elapsed, status) -> {
        });

        List<Sent> during = new ArrayList<>();
        List<Sent> after = new ArrayList<>();
        synchronized (sent) {
            for (Sent request : sent) {
                if (request.startedNanos() >= stopAt.get() && request.startedNanos() < startAt.get()) {
                    during.add(request);
                }
                else if (request.startedNanos() >= startAt.get()) {
                    after.add(request);
                }
            }
        }
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        List<Double> failureMillis = new ArrayList<>();
        for (Sent request : during) {
            statuses.merge(request.status(), 1, Integer::sum);
            if (request.status() != 200 && !REDIRECT.contains(request.status())) {
                failureMillis.add(request.elapsedNanos() / 1e6);
            }
        }
        Collections.sort(failureMillis);
        double firstSuccess = after.stream().filter(r -> r.status() == 200 || REDIRECT.contains(r.status()))
                .mapToLong(Sent::startedNanos).min().stream().mapToDouble(t -> (t - startAt.get()) / 1e9)
                .findFirst().orElse(Double.NaN);
        long errorsLater = after.stream().filter(r -> r.startedNanos() > startAt.get() + TimeUnit.SECONDS.toNanos(10))
                .filter(r -> r.status() >= 500 || r.status() < 0).count();
        System.out.printf("Requests during the outage: %d, by status %s (-1: no response); failures answered in "
                + "p50 %.0f ms, p99 %.0f ms, max %.0f ms%n", during.size(), statuses, percentile(failureMillis, 50),
                percentile(failureMillis, 99), percentile(failureMillis, 100));
        System.out.printf("After the restart: first success %.1f s after PostgreSQL was up again; %d requests "
                + "failed later than 10 s after it%n", firstSuccess, errorsLater);
        System.out.printf("Ballots: %d accepted, %d found already stored after a failed answer, %d voters gave up%n",
                accepted.get(), alreadyVoted.get(), gaveUp.get());
        int others = statuses.entrySet().stream().filter(e -> e.getKey() != 503).mapToInt(Map.Entry::getValue).sum();
        verdict(!during.isEmpty() && others == 0, "every request during the outage got 503 (%d other answers)", others);
        verdict(!failureMillis.isEmpty() && percentile(failureMillis, 99) < 5000,
                "the 503 came fast: p99 %.0f ms (the pool's connection timeout is 3 s)", percentile(failureMillis, 99));
        verdict(firstSuccess < 15 && errorsLater == 0, "the product served again %.1f s after PostgreSQL was back, "
                + "without a restart", firstSuccess);
        verdict(gaveUp.get() == 0, "every voter's ballot was stored in the end (%d gave up)", gaveUp.get());
        closeVote(cells, 2);
        System.out.println();
    }

    // --- Full file store -------------------------------------------------------------------

    private void diskScenario(List<CellRun> cells) throws IOException {
        System.out.println("## File store full");
        CellRun run = cells.getFirst();
        runCommand("disk-fill-command");
        HttpResponse<String> refused = upload(run);
        boolean hasMessage = refused != null && refused.body().contains(STORE_FULL_TEXT);
        System.out.printf("Upload to the full store: status %s%s%n", refused == null ? "none" : refused.statusCode(),
                hasMessage ? ", with the message" : ", without the message");
        verdict(refused != null && refused.statusCode() == 507 && hasMessage,
                "the upload was refused with 507 and the message in Vietnamese");

        var pages = new AtomicInteger();
        var opinions = new AtomicInteger();
        var failures = new AtomicInteger();
        eachMember(List.of(run), (cell, browser) -> {
            if (browser.page("meeting page", meetingPath(cell))) {
                pages.incrementAndGet();
            }
            else {
                failures.incrementAndGet();
            }
            if (browser.postFragment("opinion", meetingPath(cell) + "/agenda/" + cell.cell().agendaItemIds().getFirst()
                    + "/opinions", Map.of("text", "Đồng ý với dự thảo; đề nghị bổ sung chỉ tiêu trồng cây."))) {
                opinions.incrementAndGet();
            }
            else {
                failures.incrementAndGet();
            }
        });
        System.out.printf("While the store was full: %d meeting pages and %d opinions served, %d failed%n",
                pages.get(), opinions.get(), failures.get());
        verdict(failures.get() == 0, "other requests still worked while the store was full (%d failed)", failures.get());

        runCommand("disk-free-command");
        HttpResponse<String> stored = upload(run);
        verdict(stored != null && REDIRECT.contains(stored.statusCode()),
                "the same upload was stored once space was freed (status %s)", stored == null ? "none" : stored.statusCode());
        System.out.println();
    }

    private HttpResponse<String> upload(CellRun run) throws IOException {
        Browser secretary = run.secretary();
        secretary.page("meeting page", meetingPath(run));
        Path file = Path.of(required("upload-file"));
        String boundary = "----faults" + UUID.randomUUID().toString().replace("-", "");
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + file.getFileName() + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] content = Files.readAllBytes(file);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        HttpRequest request = secretary.withCookies(load.request(meetingPath(run) + "/documents"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("X-CSRF-TOKEN", secretary.csrfToken())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return load.send("upload", request, response -> true);
    }

    // --- Streams -------------------------------------------------------------------------------

    private List<FaultStream> openStreams(List<CellRun> cells) throws InterruptedException {
        int count = cells.stream().mapToInt(run -> run.participants().size()).sum();
        var connected = new CountDownLatch(count);
        var streams = new ArrayList<FaultStream>();
        for (CellRun run : cells) {
            for (Browser browser : run.participants()) {
                var stream = new FaultStream(streamClient, load, browser, run.cell().meetingId(), connected);
                streams.add(stream);
                Thread.ofVirtual().start(stream);
            }
        }
        connected.await(60, TimeUnit.SECONDS);
        System.out.printf("Live streams opened: %d%n%n", count);
        return streams;
    }

    /**
     * Checks that no stream missed a change. After a stream's first event, each later event of its
     * meeting in live_event must be covered by an event of the same part with that id or a later one.
     * A reconnecting stream gets each changed part once, with its latest id, so that suffices.
     */
    private void checkStreams(List<FaultStream> streams) throws IOException {
        Map<Long, List<long[]>> eventsByMeeting = new HashMap<>();
        Map<String, Integer> partCodes = new HashMap<>();
        for (String line : commandOutput("events-command")) {
            String[] fields = line.split("\\|");
            if (fields.length == 3) {
                int part = partCodes.computeIfAbsent(fields[2], key -> partCodes.size());
                eventsByMeeting.computeIfAbsent(Long.parseLong(fields[1]), key -> new ArrayList<>())
                        .add(new long[] { Long.parseLong(fields[0]), part });
            }
        }
        int complete = 0;
        int missedChanges = 0;
        for (FaultStream stream : streams) {
            List<FaultStream.Event> events = stream.events();
            if (events.isEmpty()) {
                continue;
            }
            long first = events.stream().mapToLong(FaultStream.Event::id).min().orElseThrow();
            Map<Integer, Long> latestByPart = new HashMap<>();
            for (FaultStream.Event event : events) {
                int part = partCodes.computeIfAbsent(event.part(), key -> partCodes.size());
                latestByPart.merge(part, event.id(), Math::max);
            }
            int missed = 0;
            for (long[] stored : eventsByMeeting.getOrDefault(stream.meetingId(), List.of())) {
                if (stored[0] > first && latestByPart.getOrDefault((int) stored[1], -1L) < stored[0]) {
                    missed++;
                }
            }
            missedChanges += missed;
            if (missed == 0) {
                complete++;
            }
        }
        System.out.printf("Live streams that saw every change of their meeting after their first event: %d of %d "
                + "(%d changes missed in all)%n%n", complete, streams.size(), missedChanges);
        verdict(complete == streams.size(), "every live stream caught up with every change (%d changes missed)",
                missedChanges);
    }

    // --- Steps shared by the scenarios -----------------------------------------------------------

    private CellRun cellRun(Manifest.Cell cell) {
        var secretary = new Browser(load);
        var participants = new ArrayList<Browser>();
        var mayVote = new ArrayList<Boolean>();
        for (Manifest.Member member : cell.members()) {
            Browser browser = member.username().equals(cell.secretary()) ? secretary : new Browser(load);
            participants.add(browser);
            usernames.put(browser, member.username());
            mayVote.add(member.mayVote());
        }
        return new CellRun(cell, secretary, participants, mayVote, Collections.synchronizedList(new ArrayList<>()));
    }

    private final Map<Browser, String> usernames = new ConcurrentHashMap<>();

    private String usernameOf(Browser browser) {
        return usernames.get(browser);
    }

    private void acknowledge(String kind, long id, CellRun run, Browser browser) {
        acknowledged.add(kind + "\t" + id + "\t" + usernameOf(browser));
    }

    private void signInSecretary(CellRun run) {
        Browser secretary = run.secretary();
        secretary.page("sign-in page", "/login");
        String next = secretary.post("sign-in", "/login", Map.of("username", run.cell().secretary(), "password",
                required("password")), "/login");
        if (next != null && next.contains("/second-factor")) {
            secretary.post("second factor", "/second-factor",
                    Map.of("code", Codes.totp(required("totp-secret"), System.currentTimeMillis())), "/second-factor");
        }
    }

    private void signInMembers(CellRun run) {
        eachMember(List.of(run), (cell, browser) -> {
            if (browser == cell.secretary()) {
                browser.page("meeting page", meetingPath(cell));
                return;
            }
            browser.page("sign-in page", "/login");
            if (browser.post("sign-in", "/login", Map.of("username", usernameOf(browser), "password",
                    required("password")), "/login") != null) {
                browser.page("meeting page", meetingPath(cell));
            }
        });
    }

    private void openVote(List<CellRun> cells, int number, String method) {
        step("open vote " + number, cells, run -> {
            String location = run.secretary().post("open vote", meetingPath(run) + "/motions", Map.of("title",
                    "Biểu quyết nội dung " + number, "kind", "RESOLUTION", "method", method));
            if (location != null && location.contains("/motions/")) {
                run.motions().add(Long.parseLong(location.replaceAll(".*/motions/(\\d+).*", "$1")));
            }
        });
    }

    private void closeVote(List<CellRun> cells, int number) {
        step("close vote " + number, cells, run -> {
            if (run.motions().size() >= number) {
                run.secretary().post("close vote", "/motions/" + run.motions().get(number - 1) + "/close", Map.of());
            }
        });
    }

    /** Runs the action for every member of every cell, with at most concurrency members acting at once. */
    private void eachMember(List<CellRun> cells, java.util.function.BiConsumer<CellRun, Browser> action) {
        var acting = new Semaphore((int) number("concurrency", 16));
        try (ExecutorService members = Executors.newVirtualThreadPerTaskExecutor()) {
            for (CellRun run : cells) {
                for (Browser browser : run.participants()) {
                    members.submit(() -> {
                        acting.acquireUninterruptibly();
                        try {
                            action.accept(run, browser);
                        }
                        finally {
                            acting.release();
                        }
                    });
                }
            }
        }
    }

    private <T> void step(String name, List<T> items, Consumer<T> action) {
        long started = System.nanoTime();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (T item : items) {
                executor.submit(() -> action.accept(item));
            }
        }
        System.err.printf("faults: %-32s %6.1f s (at %.0f s)%n", name, (System.nanoTime() - started) / 1e9,
                (System.nanoTime() - startedNanos) / 1e9);
    }

    private void runCommand(String name) {
        String command = required(name);
        System.err.printf("faults: running %s at %.1f s: %s%n", name, (System.nanoTime() - startedNanos) / 1e9, command);
        try {
            Process process = new ProcessBuilder("sh", "-c", command).inheritIO().start();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                verdicts.add("FAIL: the command " + name + " failed or took more than 60 s");
            }
        }
        catch (IOException failure) {
            verdicts.add("FAIL: the command " + name + " could not run: " + failure.getMessage());
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private List<String> commandOutput(String name) throws IOException {
        Process process = new ProcessBuilder("sh", "-c", required(name)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return Arrays.stream(output.split("\n")).map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    private void printRequests() {
        System.out.println("| Kind | Requests | Errors | p50 ms | p99 ms |");
        System.out.println("|---|---|---|---|---|");
        recorder.kinds().forEach((kind, stats) -> System.out.printf("| %s | %d | %d | %.1f | %.1f |%n", kind,
                stats.count() + stats.errorCount(), stats.errorCount(), stats.percentileMillis(50),
                stats.percentileMillis(99)));
        System.out.println();
        recorder.kinds().forEach((kind, stats) -> stats.errors().forEach((cause, count) ->
                System.out.printf("Errors of %s: %d × %s%n", kind, count, cause)));
        System.out.println();
    }

    private void verdict(boolean passed, String format, Object... values) {
        String line = (passed ? "PASS: " : "FAIL: ") + format.formatted(values);
        verdicts.add(line);
        System.out.println(line);
    }

    private static double percentile(List<Double> sorted, double percentile) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void pauseUntil(long nanoTime) {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            pause(Duration.ofNanos(wait));
        }
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join();
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
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
