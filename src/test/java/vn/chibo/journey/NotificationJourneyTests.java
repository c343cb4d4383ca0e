package vn.chibo.journey;

import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.chibo.account.Actor;
import vn.chibo.meeting.MeetingFixtures.Village;
import vn.chibo.meeting.MeetingFixtures;
import vn.chibo.meeting.MeetingId;
import vn.chibo.testing.Browser;
import vn.chibo.testing.Fixtures;
import vn.chibo.testing.SecondFactorCodes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A meeting reaches a member's notification centre in headless Chromium. The secretary announces a
 * draft with the page's button. The member finds the unread count in the header, opens the centre and
 * the meeting from it, and marks everything read.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NotificationJourneyTests {

    @LocalServerPort
    int port;

    @Autowired
    MeetingFixtures fixtures;

    private ChromeDriver browser;
    private WebDriverWait wait;

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
    void announcedMeetingReachesMemberCentre() {
        Village village = fixtures.village();
        MeetingId meeting = fixtures.draft(village, Instant.parse("2099-12-20T01:00:00Z"));

        signIn(village.secretary());
        open("/meetings/" + meeting.value());
        browser.findElement(By.cssSelector("form[action$='/publish'] button[type='submit']")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("main .badge"), "Nháp")));

        signIn(village.member());
        wait.until(driver -> {
            driver.navigate().refresh();
            return !driver.findElements(By.cssSelector(".notifications-link .count")).isEmpty();
        });
        assertThat(browser.findElement(By.cssSelector(".notifications-link .count")).getText()).isEqualTo("1");

        browser.findElement(By.cssSelector(".notifications-link")).click();
        wait.until(ExpectedConditions.urlContains("/notifications"));
        String centre = browser.findElement(By.tagName("main")).getText();
        assertThat(centre).contains("Lịch sinh hoạt mới", "Sinh hoạt chi bộ định kỳ tháng 12/2026",
                "Thời gian: 20/12/2099 08:00 (giờ Việt Nam, UTC+7)");

        browser.findElement(By.linkText("Sinh hoạt chi bộ định kỳ tháng 12/2026")).click();
        wait.until(ExpectedConditions.urlContains("/meetings/" + meeting.value()));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Sinh hoạt chi bộ định kỳ tháng 12/2026");

        open("/notifications");
        browser.findElement(By.cssSelector("form[action$='/notifications/read-all'] button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
                "Đã đánh dấu 1 thông báo là đã đọc."));
        assertThat(browser.findElements(By.cssSelector(".notifications-link .count"))).isEmpty();
    }

    private void signIn(Actor actor) {
        browser.manage().deleteAllCookies();
        open("/login");
        browser.findElement(By.id("username")).sendKeys(actor.username());
        browser.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
        browser.findElement(By.cssSelector("form[action$='/login'] button[type='submit']")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        SecondFactorCodes.submitIfAsked(browser, actor.username());
    }

    private void open(String path) {
        browser.get("http://127.0.0.1:" + port + path);
    }
}
