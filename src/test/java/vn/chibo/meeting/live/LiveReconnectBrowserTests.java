package vn.chibo.meeting.live;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import vn.chibo.meeting.AttendanceStatus;
import vn.chibo.meeting.MeetingFixtures;
import vn.chibo.meeting.MeetingId;
import vn.chibo.meeting.MeetingManagement;
import vn.chibo.testing.Browser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A meeting page whose event stream gets 503 from the server, as during a database outage, opens the
 * stream again once the server serves, and then shows what changed meanwhile. Streams here last 3
 * seconds, so the browser's own reconnect soon gets the 503.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "chibo.live.stream-timeout=3s", "chibo.live.heartbeat=1s" })
class LiveReconnectBrowserTests {

    /** While set, every request for an event stream gets 503, as in a database outage. */
    static final AtomicBoolean REFUSE_STREAMS = new AtomicBoolean();

    @LocalServerPort
    int port;

    @Autowired
    MeetingFixtures fixtures;

    @Autowired
    MeetingManagement management;

    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void startBrowser() {
        REFUSE_STREAMS.set(false);
        browser = Browser.start();
        wait = Browser.await(browser);
    }

    @AfterEach
    void stopBrowser() {
        REFUSE_STREAMS.set(false);
        browser.quit();
    }

    @Test
    void reopensRefusedStreamAndCatchesUp() {
        MeetingFixtures.Village village = fixtures.village();
        MeetingId meeting = fixtures.underway(village);
        Browser.signIn(browser, "http://127.0.0.1:" + port, village.member().username());
        browser.get("http://127.0.0.1:" + port + "/meetings/" + meeting);
        wait.until(ExpectedConditions.attributeToBe(By.id("live-stream"), "data-live-state", "open"));
        browser.executeScript("window.notReloaded = true;");

        REFUSE_STREAMS.set(true);
        wait.until(ExpectedConditions.attributeToBe(By.id("live-stream"), "data-live-state", "closed"));
        management.recordAttendance(village.secretary(), meeting, village.secretaryMember().id(),
                AttendanceStatus.PRESENT_IN_PERSON, null);
        assertThat(presentFigure()).isEqualTo("0");

        REFUSE_STREAMS.set(false);
        wait.until(ExpectedConditions.attributeToBe(By.id("live-stream"), "data-live-state", "open"));
        wait.until(driver -> "1".equals(presentFigure()));
        assertThat(browser.executeScript("return window.notReloaded === true;")).isEqualTo(true);
    }

    private String presentFigure() {
        return browser.findElement(By.cssSelector("#attendance-panel .figure b")).getText();
    }

    @TestConfiguration
    static class RefusingStreams {

        @Bean
        FilterRegistrationBean<OncePerRequestFilter> refuseStreams() {
            var filter = new OncePerRequestFilter() {
                @Override
                protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                        FilterChain chain) throws ServletException, IOException {
                    if (REFUSE_STREAMS.get() && request.getRequestURI().endsWith("/live")) {
                        response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                        return;
                    }
                    chain.doFilter(request, response);
                }
            };
            var registration = new FilterRegistrationBean<OncePerRequestFilter>(filter);
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }
    }
}
