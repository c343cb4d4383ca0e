package vn.chibo.pages;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.chibo.testing.Browser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages every member uses on a phone 360 CSS pixels wide, the narrowest common Android screen:
 * no sideways scrolling, body text of at least 16 px, touch targets in the header, content and footer at least
 * 44 px high, and nothing loaded from another host.
 *
 * <p>Exempt from the height rule are links inside a sentence, which WCAG's target size criterion
 * (2.5.8) also exempts: making them taller would spread the lines of text apart. A checkbox or radio
 * button counts by its label, which is the part a finger touches.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "chibo.demo.enabled=true")
class SmallScreenTests {

    private static final int WIDTH = 360;

    /** Lists what breaks the rules on the current page, one line each; empty when nothing does. */
    private static final String CHECKS = """
            const problems = [];
            const root = document.documentElement;
            // clientWidth is the layout viewport: a phone browser zooms out to show wider content,
            // which grows innerWidth instead.
            if (root.scrollWidth > root.clientWidth) {
                problems.push('scrolls sideways: content ' + root.scrollWidth + ' px in a ' + root.clientWidth
                    + ' px window');
            }
            const bodySize = parseFloat(getComputedStyle(document.body).fontSize);
            if (bodySize < 16) {
                problems.push('body text is ' + bodySize + ' px');
            }
            const describe = element => element.tagName.toLowerCase() + (element.id ? '#' + element.id : '')
                + ' "' + (element.textContent || element.value || element.name || '').trim().slice(0, 40) + '"';
            const visible = element => element.getClientRects().length > 0
                && getComputedStyle(element).visibility !== 'hidden';
            // A link inside a sentence has words of the sentence right beside it.
            const inSentence = element => element.tagName === 'A' && getComputedStyle(element).display === 'inline'
                && [element.previousSibling, element.nextSibling].some(node => node !== null
                    && node.nodeType === Node.TEXT_NODE && node.textContent.trim() !== '');
            for (const element of document.querySelectorAll(
                    'main a[href], main button, main input, main select, main textarea, main summary, '
                    + 'header a[href], header button, footer a[href]')) {
                if (element.type === 'hidden' || !visible(element) || inSentence(element)) {
                    continue;
                }
                let target = element;
                if (element.type === 'checkbox' || element.type === 'radio') {
                    target = element.closest('label') || document.querySelector('label[for="' + element.id + '"]')
                        || element;
                }
                const height = target.getBoundingClientRect().height;
                if (height < 44) {
                    problems.push(describe(element) + ' is ' + Math.round(height * 10) / 10 + ' px high');
                }
            }
            const foreign = new Set();
            for (const entry of performance.getEntriesByType('resource')) {
                if (new URL(entry.name).origin !== location.origin) {
                    foreign.add(entry.name);
                }
            }
            for (const element of document.querySelectorAll('[src], link[href], object[data]')) {
                const address = element.getAttribute('src') || element.getAttribute('href') || element.getAttribute('data');
                if (new URL(address, location.href).origin !== location.origin) {
                    foreign.add(address);
                }
            }
            foreign.forEach(address => problems.push('loads ' + address + ' from another host'));
            return problems;
            """;

    @LocalServerPort
    int port;

    @Autowired
    DemoPages pages;

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
    void signInPageFitsPhone() {
        browser.get(baseUrl() + "/login?error=bad");

        assertThat(windowWidth()).isEqualTo(WIDTH);
        assertThat(problems()).isEmpty();
    }

    @Test
    void secretaryPagesFitPhone() {
        assertThat(problemsAs(DemoPages.SECRETARY)).isEmpty();
    }

    @Test
    void memberPagesFitPhone() {
        assertThat(problemsAs(DemoPages.MEMBER)).isEmpty();
    }

    @Test
    void checksCatchBrokenPage() {
        browser.get(baseUrl() + "/login");
        browser.executeScript("""
                const main = document.querySelector('main');
                main.insertAdjacentHTML('beforeend', '<button id="tiny">x</button><div id="wide">x</div>');
                document.getElementById('tiny').style.minHeight = '0';
                document.getElementById('tiny').style.height = '20px';
                document.getElementById('wide').style.width = '900px';
                // A script of a type that the browser does not run, so nothing is requested.
                const script = document.createElement('script');
                script.type = 'text/plain';
                script.src = 'https://cdn.example.invalid/library.js';
                main.append(script);
                """);

        List<String> problems = problems();

        assertThat(problems).anyMatch(problem -> problem.startsWith("scrolls sideways"));
        assertThat(problems).anyMatch(problem -> problem.startsWith("button#tiny \"x\" is 20 px high"));
        assertThat(problems).anyMatch(problem -> problem.startsWith("loads https://cdn.example.invalid/library.js"));
    }

    private List<String> problemsAs(String username) {
        return pages.findOnPages(browser, baseUrl(), username, this::problems);
    }

    @SuppressWarnings("unchecked")
    private List<String> problems() {
        return (List<String>) browser.executeScript(CHECKS);
    }

    private long windowWidth() {
        return (Long) browser.executeScript("return document.documentElement.clientWidth;");
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + port;
    }
}
