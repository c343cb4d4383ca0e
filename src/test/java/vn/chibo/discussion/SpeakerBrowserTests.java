package vn.chibo.discussion;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.chibo.account.Actor;
import vn.chibo.meeting.AgendaItem;
import vn.chibo.meeting.MeetingManagement;
import vn.chibo.meeting.Meetings;
import vn.chibo.testing.Browser;
import vn.chibo.testing.Fixtures;
import vn.chibo.testing.SecondFactorCodes;
import vn.chibo.testing.VillageMeetings;
import vn.chibo.testing.VillageMeetings.Village;

import static org.assertj.core.api.Assertions.assertThat;

/** A member raises a hand on a phone-sized window in Chromium, gets the floor and sees the countdown. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SpeakerBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    VillageMeetings villages;

    @Autowired
    Meetings meetings;

    @Autowired
    Speakers speakers;

    @Autowired
    SpeakerManagement management;

    @Autowired
    MeetingManagement meetingManagement;

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
    void raiseHandThenCountdown() {
        Village village = villages.startedMeetingWithRoll();
        Actor member = villages.accountOf(village, "Lý Văn Khánh");
        browser.manage().window().setSize(new Dimension(360, 780));
        signIn(member);
        browser.get(url("/meetings/" + village.meeting()));
        // A page reload would drop this marker.
        browser.executeScript("window.notReloaded = true;");

        browser.findElement(By.cssSelector("#speakers input[name=kind][value=AGAINST]")).click();
        browser.findElement(By.id("speaker-subject")).sendKeys("Kinh phí đường làng");
        browser.findElement(By.cssSelector("#speakers form.raise-hand button[type=submit]")).click();

        WebElement place = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#speakers .own-place")));
        assertThat(place.getText()).isEqualTo("Đồng chí đang ở vị trí 1 trong danh sách chờ.");
        assertThat(browser.executeScript("return window.notReloaded === true;")).isEqualTo(true);
        assertThat(browser.findElements(By.cssSelector("#speakers form.raise-hand"))).isEmpty();
        SpeakerRequest request = speakers.ofMeeting(meetings.get(village.meeting())).getFirst();
        assertThat(request.kind()).isEqualTo(SpeakerKind.AGAINST);
        assertThat(request.subject()).isEqualTo("Kinh phí đường làng");

        management.grant(village.secretary(), request.id());
        browser.navigate().refresh();

        WebElement countdown = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#speakers .countdown output")));
        assertThat(countdown.getText()).matches("[23]:[0-5]\\d");
        assertThat(browser.findElement(By.cssSelector("#speakers .own-place")).getText())
                .isEqualTo("Đồng chí đang được mời phát biểu.");
        Object overflow = browser.executeScript(
                "return document.getElementById('speakers').scrollWidth > document.getElementById('speakers').clientWidth;");
        assertThat(overflow).isEqualTo(false);
    }

    @Test
    void speakerListFollowsAgenda() {
        Village village = villages.startedMeetingWithRoll();
        Actor member = villages.accountOf(village, "Lý Văn Khánh");
        List<AgendaItem> agenda = meetings.get(village.meeting()).agenda();
        signIn(member);
        browser.get(url("/meetings/" + village.meeting()));
        browser.executeScript("window.notReloaded = true;");
        assertThat(browser.findElements(By.cssSelector("#agenda-item-" + agenda.get(0).id() + " #speakers"))).hasSize(1);

        meetingManagement.discuss(village.secretary(), village.meeting(), agenda.get(1).id());

        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#agenda-item-" + agenda.get(1).id() + " #speakers")));
        assertThat(browser.findElements(By.cssSelector("#agenda-item-" + agenda.get(0).id() + " #speakers"))).isEmpty();
        assertThat(browser.findElement(By.cssSelector("#speakers .speaker-item")).getText()).contains(agenda.get(1).title());
        assertThat(browser.executeScript("return window.notReloaded === true;")).isEqualTo(true);
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
