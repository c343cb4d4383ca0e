package vn.chibo.meeting.live;

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

import vn.chibo.discussion.OpinionManagement;
import vn.chibo.meeting.AttendanceStatus;
import vn.chibo.meeting.MeetingFixtures;
import vn.chibo.meeting.MeetingId;
import vn.chibo.meeting.MeetingManagement;
import vn.chibo.meeting.Meetings;
import vn.chibo.testing.Axe;
import vn.chibo.testing.Browser;
import vn.chibo.testing.Fixtures;
import vn.chibo.testing.SecondFactorCodes;
import vn.chibo.voting.MotionManagement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member keeps the meeting page open in headless Chromium and types an opinion without sending it.
 * Changes made meanwhile by the secretary (the roll, an opinion, a vote) reach the page through the
 * event stream, which replaces the attendance figures, the opinion list and the votes, while the text
 * being typed stays as it is and the page is never reloaded.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LivePageBrowserTests {

    private static final String TYPED = "Tôi đề nghị chi bộ xem lại kế hoạch làm đường";

    @LocalServerPort
    int port;

    @Autowired
    MeetingFixtures fixtures;

    @Autowired
    MeetingManagement management;

    @Autowired
    Meetings meetings;

    @Autowired
    OpinionManagement opinions;

    @Autowired
    MotionManagement motions;

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
    void updatesKeepTypedOpinion() {
        MeetingFixtures.Village village = fixtures.village();
        MeetingId meeting = fixtures.underway(village);
        long item = meetings.get(meeting).agenda().getFirst().id();
        signIn(village.member().username());
        open("/meetings/" + meeting);
        wait.until(ExpectedConditions.attributeToBe(By.id("live-stream"), "data-live-state", "open"));
        browser.executeScript("window.notReloaded = true;");
        assertThat(presentFigure()).isEqualTo("0");

        var box = browser.findElement(By.id("opinion-text-" + item));
        box.click();
        box.sendKeys(TYPED);
        management.recordAttendance(village.secretary(), meeting, village.secretaryMember().id(),
                AttendanceStatus.PRESENT_IN_PERSON, null);
        opinions.post(village.secretary(), meeting, item, "Ý kiến của bí thư về đường làng");
        motions.open(village.secretary(), meeting, "Biểu quyết thông qua nghị quyết tháng 12");

        wait.until(driver -> "1".equals(presentFigure()));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("opinion-list-" + item),
                "Ý kiến của bí thư về đường làng"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("live-votes"),
                "Biểu quyết thông qua nghị quyết tháng 12"));
        assertThat(browser.findElement(By.id("opinion-count-" + item)).getText()).contains("1");
        assertThat(browser.findElement(By.id("opinion-text-" + item)).getDomProperty("value")).isEqualTo(TYPED);
        assertThat(browser.executeScript("return window.notReloaded === true;")).isEqualTo(true);

        management.recordAttendance(village.secretary(), meeting, village.memberOf(village.member()).id(),
                AttendanceStatus.PRESENT_ONLINE, null);
        wait.until(driver -> "2".equals(presentFigure()));
        assertThat(browser.findElement(By.id("opinion-text-" + item)).getDomProperty("value")).isEqualTo(TYPED);
    }

    @Test
    void projectorFollowsRoomWithoutControls() {
        MeetingFixtures.Village village = fixtures.village();
        MeetingId meeting = fixtures.underway(village);
        signIn(village.secretary().username());
        open("/meetings/" + meeting);
        browser.findElement(By.cssSelector("a[href$='/projector']")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("live-stream"), "data-live-state", "open"));
        assertThat(browser.findElement(By.id("projector-in-room")).getText()).isEqualTo("0");
        assertThat(browser.findElements(By.cssSelector("a, button, form, input, textarea, select"))).isEmpty();
        assertThat(Axe.violations(browser)).isEmpty();

        management.recordAttendance(village.secretary(), meeting, village.secretaryMember().id(),
                AttendanceStatus.PRESENT_IN_PERSON, null);
        management.discuss(village.secretary(), meeting, meetings.get(meeting).agenda().get(1).id());
        motions.open(village.secretary(), meeting, "Biểu quyết thông qua nghị quyết tháng 12");

        wait.until(ExpectedConditions.textToBe(By.id("projector-in-room"), "1"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("projector-agenda"), "Bế mạc"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("projector-votes"), "0/1"));
        assertThat(Axe.violations(browser)).isEmpty();
    }

    private String presentFigure() {
        return browser.findElement(By.cssSelector("#attendance-panel .figure b")).getText();
    }

    private void signIn(String username) {
        open("/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
        browser.findElement(By.cssSelector("form[action$='/login'] button[type='submit']")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        SecondFactorCodes.submitIfAsked(browser, username);
    }

    private void open(String path) {
        browser.get("http://127.0.0.1:" + port + path);
    }
}
