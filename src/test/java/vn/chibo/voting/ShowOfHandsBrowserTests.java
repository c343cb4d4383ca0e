package vn.chibo.voting;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.chibo.member.MemberId;
import vn.chibo.testing.Axe;
import vn.chibo.testing.Browser;
import vn.chibo.testing.Fixtures;
import vn.chibo.testing.SecondFactorCodes;
import vn.chibo.testing.VillageMeetings.Village;
import vn.chibo.testing.VillageMeetings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chair puts a recognition to a show of hands in Chromium on a phone 360 pixels wide: the open
 * form, the count with a rejected total and the result, each page free of axe-core violations and
 * of sideways scrolling.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ShowOfHandsBrowserTests {

    private static final int WIDTH = 360;

    @LocalServerPort
    int port;

    @Autowired
    VillageMeetings villages;

    @Autowired
    Motions motions;

    private ChromeDriver browser;

    @BeforeEach
    void startPhone() {
        browser = Browser.start();
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", WIDTH, "height", 740,
                "deviceScaleFactor", 2, "mobile", true));
    }

    @AfterEach
    void stopPhone() {
        browser.quit();
    }

    @Test
    void chairRecordsRecognitionByHands() {
        Village village = villages.startedMeetingWithRoll();
        MemberId probationary = village.member(VillageMeetings.PROBATIONARY.get(1));
        signIn(village.secretary().username());

        open("/meetings/" + village.meeting().value() + "/motions");
        assertFitsAndPasses("motions");
        new Select(browser.findElement(By.id("kind"))).selectByValue("RECOGNITION");
        new Select(browser.findElement(By.id("method"))).selectByValue("SHOW_OF_HANDS");
        browser.findElement(By.id("title")).clear();
        new Select(browser.findElement(By.id("probationaryMember"))).selectByValue(probationary.toString());
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        Browser.await(browser).until(ExpectedConditions.urlMatches(".*/motions/\\d+$"));

        assertThat(browser.findElement(By.id("motion-subject")).getText())
                .isEqualTo("Người được biểu quyết: Hoàng Văn Ẩn");
        assertFitsAndPasses("count form");
        count("30", "0", "0");
        assertThat(browser.findElement(By.id("count-error")).getText()).contains("vượt quá 24 đồng chí");
        assertFitsAndPasses("rejected count");
        count("17", "6", "1");

        assertThat(browser.findElement(By.id("figure-needed")).getText()).isEqualTo("17");
        assertThat(browser.findElement(By.id("participation")).getText())
                .isEqualTo("Tham gia biểu quyết: 24 trên 24 đồng chí có quyền biểu quyết có mặt (100%).");
        assertThat(browser.findElement(By.id("next-step")).getText()).contains("Hoàng Văn Ẩn");
        assertFitsAndPasses("result");
        assertThat(motions.ofMeeting(village.meeting())).singleElement()
                .satisfies(motion -> assertThat(motion.result().passed()).isTrue());
    }

    private void count(String votesFor, String votesAgainst, String abstentions) {
        browser.findElement(By.id("votesFor")).clear();
        browser.findElement(By.id("votesFor")).sendKeys(votesFor);
        browser.findElement(By.id("votesAgainst")).clear();
        browser.findElement(By.id("votesAgainst")).sendKeys(votesAgainst);
        browser.findElement(By.id("abstentions")).clear();
        browser.findElement(By.id("abstentions")).sendKeys(abstentions);
        WebElement form = browser.findElement(By.id("show-of-hands"));
        form.findElement(By.cssSelector("button[type=submit]")).click();
        var wait = Browser.await(browser);
        wait.until(ExpectedConditions.stalenessOf(form));
        wait.until(ExpectedConditions.or(ExpectedConditions.presenceOfElementLocated(By.id("count-error")),
                        ExpectedConditions.presenceOfElementLocated(By.id("figure-needed"))));
    }

    private void assertFitsAndPasses(String page) {
        assertThat(Axe.violations(browser)).as(page).isEmpty();
        Number scrollWidth = (Number) browser.executeScript("return document.documentElement.scrollWidth;");
        assertThat(scrollWidth.intValue()).as(page + " scroll width").isLessThanOrEqualTo(WIDTH);
    }

    private void signIn(String username) {
        browser.manage().deleteAllCookies();
        open("/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        Browser.await(browser)
                .until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        SecondFactorCodes.submitIfAsked(browser, username);
    }

    private void open(String path) {
        browser.get("http://127.0.0.1:" + port + path);
    }
}
