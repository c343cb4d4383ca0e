package vn.chibo.offline;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.chibo.account.Actor;
import vn.chibo.meeting.MeetingDocument;
import vn.chibo.meeting.MeetingDocuments;
import vn.chibo.meeting.MeetingFixtures;
import vn.chibo.meeting.MeetingFixtures.Village;
import vn.chibo.meeting.MeetingId;
import vn.chibo.testing.Browser;
import vn.chibo.testing.SampleFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The offline journey in Chromium: a member signs in, the service worker saves the next meeting, its
 * PDF and the handbook; the connection is cut (a relay between browser and server closes, so every
 * request fails as on a phone without signal); the member reads the handbook page, the meeting page and
 * the PDF from the service worker's cache, under the offline banner. Signing out then empties the cache.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
class OfflineBrowserTests {

    private static final String DOCUMENT = "tai-lieu-chuyen-de-quy-iv.pdf";

    /** Returns each cache's name with the paths it holds, through the page's Cache Storage API. */
    private static final String CACHES = """
            const done = arguments[arguments.length - 1];
            (async () => {
                const result = {};
                for (const name of await caches.keys()) {
                    const cache = await caches.open(name);
                    result[name] = (await cache.keys()).map((request) => new URL(request.url).pathname);
                }
                return result;
            })().then(done, (failure) => done({ error: String(failure) }));
            """;

    /** Fetches a path from the page and returns its status, the saved-at header and the body in base64. */
    private static final String FETCH = """
            const done = arguments[arguments.length - 1];
            fetch(arguments[0]).then(async (response) => {
                const bytes = new Uint8Array(await response.arrayBuffer());
                let binary = "";
                for (const byte of bytes) {
                    binary += String.fromCharCode(byte);
                }
                done({ status: response.status, savedAt: response.headers.get("X-Chibo-Saved-At"), body: btoa(binary) });
            }, (failure) => done({ error: String(failure) }));
            """;

    @LocalServerPort
    int port;

    @Autowired
    MeetingFixtures fixtures;

    @Autowired
    MeetingDocuments documents;

    ChromeDriver browser;

    WebDriverWait wait;

    CuttableLink link;

    Village village;

    MeetingId meeting;

    MeetingDocument document;

    @BeforeEach
    void start() {
        village = fixtures.village();
        meeting = fixtures.published(village, Instant.now().plus(Duration.ofDays(3)));
        document = documents.attach(village.secretary(), meeting, DOCUMENT,
                new ByteArrayInputStream(SampleFiles.document(DOCUMENT)));
        link = new CuttableLink(port);
        browser = Browser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    }

    @AfterEach
    void stop() {
        browser.quit();
        link.close();
    }

    @Test
    void memberReadsMeetingDocumentAndHandbookOffline() throws Exception {
        signInAndWaitForSaving(village.member());
        String documentPath = "/meetings/" + meeting + "/documents/" + document.id();
        Map<String, List<String>> saved = caches();
        assertThat(saved).hasSize(1);
        assertThat(saved.keySet().iterator().next()).startsWith("chibo-offline-");
        assertThat(saved.values().iterator().next()).contains("/", "/meetings/" + meeting, documentPath, "/handbook",
                "/handbook/cell-meeting");

        link.cut();

        browser.get(url("/handbook/cell-meeting"));
        assertThat(browser.findElement(By.cssSelector("main h1")).getText()).isEqualTo("Một buổi sinh hoạt chi bộ");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Trước buổi sinh hoạt");
        // Only the service worker writes this attribute, into copies it serves from its cache.
        assertThat(browser.findElement(By.tagName("body")).getAttribute("data-offline-saved")).isNotBlank();
        assertThat(banner().getText()).startsWith("Đang xem bản lưu trên máy lúc").doesNotContain("TIME")
                .containsPattern("\\d{1,2}:\\d{2}");

        browser.get(url("/meetings/" + meeting));
        assertThat(browser.findElement(By.cssSelector("main h1")).getText())
                .isEqualTo("Sinh hoạt chi bộ định kỳ tháng 12/2026");
        assertThat(banner().isDisplayed()).isTrue();
        List<WebElement> locked = browser.findElements(By.cssSelector("main form[method=post] button[disabled]"));
        assertThat(locked).isNotEmpty();
        assertThat(browser.findElement(By.cssSelector("main .offline-note")).getText())
                .isEqualTo("Cần có kết nối mạng để gửi.");

        @SuppressWarnings("unchecked")
        Map<String, Object> pdf = (Map<String, Object>) browser.executeAsyncScript(FETCH, documentPath);
        assertThat(pdf).doesNotContainKey("error").containsEntry("status", 200L);
        assertThat((String) pdf.get("savedAt")).isNotBlank();
        byte[] bytes = Base64.getDecoder().decode((String) pdf.get("body"));
        // The saved copy is the one served to this member: the internal PDF stamped with the member's name.
        try (var read = Loader.loadPDF(bytes)) {
            String text = new PDFTextStripper().getText(read);
            assertThat(text).containsIgnoringCase("lưu hành nội bộ");
            assertThat(text).contains(village.memberOf(village.member()).fullName());
        }

        browser.get(url("/members/me"));
        assertThat(banner().getText()).contains("Trang này chưa được lưu");

        link.restore();
        browser.get(url("/"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("offline-banner")));
        browser.findElement(By.cssSelector("form[action$='/logout'] button")).click();
        wait.until(ExpectedConditions.urlContains("/login"));

        assertThat(caches()).isEmpty();
    }

    @Test
    void nextAccountDropsPreviousCache() {
        signInAndWaitForSaving(village.member());
        String first = caches().keySet().iterator().next();

        browser.manage().deleteAllCookies();
        signInAndWaitForSaving(village.outsider());

        Map<String, List<String>> saved = caches();
        assertThat(saved).hasSize(1).doesNotContainKey(first);
        assertThat(saved.values().iterator().next()).contains("/handbook/cell-meeting")
                .noneMatch(path -> path.startsWith("/meetings/"));
    }

    private void signInAndWaitForSaving(Actor actor) {
        Browser.signIn(browser, url(""), actor.username());
        browser.executeScript("delete document.documentElement.dataset.offlineSavedAt;");
        browser.get(url("/"));
        wait.until(driver -> !String.valueOf(((ChromeDriver) driver).executeScript(
                "return document.documentElement.dataset.offlineSavedAt || ''")).isBlank());
    }

    @SuppressWarnings("unchecked")
    private Map<String, List<String>> caches() {
        Object result = browser.executeAsyncScript(CACHES);
        assertThat((Map<String, Object>) result).doesNotContainKey("error");
        return (Map<String, List<String>>) result;
    }

    private WebElement banner() {
        return browser.findElement(By.id("offline-banner"));
    }

    private String url(String path) {
        return "http://127.0.0.1:" + link.port() + path;
    }
}
