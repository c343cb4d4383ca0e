package vn.chibo.meeting.web;


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
import org.springframework.web.util.UriComponentsBuilder;

import vn.chibo.meeting.AttendanceStatus;
import vn.chibo.meeting.CheckIns;
import vn.chibo.meeting.MeetingFixtures.Village;
import vn.chibo.meeting.MeetingFixtures;
import vn.chibo.meeting.MeetingId;
import vn.chibo.meeting.MeetingManagement;
import vn.chibo.testing.Browser;
import vn.chibo.testing.Fixtures;
import vn.chibo.testing.SecondFactorCodes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The secretary opens the check-in screen in headless Chromium from the meeting page. A member checks
 * in with the code the screen's QR code encodes, and the screen shows the new count through htmx
 * without reloading; once the meeting closes, the screen says so and stops polling.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CheckInScreenJourneyTests {

    @LocalServerPort
    int port;

    @Autowired
    MeetingFixtures fixtures;

    @Autowired
    MeetingManagement management;

    @Autowired
    CheckIns checkIns;

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
    void screenCountsCheckInsWithoutReload() throws Exception {
        Village village = fixtures.village();
        MeetingId meeting = fixtures.underway(village);

        signIn(village.secretary().username());
        open("/meetings/" + meeting.value());
        browser.findElement(By.cssSelector("a[href$='/check-in/screen']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#check-in-code svg")));
        assertThat(browser.findElement(By.id("check-in-code")).getText()).contains("Đã có mặt: 0");
        browser.executeScript("window.notReloaded = true;");

        String svg = (String) browser.executeScript("return document.querySelector('#check-in-code svg').outerHTML;");
        String address = QrSvgTests.decode(svg);
        assertThat(address).startsWith("http://127.0.0.1:" + port + "/meetings/" + meeting.value() + "/check-in?code=");
        String code = UriComponentsBuilder.fromUriString(address).build().getQueryParams().getFirst("code");
        CheckIns.Arrival arrival = checkIns.checkIn(village.member(), meeting, code);
        assertThat(arrival.status()).isEqualTo(AttendanceStatus.PRESENT_IN_PERSON);

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("check-in-code"), "Đã có mặt: 1"));
        assertThat(browser.executeScript("return window.notReloaded === true;")).isEqualTo(true);

        management.close(village.secretary(), meeting);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("check-in-code"),
                "Cuộc họp không đang diễn ra nên không có mã điểm danh."));
        assertThat(browser.findElements(By.cssSelector("#check-in-code svg"))).isEmpty();
        assertThat(browser.findElement(By.id("check-in-code")).getDomAttribute("hx-trigger")).isNull();
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
