package vn.chibo.discussion;


import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.chibo.account.Actor;
import vn.chibo.meeting.Meetings;
import vn.chibo.testing.Browser;
import vn.chibo.testing.Fixtures;
import vn.chibo.testing.SecondFactorCodes;
import vn.chibo.testing.VillageMeetings.Village;
import vn.chibo.testing.VillageMeetings;

import static org.assertj.core.api.Assertions.assertThat;

/** Posting and withdrawing an opinion in Chromium: htmx swaps the item's opinions without a reload. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpinionBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    VillageMeetings villages;

    @Autowired
    Meetings meetings;

    @Autowired
    Opinions opinions;

    ChromeDriver browser;

    WebDriverWait wait;

    @BeforeEach
    void startBrowser() {
        browser = Browser.start();
        wait = Browser.await(browser);
    }

    @AfterEach
    void stopBrowser() {
        browser.quit();
    }

    @Test
    void postAndWithdrawWithoutReload() {
        Village village = villages.publishedMeeting();
        Actor member = villages.accountOf(village, "Lý Văn Khánh");
        long item = meetings.get(village.meeting()).agenda().get(1).id();
        signIn(member);
        browser.get(url("/meetings/" + village.meeting()));
        // A page reload would drop this marker.
        browser.executeScript("window.notReloaded = true;");

        WebElement text = browser.findElement(By.id("opinion-text-" + item));
        text.sendKeys("Đề nghị làm rõ kinh phí.\nDòng thứ hai.");
        browser.findElement(By.cssSelector("#opinions-" + item + " form.opinion-form button[type=submit]")).click();

        WebElement body = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#opinions-" + item + " .opinion-body")));
        assertThat(body.getText()).isEqualTo("Đề nghị làm rõ kinh phí.\nDòng thứ hai.");
        assertThat(browser.executeScript("return window.notReloaded === true;")).isEqualTo(true);
        assertThat(browser.findElement(By.id("opinion-text-" + item)).getAttribute("value")).isEmpty();
        assertThat(browser.findElement(By.cssSelector("#opinions-" + item + " summary")).getText())
                .isEqualTo("Ý kiến của đảng viên (1)");
        assertThat(opinions.ofMeeting(village.meeting())).singleElement()
                .extracting(Opinion::body).isEqualTo("Đề nghị làm rõ kinh phí.\nDòng thứ hai.");

        browser.findElement(By.cssSelector("#opinions-" + item + " .opinion-list button")).click();
        Alert confirmation = wait.until(ExpectedConditions.alertIsPresent());
        assertThat(confirmation.getText()).startsWith("Rút ý kiến này?");
        confirmation.accept();

        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("#opinions-" + item
                + " .opinion-body")));
        assertThat(browser.findElement(By.cssSelector("#opinions-" + item + " summary")).getText())
                .isEqualTo("Ý kiến của đảng viên (0)");
        assertThat(browser.executeScript("return window.notReloaded === true;")).isEqualTo(true);
        assertThat(opinions.ofMeeting(village.meeting())).isEmpty();
    }

    @Test
    void emptyOpinionShowsErrorBesideField() {
        Village village = villages.publishedMeeting();
        long item = meetings.get(village.meeting()).agenda().getFirst().id();
        signIn(villages.accountOf(village, "Lý Văn Khánh"));
        browser.get(url("/meetings/" + village.meeting()));

        browser.findElement(By.id("opinion-text-" + item)).sendKeys("   ");
        browser.findElement(By.cssSelector("#opinions-" + item + " form.opinion-form button[type=submit]")).click();

        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.id("opinion-text-" + item + "-error")));
        assertThat(error.getText()).isEqualTo("Xin viết ý kiến trước khi gửi.");
        assertThat(browser.findElement(By.id("opinion-text-" + item)).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.getCurrentUrl()).endsWith("/meetings/" + village.meeting());
    }

    private void signIn(Actor actor) {
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(actor.username());
        browser.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        SecondFactorCodes.submitIfAsked(browser, actor.username());
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
