package vn.chibo.journey;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
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
import vn.chibo.organization.Organization;
import vn.chibo.organization.OrganizationKind;
import vn.chibo.organization.Organizations;
import vn.chibo.testing.Browser;
import vn.chibo.testing.Fixtures;
import vn.chibo.testing.SecondFactorCodes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A district committee officer reshapes the tree in headless Chromium with the plain forms: adds a
 * cell under one commune, moves it to another and archives it. Archiving that commune is rejected
 * with a message, because another cell is still active below it.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OrganizationTreeJourneyTests {

    private static final String OFFICER = "0900000078";
    private static final String PASSWORD = "can-bo-huyen-thu";

    @LocalServerPort
    int port;

    @Autowired
    Organizations organizations;

    @Autowired
    Accounts accounts;

    @Autowired
    Fixtures fixtures;

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
    void officerAddsMovesAndArchivesCell() {
        Organization district = organizations.create(null, OrganizationKind.COMMITTEE, "Đảng bộ huyện Yên Thành",
                null);
        Organization minhAn = organizations.create(district.id(), OrganizationKind.COMMITTEE, "Đảng bộ xã Minh An",
                "Minh An");
        Organization hoaLac = organizations.create(district.id(), OrganizationKind.COMMITTEE, "Đảng bộ xã Hòa Lạc",
                "Hòa Lạc");
        Organization village = organizations.create(hoaLac.id(), OrganizationKind.CELL, "Chi bộ thôn Hòa Bình 3",
                null);
        AccountId officer = accounts.create(OFFICER, PASSWORD, "Cán bộ Huyện ủy", null, false,
                List.of(new Grant(district.id(), Role.COMMITTEE_OFFICER)));
        fixtures.enrolSecondFactor(officer, OFFICER);

        signIn();
        browser.findElement(By.cssSelector("nav.top-nav a[href='/organizations']")).click();
        wait.until(ExpectedConditions.urlMatches("/organizations$"));
        assertThat(browser.findElement(By.cssSelector("ul.tree")).getText())
                .contains(district.name(), minhAn.name(), hoaLac.name(), village.name());

        browser.findElement(By.linkText(minhAn.name())).click();
        new Select(browser.findElement(By.id("kind"))).selectByValue("CELL");
        browser.findElement(By.id("new-name")).sendKeys("Chi bộ thôn Đông Xuân");
        submit("/children");
        assertThat(message()).isEqualTo("Đã thêm \"Chi bộ thôn Đông Xuân\".");

        browser.findElement(By.linkText("Chi bộ thôn Đông Xuân")).click();
        new Select(browser.findElement(By.id("targetId"))).selectByVisibleText(hoaLac.name());
        submit("/move");
        assertThat(message()).isEqualTo("Đã chuyển vào \"" + hoaLac.name() + "\".");
        assertThat(browser.findElement(By.cssSelector("nav.breadcrumb")).getText())
                .containsSubsequence(district.name(), "›", hoaLac.name(), "›", "Chi bộ thôn Đông Xuân");
        List<String> targets = new Select(browser.findElement(By.id("targetId"))).getOptions().stream()
                .map(WebElement::getText).toList();
        assertThat(targets).containsExactlyInAnyOrder(minhAn.name(), district.name());

        submit("/archive");
        assertThat(message()).isEqualTo("Đã lưu trữ \"Chi bộ thôn Đông Xuân\".");
        assertThat(browser.getCurrentUrl()).endsWith("/organizations/" + hoaLac.id());
        assertThat(browser.findElement(By.tagName("main")).getText()).contains(village.name())
                .doesNotContain("Chi bộ thôn Đông Xuân");

        submit("/archive");
        assertThat(browser.findElement(By.cssSelector("#messages .alert-error")).getText())
                .startsWith("Chưa thể lưu trữ \"Đảng bộ xã Hòa Lạc\" vì còn 1 tổ chức trực thuộc đang hoạt động.");
    }

    private void signIn() {
        browser.get("http://127.0.0.1:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys(OFFICER);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("form[action$='/login'] button[type='submit']")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        SecondFactorCodes.submitIfAsked(browser, OFFICER);
    }

    /** Submits the form whose action ends with the suffix and waits for the page after the redirect. */
    private void submit(String actionSuffix) {
        WebElement form = browser.findElement(By.cssSelector("form[action$='" + actionSuffix + "']"));
        form.findElement(By.cssSelector("button[type='submit']")).click();
        // While the next page loads, Chromium may report that the old form belongs to no document.
        Browser.await(browser)
                .until(ExpectedConditions.stalenessOf(form));
    }

    private String message() {
        return browser.findElement(By.cssSelector("#messages .alert")).getText();
    }
}
