package vn.chibo.minutes;


import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
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
import vn.chibo.testing.Browser;
import vn.chibo.testing.Fixtures;
import vn.chibo.testing.SecondFactorCodes;
import vn.chibo.testing.VillageMeetings.Village;
import vn.chibo.testing.VillageMeetings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Minutes corrected after approval, in headless Chromium. Both signatories approve the minutes, and
 * the secretary corrects them with a reason. The correction is approved in turn and a member reads
 * both versions. The secretary then issues the resolution, which shows in the cell's list with its
 * number.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MinutesCorrectionJourneyTests {

    private static final String FIRST_GUESTS = "Đồng chí Lê Văn Bính, Đảng ủy viên xã";
    private static final String CORRECTED_GUESTS = "Đồng chí Lê Văn Bình, Đảng ủy viên xã";
    private static final String REASON = "Ghi sai tên khách mời.";

    @LocalServerPort
    int port;

    @Autowired
    ClosedVillageMeetings closedMeetings;

    @Autowired
    VillageMeetings villages;

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
    void correctApprovedMinutesAndIssueResolution() {
        Village village = closedMeetings.closedMeeting();
        String minutes = "/meetings/" + village.meeting().value() + "/minutes";

        signIn(village.minuteTaker());
        writeGuests(minutes, FIRST_GUESTS);
        approve(minutes);
        signIn(village.secretary());
        approve(minutes);
        assertThat(browser.findElement(By.cssSelector(".minutes-document")).getText()).contains(FIRST_GUESTS)
                .doesNotContain("Dự thảo");

        browser.findElement(By.cssSelector(".minutes-correction summary")).click();
        browser.findElement(By.id("correction-reason")).sendKeys(REASON);
        submit("form[action$='/minutes/corrections']");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".minutes-versions"), REASON));
        writeGuests(minutes, CORRECTED_GUESTS);
        approve(minutes);
        signIn(village.minuteTaker());
        approve(minutes);

        signIn(villages.accountOf(village, "Phạm Thị Ánh"));
        open(minutes);
        assertThat(browser.findElement(By.cssSelector(".minutes-document")).getText()).contains(CORRECTED_GUESTS);
        assertThat(browser.findElement(By.cssSelector(".minutes-versions")).getText()).contains("Lần 1", "Lần 2",
                REASON);
        browser.findElement(By.cssSelector(".minutes-versions a[href$='/versions/1']")).click();
        wait.until(ExpectedConditions.urlContains("/versions/1"));
        assertThat(browser.findElement(By.cssSelector(".minutes-document")).getText()).contains(FIRST_GUESTS)
                .doesNotContain(CORRECTED_GUESTS);

        signIn(village.secretary());
        open("/meetings/" + village.meeting().value() + "/resolution");
        submit("form[action$='/resolution/issue']");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".minutes-document"),
                "Số 01-NQ/CB"));
        signIn(villages.accountOf(village, "Phạm Thị Ánh"));
        open("/cells/" + village.commune().cell().id().value() + "/resolutions");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Số 01-NQ/CB");
    }

    /** Writes the guests into the latest version of the minutes through the part's form. */
    private void writeGuests(String minutes, String guests) {
        open(minutes);
        WebElement block = browser.findElement(By.id("minutes-guests"));
        block.findElement(By.tagName("summary")).click();
        WebElement field = block.findElement(By.name("text"));
        field.clear();
        field.sendKeys(guests);
        submit("#minutes-guests form");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("minutes-guests"), guests));
    }

    private void approve(String minutes) {
        open(minutes);
        submit("form[action$='/minutes/approval']");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#messages .alert-ok")));
    }

    private void signIn(Actor actor) {
        browser.manage().deleteAllCookies();
        open("/login");
        browser.findElement(By.id("username")).sendKeys(actor.username());
        browser.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
        submit("form[action$='/login']");
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        SecondFactorCodes.submitIfAsked(browser, actor.username());
    }

    private void open(String path) {
        browser.get("http://127.0.0.1:" + port + path);
    }

    private void submit(String form) {
        browser.findElement(By.cssSelector(form)).findElement(By.cssSelector("button[type='submit']")).click();
    }
}
