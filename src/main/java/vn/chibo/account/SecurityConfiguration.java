package vn.chibo.account;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.CompositeSessionAuthenticationStrategy;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationProvider;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.web.servlet.LocaleResolver;

import vn.chibo.system.ApiProblems;

/**
 * Two security filter chains. The pages: sign-in by form with limits on failed attempts, then a
 * second factor where the account has or needs one (which {@link ActorFilter} enforces), sessions,
 * CSRF protection on every form and htmx request, and a content security policy that allows no
 * inline script and no third-party host. The JSON API (with the OpenAPI document and the actuator):
 * bearer tokens, no session and so no CSRF token, and errors as problem details.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String ARGON2 = "argon2";

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    /**
     * Turns off the browser features that no page uses. The check-in QR code is scanned with the
     * phone's own camera app, which opens the link in it, so no page needs the camera. Passkeys
     * (WebAuthn) stay allowed for this origin.
     */
    static final String PERMISSIONS_POLICY = "accelerometer=(), camera=(), display-capture=(), fullscreen=(), "
            + "geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), "
            + "screen-wake-lock=(), usb=(), publickey-credentials-create=(self), publickey-credentials-get=(self)";

    /** What the browser drops on sign-out: its HTTP cache, and the Cache Storage, service workers and other storage. */
    static final String CLEAR_SITE_DATA = "\"cache\", \"storage\"";

    /** The header on the offline app's fetches, {@code vn.chibo.offline.OfflineContent#SAVE_HEADER}. */
    static final String OFFLINE_SAVE_HEADER = "X-Chibo-Offline";

    /** The HSTS max-age, one year, during which browsers use only HTTPS for this host. */
    static final long HSTS_MAX_AGE_SECONDS = 31_536_000;

    static final String API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

    /** The paths of the API chain; every other path belongs to the pages. */
    static final String[] API_CHAIN_PATHS = { ApiProblems.API_PATHS, "/v3/api-docs", "/v3/api-docs.yaml",
        "/v3/api-docs/**", "/actuator", "/actuator/**" };

    /**
     * The JSON API. It needs no CSRF protection because it keeps no session and reads no cookie:
     * a request is signed in only by the bearer token it carries, which a forged cross-site request
     * cannot add. The health endpoint with its liveness and readiness probes and the OpenAPI document
     * are public, and the Prometheus metrics open to the scrape password ({@link MetricsScrapeAccess}).
     * Every other actuator endpoint needs a token, and returns 404 even then because it is not exposed.
     */
    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ActorFilter actorFilter, ApiTokens tokens,
            ApiProblems problems, MetricsProperties metrics) throws Exception {
        http.securityMatcher(API_CHAIN_PATHS)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/token").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**", "/actuator/health",
                                "/actuator/health/liveness", "/actuator/health/readiness")
                        .permitAll()
                        .requestMatchers("/actuator/prometheus")
                        .access(new MetricsScrapeAccess(metrics))
                        .anyRequest()
                        .authenticated())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .logout(logout -> logout.disable())
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint((request, response, failure) -> ApiTokenFilter.rejectToken(request,
                                response, problems))
                        .accessDeniedHandler((request, response, denied) -> problems.writeMessage(request, response,
                                HttpStatus.FORBIDDEN, "error.forbidden")))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(API_CONTENT_SECURITY_POLICY))
                        .frameOptions(frame -> frame.deny())
                        .httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(HSTS_MAX_AGE_SECONDS)
                                .includeSubDomains(true)))
                .addFilterBefore(new SessionlessRequestFilter(), SecurityContextHolderFilter.class)
                .addFilterBefore(new ApiTokenFilter(tokens, problems), AnonymousAuthenticationFilter.class)
                .addFilterAfter(actorFilter, AuthorizationFilter.class);
        return http.build();
    }

    /**
     * The pages. Passkeys use Spring Security's WebAuthn filters for their options and for sign-in
     * ({@code /webauthn/register/options}, {@code /webauthn/authenticate/options}, {@code /login/webauthn}).
     * Spring Security's own endpoints that register and delete a passkey are closed, because the account
     * page does both with label checks, owner checks, a password check and audit entries
     * ({@code /account/passkeys}).
     */
    @Bean
    SecurityFilterChain webSecurity(HttpSecurity http, ActorFilter actorFilter, SignInLimits limits,
            AccountUserDetailsService userDetails, PasswordEncoder passwordEncoder, Accounts accounts,
            SecondFactors secondFactors, SignInAudit audit, SignedInSessions sessions, LocaleResolver localeResolver,
            Passkeys passkeys, WebAuthnRelyingPartyOperations relyingParty, UserCredentialRepository credentials,
            PublicKeyCredentialUserEntityRepository users) throws Exception {
        var signInSuccess = new SignInSuccessHandler(accounts, secondFactors, audit, sessions, localeResolver);
        // Not a bean: an AuthenticationProvider bean would also join the global AuthenticationManager.
        var passkeySignIn = new PasskeySignIn(new WebAuthnAuthenticationProvider(relyingParty, userDetails), limits,
                accounts, credentials, users, audit);
        http.authenticationManager(signInManager(userDetails, passwordEncoder, limits, audit))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error")
                        .permitAll()
                        // The offline app's manifest, icons and worker script, which browsers fetch without a session.
                        .requestMatchers(HttpMethod.GET, "/manifest.webmanifest", "/icons/*.png", "/sw.js")
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/webauthn/register")
                        .denyAll()
                        .requestMatchers(HttpMethod.DELETE, "/webauthn/register/**")
                        .denyAll()
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form
                        .loginPage("/login")
                        .successHandler(signInSuccess)
                        .failureHandler(new LoginFailureHandler()))
                .webAuthn(webAuthn -> webAuthn
                        .disableDefaultRegistrationPage(true)
                        .withObjectPostProcessor(passkeySignInFilter(passkeySignIn,
                                new PasskeySignInSuccessHandler(signInSuccess, passkeys))))
                // Signing out tells the browser to drop the pages saved for offline reading and the service
                // worker with them. Spring's ClearSiteDataHeaderWriter writes only on HTTPS; browsers obey the
                // header on localhost too, and an HTTP deployment loses nothing by receiving it.
                .requestCache(cache -> cache.requestCache(savedRequests()))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout")
                        .addLogoutHandler((request, response, authentication) -> response
                                .setHeader("Clear-Site-Data", CLEAR_SITE_DATA)))
                // An htmx request without a session gets 401, and the page's script reloads the
                // whole page to show the sign-in form instead of swapping it into a fragment.
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer
                                .policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY))
                        // Spring Security writes HSTS only on secure requests; plain HTTP gets none.
                        .httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(HSTS_MAX_AGE_SECONDS)
                                .includeSubDomains(true)))
                .addFilterAfter(actorFilter, AuthorizationFilter.class);
        return http.build();
    }

    /**
     * Checks passwords through the sign-in limits only, for the sign-in form and for API tokens. It
     * has no parent, so that no other provider could check a password that the limits refused to check.
     */
    static AuthenticationManager signInManager(AccountUserDetailsService userDetails,
            PasswordEncoder passwordEncoder, SignInLimits limits, SignInAudit audit) {
        var passwords = new DaoAuthenticationProvider(userDetails);
        passwords.setPasswordEncoder(passwordEncoder);
        passwords.setUserDetailsPasswordService(userDetails);
        return new ProviderManager(new LimitedSignIn(passwords, limits, audit));
    }

    /**
     * Completes Spring Security's passkey sign-in filter. The WebAuthn configurer leaves it without
     * sign-in limits, without a new session id after sign-in and with handlers that know nothing of the
     * account. So it gets the limited {@link PasskeySignIn}, a new session id and CSRF token after
     * sign-in (against session fixation, as the password form does), and this application's handlers.
     */
    private static ObjectPostProcessor<WebAuthnAuthenticationFilter> passkeySignInFilter(PasskeySignIn passkeySignIn,
            PasskeySignInSuccessHandler success) {
        return new ObjectPostProcessor<WebAuthnAuthenticationFilter>() {
            @Override
            public <O extends WebAuthnAuthenticationFilter> O postProcess(O filter) {
                filter.setAuthenticationManager(new ProviderManager(passkeySignIn));
                filter.setSessionAuthenticationStrategy(new CompositeSessionAuthenticationStrategy(List.of(
                        new ChangeSessionIdAuthenticationStrategy(),
                        new CsrfAuthenticationStrategy(new HttpSessionCsrfTokenRepository()))));
                filter.setAuthenticationSuccessHandler(success);
                filter.setAuthenticationFailureHandler(new PasskeySignInFailureHandler());
                return filter;
            }
        };
    }

    /**
     * Remembers the page that sent a signed-out visitor to the sign-in form, so that sign-in returns there.
     * It saves what Spring Security saves by default (GET requests that are not for a favicon, not made by
     * script with X-Requested-With, and that do not accept JSON, multipart or event streams), except the
     * offline app's own fetches, marked with the header {@code X-Chibo-Offline} (see
     * {@code vn.chibo.offline.OfflineContent}). Saving a request creates a session, and a session
     * created by the service worker while the member signs in replaced the session of the sign-in
     * form, whose CSRF token then failed.
     */
    static RequestCache savedRequests() {
        var cache = new HttpSessionRequestCache();
        cache.setMatchingRequestParameterName("continue");
        cache.setRequestMatcher(request -> HttpMethod.GET.matches(request.getMethod())
                && request.getHeader(OFFLINE_SAVE_HEADER) == null
                && !request.getRequestURI().contains("favicon.")
                && !"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))
                && !accepts(request, MediaType.APPLICATION_JSON) && !accepts(request, MediaType.MULTIPART_FORM_DATA)
                && !accepts(request, MediaType.TEXT_EVENT_STREAM));
        return cache;
    }

    /** Returns whether the Accept header names the type or one compatible with it; a wildcard does not count. */
    private static boolean accepts(HttpServletRequest request, MediaType type) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null) {
            return false;
        }
        try {
            return MediaType.parseMediaTypes(accept).stream()
                    .anyMatch(each -> !each.equals(MediaType.ALL) && each.isCompatibleWith(type));
        }
        catch (InvalidMediaTypeException invalid) {
            return false;
        }
    }

    private static AuthenticationEntryPoint entryPoint() {
        var signInPage = new LoginUrlAuthenticationEntryPoint("/login");
        var unauthorized = new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED);
        return (request, response, failure) -> {
            // htmx and event streams cannot follow a redirect to the sign-in page, so they get 401.
            String accept = request.getHeader("Accept");
            boolean eventStream = accept != null && accept.contains("text/event-stream");
            if (request.getHeader("HX-Request") != null || eventStream) {
                unauthorized.commence(request, response, failure);
            }
            else {
                signInPage.commence(request, response, failure);
            }
        };
    }

    /**
     * Hashes new passwords with Argon2id (Spring Security's 5.8 defaults: 16 MiB, 2 iterations, one
     * lane) and still checks the BCrypt hashes of older accounts, which sign-in then replaces.
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        Map<String, PasswordEncoder> encoders = Map.of(
                ARGON2, Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                "bcrypt", new BCryptPasswordEncoder());
        return new BoundedPasswordEncoder(new DelegatingPasswordEncoder(ARGON2, encoders),
                Runtime.getRuntime().availableProcessors());
    }
}
