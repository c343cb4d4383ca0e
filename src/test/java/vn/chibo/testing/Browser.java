package vn.chibo.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from Debian's packages, driven by Selenium. The paths are given explicitly so
 * that Selenium Manager never tries to download a browser or a driver; a missing browser fails the
 * test with an explanation instead of skipping it.
 */
public final class Browser {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private Browser() {
    }

    public static ChromeDriver start() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("The browser tests need Debian's chromium and chromium-driver packages "
                    + "(/usr/bin/chromium, /usr/bin/chromedriver): apt-get install chromium chromium-driver, or run "
                    + ".ci/run, which installs them.");
        }
        Path profile;
        try {
            // Under target/, so that `mvn clean` removes the profiles and nothing is left in /tmp.
            profile = Files.createTempDirectory(Files.createDirectories(Path.of("target", "chromium-profiles")),
                    "profile-");
        }
        catch (IOException failure) {
            throw new IllegalStateException("Could not create a Chromium profile folder", failure);
        }
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=412,915", "--lang=vi", "--user-data-dir=" + profile);
        var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        var driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ZERO);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    /** Starts Chromium emulating a phone of the given width in CSS pixels, 740 high, at twice the pixel density. */
    public static ChromeDriver startPhone(int width) {
        ChromeDriver driver = start();
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", 740,
                "deviceScaleFactor", 2, "mobile", true));
        return driver;
    }

    /**
     * Signs in through the sign-in page of the application at the base address with the fixtures'
     * password, answering the second factor if the account has one.
     */
    public static void signIn(WebDriver driver, String baseUrl, String username) {
        driver.manage().deleteAllCookies();
        driver.get(baseUrl + "/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        await(driver).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        SecondFactorCodes.submitIfAsked(driver, username);
    }

    /**
     * A wait for the journeys. A form post replaces the document while a condition reads it, and
     * Chromium then reports either a stale element or an inspector error ("Node with given id does not
     * belong to the document"); both only mean "ask again", so the wait retries on any WebDriver error
     * and reports the last one if the condition never holds.
     */
    public static WebDriverWait await(WebDriver driver) {
        var wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.ignoring(WebDriverException.class);
        return wait;
    }
}
