package vn.chibo.journey;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.chibo.account.AccountId;
import vn.chibo.account.Accounts;
import vn.chibo.account.Grant;
import vn.chibo.account.Role;
import vn.chibo.member.ActivityStatus;
import vn.chibo.member.Member;
import vn.chibo.member.Members;
import vn.chibo.member.MembershipStatus;
import vn.chibo.testing.Browser;
import vn.chibo.testing.Fixtures;
import vn.chibo.testing.SecondFactorCodes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A secretary in headless Chromium filters the roster to the probationary members, opens an official
 * member's page and records an exemption, then sends another member to a sibling cell, whose roster
 * shows them as attached.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MemberProfileJourneyTests {

    private static final String SECRETARY = "0900000079";
    private static final String PASSWORD = "bi-thu-thu-nghiem-ho-so";

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Accounts accounts;

    @Autowired
    Members members;

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
    void secretaryRecordsExemptionAndSendsOut() {
        Fixtures.Commune commune = fixtures.commune();
        var sibling = fixtures.cellUnder(commune.committee());
        fixtures.villageRoster(commune.cell());
        AccountId secretary = accounts.create(SECRETARY, PASSWORD, "Bí thư thử nghiệm", null, false,
                List.of(new Grant(commune.cell().id(), Role.CELL_SECRETARY),
                        new Grant(sibling.id(), Role.CELL_SECRETARY)));
        fixtures.enrolSecondFactor(secretary, SECRETARY);
        long cellId = commune.cell().id().value();

        signIn();
        open("/cells/" + cellId + "/members");
        new Select(browser.findElement(By.id("filter-membership"))).selectByValue("PROBATIONARY");
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#roster-list td.name a"), 3));
        assertThat(browser.getCurrentUrl()).contains("membership=PROBATIONARY");

        assertThat(browser.findElement(By.id("roster-list")).getText()).contains("Hoàng Văn Ẩn");

        List<Member> officials = members.ofCell(commune.cell().id()).stream()
                .filter(member -> member.activityStatus() == ActivityStatus.ACTIVE
                        && member.membershipStatus() == MembershipStatus.OFFICIAL && member.cellRole() == null)
                .toList();
        Member exempted = officials.get(0);
        open("/cells/" + cellId + "/members");
        browser.findElement(By.linkText(exempted.fullName())).click();
        wait.until(ExpectedConditions.urlMatches("/cells/" + cellId + "/members/\\d+$"));
        new Select(browser.findElement(By.id("status-activity"))).selectByValue("EXEMPT");
        browser.findElement(By.id("status-effectiveDate")).sendKeys("05/01/2026");
        browser.findElement(By.id("status-decidedBy")).sendKeys("Chi bộ thôn");
        browser.findElement(By.id("status-resolution")).sendKeys("01-NQ/CB ngày 05/01/2026");
        browser.findElement(By.cssSelector("form[action$='/status'] button[type='submit']")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
                "Đã ghi quyết định vào lịch sử của đảng viên."));
        assertThat(browser.findElements(By.cssSelector("table.history tbody tr"))).hasSize(2);
        assertThat(browser.findElement(By.cssSelector("table.history")).getText())
                .contains("01-NQ/CB ngày 05/01/2026", "05/01/2026", "Quyết định về tình trạng",
                        "Miễn công tác và sinh hoạt đảng");

        Member traveller = officials.get(1);
        open("/cells/" + cellId + "/members/" + traveller.id().value());
        new Select(browser.findElement(By.id("send-out-hostCell"))).selectByVisibleText(sibling.name());
        browser.findElement(By.id("send-out-effectiveDate")).sendKeys("06/01/2026");
        browser.findElement(By.id("send-out-decidedBy")).sendKeys("Chi bộ thôn");
        browser.findElement(By.cssSelector("form[action$='/send-out'] button[type='submit']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
                "Đã ghi việc đảng viên đi sinh hoạt tạm thời."));

        open("/cells/" + sibling.id().value() + "/members");
        assertThat(browser.findElement(By.id("roster-list")).getText())
                .contains(traveller.fullName(), "từ " + commune.cell().name(), "Sinh hoạt tạm thời tại chi bộ");
    }

    private void signIn() {
        open("/login");
        browser.findElement(By.id("username")).sendKeys(SECRETARY);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("form[action$='/login'] button[type='submit']")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        SecondFactorCodes.submitIfAsked(browser, SECRETARY);
    }

    private void open(String path) {
        browser.get("http://127.0.0.1:" + port + path);
    }
}
