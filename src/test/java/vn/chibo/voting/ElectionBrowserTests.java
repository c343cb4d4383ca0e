package vn.chibo.voting;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
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
import static vn.chibo.voting.ListBallots.times;

/**
 * An election in Chromium on a phone 360 pixels wide. The chair opens it from the meeting's vote page,
 * and a member marks two candidates, confirms and keeps the receipt code. The chair then closes the
 * round and opens the runoff for a tie. Each step is free of axe-core violations and of sideways
 * scrolling.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ElectionBrowserTests {

    private static final int WIDTH = 360;

    /** Three candidates in the order of their given names (Hường, Khánh, Thắng), which is the ballot's order. */
    static final String A = VillageMeetings.MINUTE_TAKER;
    static final String B = VillageMeetings.ONLINE_OFFICIALS.get(0);
    static final String C = VillageMeetings.SECRETARY;

    @LocalServerPort
    int port;

    @Autowired
    VillageMeetings villages;

    @Autowired
    SecretBallots secretBallots;

    @Autowired
    Motions motions;

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
    void electionJourneyToRunoff() {
        Village village = villages.startedMeetingWithRoll();
        Browser.signIn(browser, base(), village.secretary().username());
        open("/meetings/" + village.meeting().value() + "/motions");
        assertFitsAndPasses("vote page with the election form");

        WebElement form = browser.findElement(By.cssSelector("#open-election form"));
        form.findElement(By.id("election-title")).sendKeys("Bầu chi ủy nhiệm kỳ 2025–2027");
        form.findElement(By.id("election-seats")).clear();
        form.findElement(By.id("election-seats")).sendKeys("2");
        for (String name : List.of(A, B, C)) {
            form.findElement(By.cssSelector("input[name=candidates][value='" + village.member(name) + "']")).click();
        }
        form.findElement(By.cssSelector("button[type=submit]")).click();
        Browser.await(browser).until(ExpectedConditions.urlMatches(".*/motions/\\d+$"));
        MotionId election = MotionId.of(Long.parseLong(browser.getCurrentUrl().replaceAll(".*/motions/", "")));
        assertThat(browser.findElement(By.id("election-seats")).getText())
                .isEqualTo("Bầu 2 người trong số 3 ứng cử viên · vòng đầu");

        Actor voter = villages.accountOf(village, "Phạm Thị Ánh");
        Browser.signIn(browser, base(), voter.username());
        open("/motions/" + election);
        assertFitsAndPasses("election ballot");
        // The ballot lists the candidates by name.
        Motion round = motions.get(election);
        assertThat(round.options()).extracting(BallotOption::label).containsExactly(A, B, C);
        int a = 1;
        int b = 2;
        int c = 3;
        browser.findElement(By.cssSelector("#list-ballot input[name=marks][value='" + b + "']")).click();
        browser.findElement(By.cssSelector("#list-ballot input[name=marks][value='" + c + "']")).click();
        browser.findElement(By.cssSelector("#list-ballot button[type=submit]")).click();
        Browser.await(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("pending-marks")));
        assertThat(browser.findElement(By.id("pending-marks")).getText()).contains(B, C).doesNotContain(A);
        assertFitsAndPasses("confirmation");
        browser.findElement(By.cssSelector(".ballot-confirm button[name=confirmed]")).click();
        Browser.await(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("receipt-code")));

        // The other 23 give A 20, B 13 and C 13, so with the first ballot B and C tie at 14 for the second seat.
        List<String> voters = village.eligibleVoters().stream()
                .filter(name -> !name.equals("Phạm Thị Ánh"))
                .toList();
        ListBallots.cast(villages, secretBallots, village, voters, election,
                ListBallots.of(times(10, a, b), times(10, a, c), times(3, b, c)));

        Browser.signIn(browser, base(), village.secretary().username());
        open("/motions/" + election);
        browser.findElement(By.cssSelector("form[action$='/close'] button")).click();
        Browser.await(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("runoff-needed")));
        assertThat(browser.findElement(By.id("elected")).getText()).isEqualTo("Trúng cử: " + A + ".");
        assertFitsAndPasses("round result");
        browser.findElement(By.cssSelector("#next-round button")).click();
        Browser.await(browser).until(ExpectedConditions.not(ExpectedConditions.urlContains("/motions/" + election)));

        assertThat(browser.findElement(By.id("election-seats")).getText())
                .isEqualTo("Bầu 1 người trong số 2 ứng cử viên · bầu lại giữa những người bằng phiếu");
        assertThat(motions.ofMeeting(village.meeting())).hasSize(2);
    }

    private void assertFitsAndPasses(String page) {
        assertThat(Axe.violations(browser)).as(page).isEmpty();
        Number scrollWidth = (Number) browser.executeScript("return document.documentElement.scrollWidth;");
        assertThat(scrollWidth.intValue()).as(page + " scroll width").isLessThanOrEqualTo(WIDTH);
    }

    private void open(String path) {
        browser.get(base() + path);
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}
