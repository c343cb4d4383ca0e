package vn.chibo.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Lets a Prometheus server read {@code /actuator/prometheus}: the request must sign in with HTTP Basic
 * as {@value #USERNAME} and the configured scrape password. The metrics hold no personal data, but
 * they show how busy each cell's evening is, so they are not public. Without a password every request is rejected.
 */
class MetricsScrapeAccess implements AuthorizationManager<RequestAuthorizationContext> {

    static final String USERNAME = "prometheus";

    private static final String BASIC = "Basic ";

    private final byte @Nullable [] expected;

    MetricsScrapeAccess(MetricsProperties properties) {
        String password = properties.scrapePassword();
        this.expected = password == null || password.isBlank() ? null
                : (USERNAME + ":" + password).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public AuthorizationDecision authorize(Supplier<? extends @Nullable Authentication> authentication,
            RequestAuthorizationContext context) {
        return new AuthorizationDecision(expected != null && matches(context.getRequest()));
    }

    private boolean matches(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            return false;
        }
        byte[] credentials;
        try {
            credentials = Base64.getDecoder().decode(header.substring(BASIC.length()).strip());
        }
        catch (IllegalArgumentException notBase64) {
            return false;
        }
        // Compared in constant time, so that the response time reveals nothing about the password.
        return MessageDigest.isEqual(credentials, expected);
    }
}
