package vn.chibo.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import vn.chibo.account.TestTotp;

import static org.awaitility.Awaitility.await;

/**
 * The second factors of the test and demo accounts, so that the sign-in helpers can submit codes on the
 * second-factor page like a user with an authenticator app. The server accepts each time step once
 * per account, so this class hands out codes of steps it has not handed out before: the current step
 * or the next, which the server still accepts. When both were used it hands out a recovery code, and
 * when none is left it waits for the next step.
 */
public final class SecondFactorCodes {

    /** The TOTP secret of every fixture account that needs a second factor. */
    public static final String FIXTURE_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    /** The secrets of the demo accounts, as the README prints them. */
    public static final Map<String, String> DEMO_SECRETS = Map.of(
            "0912104729", "EJNQV2GLJS6ZRPBMEB2KLJCR5TY4J7XY",
            "0916201408", "AHUMV436E2MPLXWLPVSUFM3QSS23MU4X",
            "0916203317", "U5GLIHOKB2CIY6WTG5KTWOHTXJKABQUD",
            "quantri", "5I6KUJ7AV4FUU5OG5GVQKJJBF6OTDWCQ");

    private static final Map<String, String> SECRETS = new HashMap<>(DEMO_SECRETS);
    private static final Map<String, Long> LAST_STEPS = new HashMap<>();
    private static final Map<String, Deque<String>> RECOVERY_CODES = new HashMap<>();

    private SecondFactorCodes() {
    }

    /** Remembers the secret and the recovery codes of an account that a fixture enrolled. */
    public static synchronized void register(String username, String secret, List<String> recoveryCodes) {
        SECRETS.put(username, secret);
        RECOVERY_CODES.put(username, new ArrayDeque<>(recoveryCodes));
    }

    public static synchronized String secretOf(String username) {
        return SECRETS.get(username);
    }

    public static synchronized boolean isKnown(String username) {
        return SECRETS.containsKey(username);
    }

    /**
     * Returns a code that the server has not accepted before for the account, waiting for the next
     * time step when neither a fresh step nor a recovery code is left.
     */
    public static String next(String username) {
        while (true) {
            Optional<String> code = nextWithoutWaiting(username);
            if (code.isPresent()) {
                return code.get();
            }
            long current = TestTotp.step(Instant.now());
            await().atMost(Duration.ofSeconds(35)).until(() -> TestTotp.step(Instant.now()) > current);
        }
    }

    /**
     * Returns a TOTP code of a step not handed out before (the current step or the next, which the
     * server still accepts), else an unused recovery code, else empty.
     */
    public static synchronized Optional<String> nextWithoutWaiting(String username) {
        String secret = SECRETS.get(username);
        if (secret == null) {
            throw new IllegalStateException("No second factor is known for test account " + username
                    + "; enrol it through Fixtures");
        }
        long current = TestTotp.step(Instant.now());
        long step = Math.max(current, LAST_STEPS.getOrDefault(username, Long.MIN_VALUE) + 1);
        if (step <= current + 1) {
            LAST_STEPS.put(username, step);
            return Optional.of(TestTotp.code(secret, step));
        }
        Deque<String> recovery = RECOVERY_CODES.get(username);
        return recovery == null || recovery.isEmpty() ? Optional.empty() : Optional.of(recovery.pop());
    }

    /**
     * Submits a code on the second-factor page when sign-in led to it, and waits for the page
     * after it. Accounts without a second factor never see that page.
     */
    public static void submitIfAsked(WebDriver browser, String username) {
        if (!browser.getCurrentUrl().contains("/second-factor")) {
            return;
        }
        browser.findElement(By.id("code")).sendKeys(next(username));
        browser.findElement(By.cssSelector("form[action$='/second-factor'] button[type=submit]")).click();
        Browser.await(browser).until(ExpectedConditions.not(ExpectedConditions.urlContains("/second-factor")));
    }

    /**
     * Sets up the second factor on the enrolment page when sign-in led to it, as a user with an
     * authenticator app would: reads the secret from the page, confirms it with a code and keeps the
     * recovery codes. Then it continues to the page after the recovery codes.
     */
    public static void enrolIfAsked(WebDriver browser, String username) {
        if (!browser.getCurrentUrl().contains("/account/two-factor/enrol")) {
            return;
        }
        String secret = browser.findElement(By.id("totp-secret")).getText().replace(" ", "");
        register(username, secret, List.of());
        browser.findElement(By.id("code")).sendKeys(next(username));
        browser.findElement(By.cssSelector("form[action$='/two-factor/enrol'] button[type=submit]")).click();
        Browser.await(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".recovery-codes")));

        List<String> recoveryCodes = browser.findElements(By.cssSelector(".recovery-codes code")).stream()
                .map(WebElement::getText)
                .toList();
        register(username, secret, recoveryCodes);
        browser.findElement(By.cssSelector("main a.button")).click();
        Browser.await(browser).until(ExpectedConditions.not(ExpectedConditions.urlContains("/account/two-factor")));
    }
}
