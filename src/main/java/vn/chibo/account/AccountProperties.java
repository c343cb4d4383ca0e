package vn.chibo.account;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of sign-in: the key for phone look-ups, the limits on failed sign-ins, the absolute
 * lifetime of sessions, the lifetime of the API's bearer tokens, the relying party of passkeys and
 * demo mode.
 *
 * @param crypto the key of the keyed hash that finds an account by phone number
 * @param signIn how failed sign-ins are slowed down and then refused
 * @param session how long a signed-in session lasts
 * @param api the bearer tokens of the JSON API
 * @param passkeys the WebAuthn relying party that passkeys are registered with
 * @param demo whether demo mode is on
 */
@ConfigurationProperties("chibo")
public record AccountProperties(@DefaultValue Crypto crypto, @DefaultValue SignIn signIn,
        @DefaultValue Session session, @DefaultValue Api api, @DefaultValue Passkeys passkeys,
        @DefaultValue Demo demo) {

    /**
     * @param enabled whether this is a demo instance ({@code chibo.demo.enabled}, set by the {@code demo}
     *        profile), whose second-factor page shows the current code of the demo accounts
     */
    public record Demo(@DefaultValue("false") boolean enabled) {
    }

    /**
     * The limit of a signed-in session besides the idle timeout, which is Spring's
     * {@code server.servlet.session.timeout}.
     *
     * @param absoluteLifetime how long a session lasts after sign-in, however active it stays; at
     *        least one minute
     * @param touchInterval how stale the stored time of a session's last request may grow before a
     *        request writes it again; zero writes it on every request. The idle timeout may then end a
     *        session up to this much early
     */
    public record Session(@DefaultValue("12h") Duration absoluteLifetime, @DefaultValue("1m") Duration touchInterval) {

        public Session {
            if (absoluteLifetime.compareTo(Duration.ofMinutes(1)) < 0) {
                throw new IllegalArgumentException("chibo.session.absolute-lifetime must be at least 1 minute, but is "
                        + absoluteLifetime);
            }
            if (touchInterval.isNegative() || touchInterval.compareTo(Duration.ofMinutes(5)) > 0) {
                throw new IllegalArgumentException("chibo.session.touch-interval must be between 0 and 5 minutes, but is "
                        + touchInterval);
            }
        }
    }

    /**
     * The WebAuthn relying party. A passkey works only under the relying party id it was registered
     * with, so changing {@code rpId} makes every registered passkey useless.
     *
     * @param rpId the host name the passkeys belong to: the site's domain (chibo.example.vn) or a
     *        domain it is under; {@code localhost} for development. Browsers accept no IP address here
     * @param rpName the name an authenticator may show beside the passkey
     * @param allowedOrigins every origin (scheme, host and port, no path) that pages are served from,
     *        as the browser shows it in the address bar: {@code https://chibo.example.vn} behind an HTTPS proxy
     * @param recentSignIn how long after signing in a session may delete a passkey without entering
     *        the password again
     */
    public record Passkeys(@DefaultValue("localhost") String rpId, @DefaultValue("Chi bộ số") String rpName,
            @DefaultValue("http://localhost:8080") Set<String> allowedOrigins,
            @DefaultValue("10m") Duration recentSignIn) {

        public Passkeys {
            if (rpId.isBlank() || rpId.contains("/") || rpId.contains(":")) {
                throw new IllegalArgumentException("chibo.passkeys.rp-id must be a host name such as chibo.example.vn, "
                        + "but is '" + rpId + "'");
            }
            if (allowedOrigins.isEmpty()) {
                throw new IllegalArgumentException("chibo.passkeys.allowed-origins needs at least one origin, such as "
                        + "https://" + rpId);
            }
            for (String origin : allowedOrigins) {
                if (!origin.matches("https?://[^/?#]+")) {
                    throw new IllegalArgumentException("chibo.passkeys.allowed-origins must contain origins such as "
                            + "https://chibo.example.vn (scheme, host, optional port, no path), but holds '" + origin
                            + "'");
                }
            }
            allowedOrigins = Set.copyOf(allowedOrigins);
        }
    }

    /**
     * @param tokenLifetime how long a bearer token works after it was issued; at least one minute
     */
    public record Api(@DefaultValue("30d") Duration tokenLifetime) {

        public Api {
            if (tokenLifetime.compareTo(Duration.ofMinutes(1)) < 0) {
                throw new IllegalArgumentException("chibo.api.token-lifetime must be at least 1 minute, but is "
                        + tokenLifetime);
            }
        }
    }

    /**
     * @param lookupKey the key, at least 32 characters; blank to use the key kept in {@code lookupKeyFile}
     * @param lookupKeyFile where a generated key is kept when none is configured; written once
     */
    public record Crypto(@Nullable String lookupKey, @DefaultValue("./data/lookup-key") Path lookupKeyFile) {
    }

    /**
     * @param account the limit per account (or per user name that matches no account); by default
     *        5 free failures, then 30 s doubling, and refusal for 1 h from 10 failures on
     * @param address the limit per client address; by default 20 free failures, then 30 s doubling,
     *        and refusal for 1 h from 50 failures on
     * @param forgetAfter how long after the last failure a subject's failures are forgotten
     */
    public record SignIn(Limit account, Limit address, @DefaultValue("24h") Duration forgetAfter) {

        /** Fills in the default limits where the configuration names none (the binder passes null). */
        @SuppressWarnings("ConstantValue")
        public SignIn {
            account = account != null ? account : new Limit(5, Duration.ofSeconds(30), 10, Duration.ofHours(1));
            address = address != null ? address : new Limit(20, Duration.ofSeconds(30), 50, Duration.ofHours(1));
        }
    }

    /**
     * A limit on failed sign-ins in a row. The first {@code freeFailures} failures cost nothing; each
     * further one blocks sign-in for {@code firstDelay}, doubled per failure; from {@code refuseAfter}
     * failures on, each blocks it for {@code refusal}. No block is longer than {@code refusal}.
     */
    public record Limit(int freeFailures, Duration firstDelay, int refuseAfter, Duration refusal) {

        public Limit {
            if (freeFailures < 1 || refuseAfter <= freeFailures) {
                throw new IllegalArgumentException("A sign-in limit needs 1 <= free-failures < refuse-after, but has "
                        + freeFailures + " and " + refuseAfter);
            }
            if (firstDelay.isNegative() || firstDelay.isZero() || refusal.compareTo(firstDelay) < 0) {
                throw new IllegalArgumentException("A sign-in limit needs 0 < first-delay <= refusal, but has "
                        + firstDelay + " and " + refusal);
            }
        }

        /** Returns how long sign-in stays blocked after the given number of failures in a row. */
        public Duration blockAfter(int failures) {
            if (failures <= freeFailures) {
                return Duration.ZERO;
            }
            if (failures >= refuseAfter) {
                return refusal;
            }
            int doublings = Math.min(failures - freeFailures - 1, 30);
            Duration delay = firstDelay.multipliedBy(1L << doublings);
            return delay.compareTo(refusal) > 0 ? refusal : delay;
        }
    }
}
