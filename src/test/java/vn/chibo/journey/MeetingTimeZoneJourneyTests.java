package vn.chibo.journey;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.chibo.meeting.Meeting;
import vn.chibo.meeting.MeetingFixtures;
import vn.chibo.meeting.MeetingId;
import vn.chibo.meeting.Meetings;
import vn.chibo.testing.Browser;
import vn.chibo.testing.Fixtures;
import vn.chibo.testing.SecondFactorCodes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A secretary whose browser runs in another time zone enters a meeting at 19:30: the product stores
 * 12:30 UTC (19:30 in Vietnam) and shows 19:30 with the zone named, whatever the browser's zone.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MeetingTimeZoneJourneyTests {

    @LocalServerPort
    int port;

    @Autowired
    MeetingFixtures fixtures;

    @Autowired
    Meetings meetings;

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

    @ParameterizedTest
    @ValueSource(strings = { "America/New_York", "Europe/Berlin", "Pacific/Kiritimati" })
    void meetingAt1930StoredAsVietnamTime(String browserZone) {
        MeetingFixtures.Village village = fixtures.village();
        browser.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", browserZone));
        signIn(village.secretary().username());
        assertThat(script("return Intl.DateTimeFormat().resolvedOptions().timeZone")).isEqualTo(browserZone);

        open("/cells/" + village.cell().id() + "/meetings/new");
        setValue("date", "2027-01-20");
        setValue("startTime", "19:30");
        setValue("endTime", "21:30");
        setValue("place", "Nhà văn hóa thôn Hòa Bình 3");
        browser.findElement(By.cssSelector("main form button[value='save']:not(.visually-hidden)")).click();
        wait.until(ExpectedConditions.urlMatches("/meetings/\\d+$"));
        long id = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/meetings/(\\d+)$", "$1"));

        Meeting saved = meetings.get(MeetingId.of(id));
        assertThat(saved.startsAt()).isEqualTo(Instant.parse("2027-01-20T12:30:00Z"));
        assertThat(saved.plannedEndAt()).isEqualTo(Instant.parse("2027-01-20T14:30:00Z"));
        assertThat(browser.findElement(By.cssSelector("main dl.details")).getText())
                .contains("20/01/2027 19:30 – 21:30 (giờ Việt Nam, UTC+7)");
        assertThat((String) script("return document.body.innerText")).doesNotContain("12:30");

        open("/meetings/" + id + "/edit");
        assertThat(browser.findElement(By.id("startTime")).getDomProperty("value")).isEqualTo("19:30");
        assertThat(browser.findElement(By.id("date")).getDomProperty("value")).isEqualTo("2027-01-20");
        open("/cells/" + village.cell().id() + "/meetings");
        assertThat(browser.findElement(By.cssSelector(".meeting-list")).getText())
                .contains("20/01/2027 19:30 (giờ Việt Nam, UTC+7)");
    }

    private void signIn(String username) {
        open("/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
        browser.findElement(By.cssSelector("form[action$='/login'] button[type='submit']")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        SecondFactorCodes.submitIfAsked(browser, username);
    }

    private Object script(String code) {
        return ((JavascriptExecutor) browser).executeScript(code);
    }

    private void open(String path) {
        browser.get("http://127.0.0.1:" + port + path);
    }

    private void setValue(String id, String value) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];",
                browser.findElement(By.id(id)), value);
    }
}
