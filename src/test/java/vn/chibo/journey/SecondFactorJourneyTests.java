package vn.chibo.journey;

import java.time.Instant;
import java.util.List;

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

import vn.chibo.account.Accounts;
import vn.chibo.account.Grant;
import vn.chibo.account.Role;
import vn.chibo.account.TestTotp;
import vn.chibo.testing.Browser;
import vn.chibo.testing.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new cell secretary in headless Chromium: sent to set up the second factor right after the password,
 * adds the secret read from the page to an "app" (computed here), keeps the recovery codes, signs out,
 * and signs in again with the password and a code.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecondFactorJourneyTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Accounts accounts;

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
    void secretaryEnrolsThenSignsInWithCode() {
        Fixtures.Commune commune = fixtures.commune();
        String username = Fixtures.phone();
        accounts.create(username, Fixtures.PASSWORD, "Bí thư Hành Trình", null, false,
                List.of(new Grant(commune.cell().id(), Role.CELL_SECRETARY)));

        signInWithPassword(username);
        wait.until(ExpectedConditions.urlContains("/account/two-factor/enrol"));
        assertThat(browser.findElements(By.cssSelector(".qr-frame svg"))).hasSize(1);
        String secret = browser.findElement(By.id("totp-secret")).getText().replace(" ", "");
        assertThat(secret).matches("[A-Z2-7]{32}");

        long enrolStep = TestTotp.step(Instant.now());
        browser.findElement(By.id("code")).sendKeys(TestTotp.code(secret, enrolStep));
        browser.findElement(By.cssSelector("form[action$='/two-factor/enrol'] button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".recovery-codes")));
        List<WebElement> codes = browser.findElements(By.cssSelector(".recovery-codes code"));
        assertThat(codes).hasSize(10);
        assertThat(codes.getFirst().getText()).matches("[a-z2-9]{5}-[a-z2-9]{5}");

        browser.findElement(By.cssSelector("main a.button")).click();
        wait.until(ExpectedConditions.urlToBe(url("/")));
        browser.findElement(By.cssSelector("form[action$='/logout'] button")).click();
        wait.until(ExpectedConditions.urlContains("/login?logout"));

        signInWithPassword(username);
        wait.until(ExpectedConditions.urlContains("/second-factor"));
        // The code of the enrolment's step was used; the next step's code is accepted up to 30 s early.
        long step = Math.max(TestTotp.step(Instant.now()), enrolStep + 1);
        browser.findElement(By.id("code")).sendKeys(TestTotp.code(secret, step));
        browser.findElement(By.cssSelector("form[action$='/second-factor'] button[type=submit]")).click();
        wait.until(ExpectedConditions.urlToBe(url("/")));
        assertThat(browser.findElement(By.cssSelector(".who")).getText()).isEqualTo("Bí thư Hành Trình");
    }

    private void signInWithPassword(String username) {
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
        browser.findElement(By.cssSelector("form[action$='/login'] button[type='submit']")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
