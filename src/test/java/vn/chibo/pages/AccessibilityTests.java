package vn.chibo.pages;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.chibo.testing.Axe;
import vn.chibo.testing.Browser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * axe-core finds no violation of WCAG 2.1 A and AA rules on the pages every member uses: sign-in,
 * home, roster and meeting, as the demo secretary and as a demo member, in Chromium. Keyboard focus
 * shows on each element it reaches.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "chibo.demo.enabled=true")
class AccessibilityTests {

    /** How many times the focus test presses Tab on each page: past the header into the main content. */
    private static final int FOCUS_STEPS = 15;

    @LocalServerPort
    int port;

    @Autowired
    DemoPages pages;

    private ChromeDriver browser;

    @BeforeEach
    void startBrowser() {
        browser = Browser.start();
    }

    @AfterEach
    void stopBrowser() {
        browser.quit();
    }

    @Test
    void signInPageHasNoViolations() {
        browser.get(baseUrl() + "/login");

        assertThat(Axe.violations(browser)).isEmpty();
    }

    @Test
    void failedSignInHasNoViolations() {
        browser.get(baseUrl() + "/login?error=bad");

        assertThat(Axe.violations(browser)).isEmpty();
    }

    @Test
    void errorPageHasNoViolations() {
        DemoPages.signIn(browser, baseUrl(), DemoPages.MEMBER);
        browser.get(baseUrl() + "/meetings/999999999");

        assertThat(browser.getTitle()).contains("Không tìm thấy trang");
        assertThat(browser.findElements(By.cssSelector("main.error-page"))).hasSize(1);
        assertThat(Axe.violations(browser)).isEmpty();
    }

    @Test
    void secretaryPagesHaveNoViolations() {
        assertThat(violationsAs(DemoPages.SECRETARY)).isEmpty();
    }

    @Test
    void memberPagesHaveNoViolations() {
        assertThat(violationsAs(DemoPages.MEMBER)).isEmpty();
    }

    @Test
    void keyboardFocusIsVisible() {
        List<DemoPages.Page> signedIn = pages.signedInPages();
        DemoPages.signIn(browser, baseUrl(), DemoPages.SECRETARY);

        List<String> unmarked = new ArrayList<>();
        for (DemoPages.Page page : signedIn) {
            browser.get(baseUrl() + page.path());
            for (int press = 0; press < FOCUS_STEPS; press++) {
                new Actions(browser).sendKeys(Keys.TAB).perform();
                String outline = (String) browser.executeScript("""
                        const element = document.activeElement;
                        const style = getComputedStyle(element);
                        if (element === document.body) {
                            return null;
                        }
                        return parseFloat(style.outlineWidth) >= 2 && style.outlineStyle !== 'none' ? null
                            : element.tagName.toLowerCase() + ' "' + element.textContent.trim().slice(0, 30) + '" has '
                                + style.outlineStyle + ' ' + style.outlineWidth;
                        """);
                if (outline != null) {
                    unmarked.add(page.name() + ": " + outline);
                }
            }
        }

        assertThat(unmarked).isEmpty();
    }

    @Test
    void axeReportsBrokenMarkup() {
        browser.get(baseUrl() + "/login");
        browser.executeScript("""
                document.querySelector('main').insertAdjacentHTML('beforeend', '<img src="data:,">'
                    + '<input id="unlabelled" type="text"><p id="faint">Chữ mờ</p>');
                // Set through the CSSOM, because the content security policy drops style attributes.
                document.getElementById('faint').style.color = '#bbb';
                """);

        List<String> violations = Axe.violations(browser);

        assertThat(violations).anyMatch(violation -> violation.startsWith("image-alt "));
        assertThat(violations).anyMatch(violation -> violation.startsWith("label "));
        assertThat(violations).anyMatch(violation -> violation.startsWith("color-contrast "));
    }

    private List<String> violationsAs(String username) {
        return pages.findOnPages(browser, baseUrl(), username, () -> Axe.violations(browser));
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + port;
    }
}
