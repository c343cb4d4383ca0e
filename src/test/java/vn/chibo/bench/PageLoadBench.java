package vn.chibo.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.chibo.testing.Browser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures the demo member's main pages in headless Chromium over an emulated slow 3G link: 400 ms
 * round trip, 400 kbit/s each way. For each page it reports the bytes transferred and the first
 * contentful paint, on a first visit with the cache disabled and on a second visit with the cache.
 * Tagged "bench", so `mvn verify` skips it; `bench/pages.sh` runs it and prints the table.
 */
@Tag("bench")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "chibo.demo.enabled=true")
class PageLoadBench {

    private static final Logger log = LoggerFactory.getLogger(PageLoadBench.class);

    /** The demo member of the village cell and the demo accounts' password, as the README gives them. */
    private static final String MEMBER = "0912418916";
    private static final String PASSWORD = "chibo-demo";

    /** 400 kbit/s in bytes per second, and the added round trip in milliseconds. */
    private static final int THROUGHPUT = 400_000 / 8;
    private static final int LATENCY = 400;

    private static final Pattern MEETING_LINK = Pattern.compile("href=\"(/meetings/\\d+)\"");

    private static final Pattern DOCUMENT_LINK = Pattern.compile("href=\"(/documents/\\d+)\"");

    private static final String MEASURE = """
            const navigation = performance.getEntriesByType('navigation')[0];
            const resources = performance.getEntriesByType('resource');
            const bytes = navigation.transferSize + resources.reduce((sum, entry) => sum + entry.transferSize, 0);
            const paint = performance.getEntriesByName('first-contentful-paint')[0];
            return [bytes, paint ? Math.round(paint.startTime) : -1, resources.length + 1];
            """;

    @LocalServerPort
    int port;

    @Test
    void memberPagesOnSlow3g() throws IOException {
        ChromeDriver browser = Browser.startPhone(360);
        try {
            signIn(browser);
            String home = browser.getPageSource();
            Matcher meeting = MEETING_LINK.matcher(home);
            assertThat(meeting.find()).as("a meeting linked from the member's home page").isTrue();
            browser.get("http://127.0.0.1:" + port + "/documents");
            Matcher document = DOCUMENT_LINK.matcher(browser.getPageSource());
            assertThat(document.find()).as("a document in the member's library").isTrue();

            browser.executeCdpCommand("Network.enable", Map.of());
            // The offline app's service worker would answer from its own fetches, which the emulated link
            // does not slow and the page's entries do not count: every request must go over the link.
            browser.executeCdpCommand("Network.setBypassServiceWorker", Map.of("bypass", true));
            browser.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", LATENCY,
                    "downloadThroughput", THROUGHPUT, "uploadThroughput", THROUGHPUT));
            var rows = new ArrayList<String>();
            for (String path : List.of("/", meeting.group(1), "/documents", document.group(1), "/handbook")) {
                browser.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
                List<?> cold = visit(browser, path);
                browser.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", false));
                visit(browser, path);
                List<?> warm = visit(browser, path);
                rows.add("| `" + path + "` | " + cold.get(0) + " | " + cold.get(2) + " | " + cold.get(1) + " ms | "
                        + warm.get(0) + " | " + warm.get(1) + " ms |");
            }

            String table = String.join("\n", List.of("| Page | First visit: bytes | requests | first contentful paint "
                    + "| Second visit: bytes | first contentful paint |", "|---|---|---|---|---|---|")) + "\n"
                    + String.join("\n", rows) + "\n";
            Path report = Files.createDirectories(Path.of("target", "bench")).resolve("pages.md");
            Files.writeString(report, table);
            log.info("Page load on slow 3G ({} ms, {} kbit/s), also in {}:\n{}", LATENCY, THROUGHPUT * 8 / 1000,
                    report, table);
        }
        finally {
            browser.quit();
        }
    }

    private List<?> visit(ChromeDriver browser, String path) {
        browser.get("http://127.0.0.1:" + port + path);
        // The paint entry is recorded a little after the load event in some runs, so wait for it too.
        Browser.await(browser).until(driver -> ((ChromeDriver) driver).executeScript("return document.readyState "
                + "=== 'complete' && performance.getEntriesByType('paint').length > 0;").equals(Boolean.TRUE));
        List<?> figures = (List<?>) browser.executeScript(MEASURE);
        assertThat(((Number) figures.get(1)).longValue()).as("first contentful paint of " + path).isPositive();
        return figures;
    }

    private void signIn(ChromeDriver browser) {
        browser.get("http://127.0.0.1:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys(MEMBER);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        Browser.await(browser).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }
}
