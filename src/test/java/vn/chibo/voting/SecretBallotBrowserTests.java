package vn.chibo.voting;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.chibo.account.Actor;
import vn.chibo.testing.Axe;
import vn.chibo.testing.Browser;
import vn.chibo.testing.VillageMeetings;
import vn.chibo.testing.VillageMeetings.Village;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member casts a secret ballot in Chromium on a phone 360 pixels wide, keeps the receipt code that
 * the page shows once, and checks it after the chair closes the vote. Each step is free of axe-core
 * violations and of sideways scrolling.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecretBallotBrowserTests {

    private static final int WIDTH = 360;

    @LocalServerPort
    int port;

    @Autowired
    VillageMeetings villages;

    @Autowired
    MotionManagement management;

    private ChromeDriver browser;

    @BeforeEach
    void startPhone() {
        browser = Browser.startPhone(WIDTH);
    }

    @AfterEach
    void stopPhone() {
        browser.quit();
    }

    @Test
    void memberVotesAndChecksReceipt() {
        Village village = villages.startedMeetingWithRoll();
        MotionId id = management.open(village.secretary(), village.meeting(), new MotionRequest(
                MotionKind.RESOLUTION, VotingMethod.SECRET, "Biểu quyết kín", null, null));
        Actor voter = villages.accountOf(village, "Phạm Thị Ánh");
        Browser.signIn(browser, "http://127.0.0.1:" + port, voter.username());

        open("/motions/" + id);
        assertThat(browser.findElement(By.id("secret-hint")).getText()).startsWith("Đây là bỏ phiếu kín");
        assertFitsAndPasses("ballot");
        browser.findElement(By.cssSelector("form.ballot button[value=AGAINST]")).click();
        Browser.await(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".ballot-confirm")));
        browser.findElement(By.cssSelector(".ballot-confirm button[name=confirmed]")).click();
        Browser.await(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("receipt-code")));

        String code = browser.findElement(By.id("receipt-code")).getText();
        assertThat(code).matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){5}-[0-9A-Z]{2}");
        assertFitsAndPasses("receipt");
        open("/motions/" + id);
        assertThat(browser.findElements(By.id("receipt-code"))).isEmpty();
        assertThat(browser.findElement(By.id("secret-voted")).getText())
                .startsWith("Đồng chí đã bỏ phiếu kín cho nội dung này.");

        management.close(village.secretary(), id);
        open("/motions/" + id);
        browser.findElement(By.id("code")).sendKeys(code.toLowerCase());
        browser.findElement(By.cssSelector("#receipt-check button[type=submit]")).click();
        Browser.await(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("receipt-counted")));

        assertThat(browser.findElement(By.id("receipt-counted")).getText())
                .isEqualTo("Phiếu mang mã này đã được kiểm, với ý kiến: Không tán thành.");
        assertThat(browser.findElement(By.id("figure-against")).getText()).isEqualTo("1");
        assertFitsAndPasses("receipt check");
    }

    private void assertFitsAndPasses(String page) {
        assertThat(Axe.violations(browser)).as(page).isEmpty();
        Number scrollWidth = (Number) browser.executeScript("return document.documentElement.scrollWidth;");
        assertThat(scrollWidth.intValue()).as(page + " scroll width").isLessThanOrEqualTo(WIDTH);
    }

    private void open(String path) {
        browser.get("http://127.0.0.1:" + port + path);
    }
}
