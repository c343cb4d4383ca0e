import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * A short tour of the pages that a year of data makes heavier, run by bench/embedded.sh after the
 * product started on the generated commune. It reads them first as the secretary of one village cell
 * (home, cell, roster, a member's attendance history, meetings, the last regular meeting with its
 * roll, votes, minutes and their PDF, resolutions, notifications). Then it reads them as the commune
 * committee's officer (home with the missing meetings of every cell, the organization tree, a cell's
 * meetings, minutes and resolutions). Every page is read twice: the first read includes the work
 * that a cold start leaves (templates, JIT, caches), and the second shows the page's own cost.
 *
 * <p>Arguments, as name=value: base (the product's address) and manifest (the file that the
 * commune profile wrote). Prints a Markdown table of the latencies and exits with 1 when any page
 * failed. A rejected second-factor code is retried once in the next 30-second window and then counts
 * as a failure too.
 */
public final class CommuneTour {

    private static final long TOTP_PERIOD_MILLIS = 30_000;

    /** The first second-factor post, whose rejection is retried and so is no failure of the tour. */
    private static final String REUSED_CODE = "second factor, first code";

    private final Map<String, String> manifest;
    private final Recorder recorder = new Recorder();
    private final Load load;
    private final List<String> pages = new ArrayList<>();

    private CommuneTour(String base, Map<String, String> manifest) {
        this.manifest = manifest;
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        this.load = new Load(client, base, 1, recorder, System.nanoTime() + Duration.ofMinutes(5).toNanos());
    }

    public static void main(String[] args) throws IOException {
        var arguments = new LinkedHashMap<String, String>();
        for (String arg : args) {
            String[] pair = arg.split("=", 2);
            arguments.put(pair[0], pair.length > 1 ? pair[1] : "");
        }
        var tour = new CommuneTour(arguments.get("base"), read(Path.of(arguments.get("manifest"))));
        tour.run();
        System.exit(tour.print() ? 0 : 1);
    }

    private void run() {
        String cell = manifest.get("cell");
        String meeting = manifest.get("meeting");
        Browser secretary = signIn(manifest.get("secretary"));
        visit(secretary, "secretary", List.of("/", "/cells/" + cell, "/cells/" + cell + "/members",
                "/cells/" + cell + "/members/" + manifest.get("member") + "/attendance", "/cells/" + cell + "/meetings",
                "/meetings/" + meeting, "/meetings/" + meeting + "/attendance", "/meetings/" + meeting + "/motions",
                "/meetings/" + meeting + "/minutes", "/meetings/" + meeting + "/minutes.pdf",
                "/cells/" + cell + "/resolutions", "/notifications"));

        Browser officer = signIn(manifest.get("officer"));
        visit(officer, "committee officer", List.of("/", "/organizations",
                "/organizations/" + manifest.get("committee"), "/cells/" + cell + "/meetings",
                "/meetings/" + meeting + "/minutes", "/cells/" + cell + "/resolutions", "/notifications"));
    }

    /** Signs in with the password and, when the account requires it, the second factor. */
    private Browser signIn(String username) {
        var browser = new Browser(load);
        browser.page("sign-in page", "/login");
        String next = browser.post("sign-in", "/login", Map.of("username", username, "password",
                manifest.get("password")), "/login");
        if (next != null && next.contains("/second-factor")) {
            // The product accepts each code once per account, and the previous start's tour may have used
            // this window's code: then wait for the next window, as a person would.
            String code = Codes.totp(manifest.get("totp-secret"), System.currentTimeMillis());
            if (browser.post(REUSED_CODE, "/second-factor", Map.of("code", code), "/second-factor") == null) {
                sleepUntilNextCodeWindow();
                code = Codes.totp(manifest.get("totp-secret"), System.currentTimeMillis());
                browser.post("second factor", "/second-factor", Map.of("code", code), "/second-factor");
            }
        }
        return browser;
    }

    private static void sleepUntilNextCodeWindow() {
        try {
            Thread.sleep(TOTP_PERIOD_MILLIS - System.currentTimeMillis() % TOTP_PERIOD_MILLIS + 500);
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the next second-factor code", interrupted);
        }
    }

    private void visit(Browser browser, String role, List<String> paths) {
        for (String round : List.of("first", "second")) {
            for (String path : paths) {
                String kind = role + " " + path + " " + round;
                if (path.endsWith(".pdf")) {
                    browser.get(kind, path, Set.of(200));
                }
                else {
                    browser.page(kind, path);
                }
                if (round.equals("first")) {
                    pages.add(role + " " + path);
                }
            }
        }
    }

    /** Prints the table and returns whether every request succeeded. */
    private boolean print() {
        System.out.println("| Page | First read, ms | Second read, ms |");
        System.out.println("|---|---|---|");
        for (String page : pages) {
            System.out.printf("| %s | %s | %s |%n", page, millis(page + " first"), millis(page + " second"));
        }
        int errors = 0;
        for (var kind : recorder.kinds().entrySet()) {
            if (kind.getValue().errorCount() > 0 && !kind.getKey().equals(REUSED_CODE)) {
                System.out.println("Failed: " + kind.getKey() + " " + kind.getValue().errors());
                errors += kind.getValue().errorCount();
            }
        }
        return errors == 0;
    }

    private String millis(String kind) {
        Recorder.Kind stats = recorder.kind(kind);
        return stats.count() == 0 ? "failed" : "%.0f".formatted(stats.percentileMillis(100));
    }

    private static Map<String, String> read(Path file) throws IOException {
        var properties = new Properties();
        try (var reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        var values = new LinkedHashMap<String, String>();
        properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name)));
        return values;
    }
}
