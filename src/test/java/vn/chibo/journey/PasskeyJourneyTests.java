package vn.chibo.journey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.chibo.account.Actor;
import vn.chibo.account.Passkey;
import vn.chibo.account.Passkeys;
import vn.chibo.account.Role;
import vn.chibo.audit.AuditEntry;
import vn.chibo.audit.AuditLog;
import vn.chibo.testing.Browser;
import vn.chibo.testing.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member in headless Chromium, with a virtual platform authenticator (CTAP2, internal transport,
 * resident keys, user verification), registers a passkey on the account page, signs out and signs
 * in again with the passkey alone. Browsers accept no IP address as the relying party id, so the
 * browser opens the site as {@code localhost} on a port chosen before the server starts, and that
 * origin is the one the server allows.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class PasskeyJourneyTests {

    private static final int PORT = freePort();

    @DynamicPropertySource
    static void serveOnLocalhost(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("server.address", () -> "127.0.0.1");
        registry.add("chibo.passkeys.rp-id", () -> "localhost");
        registry.add("chibo.passkeys.allowed-origins", () -> "http://localhost:" + PORT);
    }

    @Autowired
    Fixtures fixtures;

    @Autowired
    Passkeys passkeys;

    @Autowired
    AuditLog audit;

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
    void registersPasskeyAndSignsInWithIt() {
        Actor member = fixtures.accountWithoutMember(fixtures.commune().cell(), Role.MEMBER);
        VirtualAuthenticator authenticator = browser.addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                .setHasResidentKey(true)
                .setHasUserVerification(true)
                .setIsUserVerified(true));

        signInWithPassword(member.username());
        open("/account/password");
        browser.findElement(By.cssSelector("a[href$='/account/passkeys']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("passkey-label")))
                .sendKeys("Điện thoại thử nghiệm");
        browser.findElement(By.cssSelector("#passkey-register button[type='submit']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
                "Đã thêm khóa truy cập «Điện thoại thử nghiệm»."));
        assertThat(browser.findElement(By.cssSelector(".passkey-label")).getText()).isEqualTo("Điện thoại thử nghiệm");
        assertThat(authenticator.getCredentials()).hasSize(1);
        assertThat(passkeys.of(member)).extracting(Passkey::label).containsExactly("Điện thoại thử nghiệm");

        browser.findElement(By.cssSelector("form[action$='/logout'] button")).click();
        wait.until(ExpectedConditions.urlContains("/login?logout"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("passkey-sign-in"))).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));

        assertThat(browser.findElement(By.cssSelector("p.who")).getText()).isEqualTo(member.displayName());
        assertThat(audit.entriesFor("account", member.accountId().value())).extracting(AuditEntry::action)
                .contains("account.passkeyRegistered", "account.signedInWithPasskey");
    }

    @Test
    void passwordFormStillSignsIn() {
        Actor member = fixtures.accountWithoutMember(fixtures.commune().cell(), Role.MEMBER);

        open("/login");
        assertThat(browser.findElement(By.id("passkey-sign-in")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("passkey-sign-in")).getText()).isEqualTo("Đăng nhập bằng khóa truy cập");
        signInWithPassword(member.username());

        assertThat(browser.findElement(By.cssSelector("p.who")).getText()).isEqualTo(member.displayName());
    }

    private void signInWithPassword(String username) {
        open("/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
        browser.findElement(By.cssSelector("form[action$='/login'] button[type='submit']")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    private void open(String path) {
        browser.get("http://localhost:" + PORT + path);
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
        catch (IOException failure) {
            throw new UncheckedIOException("No free port on the loopback interface", failure);
        }
    }
}
