package vn.chibo.document.library;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.chibo.document.library.LibraryTree.Tree;
import vn.chibo.testing.Axe;
import vn.chibo.testing.Browser;
import vn.chibo.testing.SampleFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A commune officer in headless Chromium uploads an internal document and issues it to one cell. A
 * member of that cell finds it on the home page of a phone 360 pixels wide and opens it, and the
 * library then shows it as read. axe-core finds nothing on the pages the member sees.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LibraryJourneyTests {

    private static final String TITLE = "Nghị quyết về chuyển đổi số trong sinh hoạt chi bộ";

    @LocalServerPort
    int port;

    @Autowired
    LibraryTree trees;

    @Autowired
    JdbcClient jdbc;

    private ChromeDriver browser;

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void officerIssuesAndMemberReadsOnPhone() throws Exception {
        Tree tree = trees.build();
        Path pdf = Files.createTempFile("journey-", ".pdf");
        Files.write(pdf, SampleFiles.document("du-thao-nghi-quyet-thang-12.pdf"));

        browser = Browser.start();
        var wait = Browser.await(browser);
        Browser.signIn(browser, base(), tree.officer().username());
        browser.get(base() + "/documents/new");
        new Select(browser.findElement(By.id("owner"))).selectByValue(Long.toString(tree.commune().id().value()));
        browser.findElement(By.id("title")).sendKeys(TITLE);
        browser.findElement(By.id("number")).sendKeys("20-NQ/ĐU");
        browser.findElement(By.id("issuedOn")).sendKeys("01/11/2025");
        new Select(browser.findElement(By.id("kind"))).selectByValue("RESOLUTION");
        new Select(browser.findElement(By.id("classification"))).selectByValue("INTERNAL");
        browser.findElement(By.id("file")).sendKeys(pdf.toAbsolutePath().toString());
        browser.findElement(By.id("noSecrecyStamp")).click();
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlMatches("/documents/\\d+$"));
        String documentPath = browser.getCurrentUrl().substring(base().length());

        browser.findElement(By.cssSelector("#distribution input[name=organization][value='"
                + tree.cell().id().value() + "']")).click();
        browser.findElement(By.cssSelector("#distribution button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
                "Đã ban hành văn bản tới 1 tổ chức."));
        browser.quit();
        Files.deleteIfExists(pdf);

        browser = Browser.startPhone(360);
        wait = Browser.await(browser);
        Browser.signIn(browser, base(), tree.member().username());
        browser.get(base() + "/");
        assertThat(browser.findElement(By.id("new-documents")).getText()).contains(TITLE);
        assertThat(Axe.violations(browser)).isEmpty();
        browser.findElement(By.linkText(TITLE)).click();
        wait.until(ExpectedConditions.urlToBe(base() + documentPath));
        assertThat(Axe.violations(browser)).isEmpty();
        Object status = browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0]).then(response => done(response.status));", documentPath + "/file");
        assertThat(status).isEqualTo(200L);

        browser.get(base() + "/documents");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains(TITLE).doesNotContain("Chưa đọc");
        assertThat(Axe.violations(browser)).isEmpty();
        long id = Long.parseLong(documentPath.substring("/documents/".length()));
        assertThat(jdbc.sql("select count(*) from library_read where document_id = :id and member_id = :member")
                .param("id", id).param("member", tree.member().memberId()).query(Long.class).single()).isEqualTo(1);
    }

    /**
     * A file over the limit is named as soon as it is chosen, and the form is not sent, so the title
     * typed stays. The file is sparse: it reports 51 MB and takes no disk.
     */
    @Test
    void oversizedFileIsNamedBeforeUpload() throws Exception {
        Tree tree = trees.build();
        Path large = Files.createTempFile("qua-lon-", ".pdf");
        try (var file = new RandomAccessFile(large.toFile(), "rw")) {
            file.setLength(51L * 1024 * 1024);
        }
        long documentsBefore = jdbc.sql("select count(*) from library_document").query(Long.class).single();

        browser = Browser.start();
        Browser.signIn(browser, base(), tree.officer().username());
        browser.get(base() + "/documents/new");
        browser.findElement(By.id("title")).sendKeys(TITLE);
        browser.findElement(By.id("file")).sendKeys(large.toAbsolutePath().toString());
        String shown = browser.findElement(By.cssSelector(".file-too-large")).getText();
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();

        assertThat(shown).isEqualTo("Tệp \"" + large.getFileName() + "\" quá lớn: tối đa 50 MB. Xin nén hoặc chia nhỏ"
                + " tệp rồi tải lên lại.");
        assertThat(browser.getCurrentUrl()).isEqualTo(base() + "/documents/new");
        assertThat(browser.findElement(By.id("title")).getAttribute("value")).isEqualTo(TITLE);
        assertThat(browser.findElement(By.id("file")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(Axe.violations(browser)).isEmpty();
        assertThat(jdbc.sql("select count(*) from library_document").query(Long.class).single())
                .isEqualTo(documentsBefore);
        Files.deleteIfExists(large);
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}
