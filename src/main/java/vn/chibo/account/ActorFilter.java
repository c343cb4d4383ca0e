package vn.chibo.account;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import vn.chibo.system.ApiProblems;

/**
 * Loads the {@link Actor} of every signed-in request from the database. A session ends at once when
 * its account was disabled or deleted, changed its password or signed out everywhere since the
 * session signed in, or when its absolute lifetime since sign-in has passed. The one session that
 * changed the password itself stays signed in. A session whose second
 * factor is due reaches only the second-factor page. A session whose roles require a second factor
 * not yet set up reaches only the set-up page. The API rejects the tokens of both with a problem. An
 * account with an initial password is sent to the password page until the password is changed. Pages
 * are shown in the language the account chose.
 */
class ActorFilter extends OncePerRequestFilter {

    static final String ATTRIBUTE = Actor.class.getName();

    /**
     * The same actor under the name that templates read, as a request attribute rather than a model
     * attribute, so that error pages rendered outside a controller have it too.
     */
    static final String MODEL_ATTRIBUTE = "currentActor";

    /** The account of a session that passed the password and still owes its second factor. */
    static final String AWAITING_SECOND_FACTOR = ActorFilter.class.getName() + ".awaitingSecondFactor";

    private static final Logger log = LoggerFactory.getLogger(ActorFilter.class);
    private static final Set<String> ALLOWED_WITH_INITIAL_PASSWORD = Set.of("/account/password",
            "/account/sign-out-everywhere", "/logout", "/error");

    /** The page that requests the TOTP or recovery code after the password. */
    static final String SECOND_FACTOR_PAGE = "/second-factor";

    /** The page that sets up an authenticator app. */
    static final String ENROLMENT_PAGE = "/account/two-factor/enrol";

    private static final Set<String> ALLOWED_WITH_CODE_DUE = Set.of(SECOND_FACTOR_PAGE, "/logout", "/error");
    private static final Set<String> ALLOWED_WITH_ENROLMENT_DUE = Set.of(ENROLMENT_PAGE, "/logout", "/error");

    private final Accounts accounts;
    private final AccountLanguages languages;
    private final SignedInSessions sessions;
    private final ApiProblems problems;
    private final Duration absoluteLifetime;
    private final Clock clock;

    ActorFilter(Accounts accounts, AccountLanguages languages, SignedInSessions sessions, ApiProblems problems,
            Duration absoluteLifetime, Clock clock) {
        this.accounts = accounts;
        this.languages = languages;
        this.sessions = sessions;
        this.problems = problems;
        this.absoluteLifetime = absoluteLifetime;
        this.clock = clock;
    }

    /** Returns the actor of the request, or null when nobody is signed in. */
    static @Nullable Actor of(HttpServletRequest request) {
        return (Actor) request.getAttribute(ATTRIBUTE);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof AccountUser user)) {
            chain.doFilter(request, response);
            return;
        }

        Optional<Accounts.SignedInAccount> signedIn = signedInAccount(request, user)
                .filter(found -> found.account().enabled());
        Optional<AccountRecord> account = signedIn.map(Accounts.SignedInAccount::account);
        if (account.isEmpty()) {
            log.info("Account {} is disabled or gone; ending its session", user.accountId());
            endSession(request, response, "disabled");
            return;
        }
        if (!user.passwordUnchangedSince(account.get()) && !changedOwnPassword(request, user)) {
            log.info("The password of account {} changed since this session signed in; ending it", user.accountId());
            endSession(request, response, "passwordChanged");
            return;
        }
        if (user.signedOutEverywhereSince(account.get())) {
            log.info("Account {} signed out everywhere since this session signed in; ending it", user.accountId());
            endSession(request, response, "signedOutEverywhere");
            return;
        }
        HttpSession session = request.getSession(false);
        if (session != null && pastAbsoluteLifetime(session)) {
            log.info("The session of account {} reached its absolute lifetime of {}; ending it", user.accountId(),
                    absoluteLifetime);
            endSession(request, response, "expired");
            return;
        }
        Actor actor = actorOf(signedIn.get());
        SecondFactors.Stage stage = SecondFactors.stageOf(authentication, signedIn.get().secondFactorConfirmed(),
                actor.grants());
        // The API answers in the language of each request's header and never redirects: its tokens
        // are not issued to, and stop working for, accounts with an initial password.
        if (ApiProblems.isApi(request)) {
            if (stage != SecondFactors.Stage.COMPLETE) {
                log.info("Rejected an API token of account {}: the second factor is {}", actor.accountId(), stage);
                rejectApiRequest(request, response, stage);
                return;
            }
            setActor(request, actor);
            chain.doFilter(request, response);
            return;
        }
        languages.apply(account.get(), request, response);

        // The actor is set only once the second factor is done, so that no controller can act for a
        // session that has only passed the password.
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (stage == SecondFactors.Stage.CODE_REQUIRED) {
            if (!ALLOWED_WITH_CODE_DUE.contains(path)) {
                redirect(request, response, SECOND_FACTOR_PAGE);
                return;
            }
            request.setAttribute(AWAITING_SECOND_FACTOR, actor.accountId());
            chain.doFilter(request, response);
            return;
        }
        if (stage == SecondFactors.Stage.ENROLMENT_REQUIRED) {
            if (!ALLOWED_WITH_ENROLMENT_DUE.contains(path)) {
                redirect(request, response, ENROLMENT_PAGE);
                return;
            }
            setActor(request, actor);
            chain.doFilter(request, response);
            return;
        }

        setActor(request, actor);
        if (actor.mustChangePassword() && !ALLOWED_WITH_INITIAL_PASSWORD.contains(path)) {
            redirect(request, response, "/account/password");
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * Returns whether the request belongs to the session that changed its own password, and was sent
     * before the change renewed that session. Ending the session here would delete the row that the
     * change is about to save under the session's new id, and sign the member out. So such a request is
     * let through as if it had arrived a moment earlier. Once the renewed session is saved, the old
     * id finds no session at all.
     *
     * <p>NOTE: when such a request also writes the session's row, because its minute of
     * {@code chibo.session.touch-interval} is up, and writes it after the change did, Spring Session puts
     * the old id back (it updates by primary key), and the member is signed out. That needs both
     * requests within the same minute boundary and is not handled.
     */
    private boolean changedOwnPassword(HttpServletRequest request, AccountUser user) {
        HttpSession session = request.getSession(false);
        if (session == null || !sessions.changedOwnPassword(session, user.accountId())) {
            return false;
        }
        log.info("A request of account {} was sent before its session changed the password; letting it through",
                user.accountId());
        return true;
    }

    /**
     * Returns the account as the bearer token's query read it moments ago in this request, or else
     * reads it, for a session.
     */
    private Optional<Accounts.SignedInAccount> signedInAccount(HttpServletRequest request, AccountUser user) {
        if (request.getAttribute(ApiTokenFilter.SIGNED_IN) instanceof Accounts.SignedInAccount read
                && read.account().id().equals(user.accountId())) {
            return Optional.of(read);
        }
        return accounts.signedIn(user.accountId());
    }

    private static void setActor(HttpServletRequest request, Actor actor) {
        request.setAttribute(ATTRIBUTE, actor);
        request.setAttribute(MODEL_ATTRIBUTE, actor);
    }

    private static void redirect(HttpServletRequest request, HttpServletResponse response, String path)
            throws IOException {
        String target = request.getContextPath() + path;
        if (request.getHeader("HX-Request") != null) {
            response.setHeader("HX-Redirect", target);
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        }
        else {
            response.sendRedirect(target);
        }
    }

    private void rejectApiRequest(HttpServletRequest request, HttpServletResponse response,
            SecondFactors.Stage stage) throws IOException {
        if (stage == SecondFactors.Stage.ENROLMENT_REQUIRED) {
            problems.writeTypedMessage(request, response, HttpStatus.FORBIDDEN,
                    SecondFactorProblems.ENROLMENT_REQUIRED, "account.api.enrolmentRequired");
        }
        else {
            problems.writeTypedMessage(request, response, HttpStatus.UNAUTHORIZED, SecondFactorProblems.CODE_REQUIRED,
                    "account.api.tokenWithoutSecondFactor");
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/webjars/");
    }

    private boolean pastAbsoluteLifetime(HttpSession session) {
        Instant ends = SignedInSessions.signedInOrCreatedAt(session).plus(absoluteLifetime);
        return !clock.instant().isBefore(ends);
    }

    private static Actor actorOf(Accounts.SignedInAccount signedIn) {
        AccountRecord account = signedIn.account();
        return new Actor(account.id(), account.username(), account.displayName(), account.memberId(),
                new HashSet<>(signedIn.grants()), account.mustChangePassword());
    }

    private static void endSession(HttpServletRequest request, HttpServletResponse response, String reason)
            throws IOException {
        SecurityContextHolder.clearContext();
        var session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        String target = request.getContextPath() + "/login?error=" + reason;
        if (request.getHeader("HX-Request") != null) {
            response.setHeader("HX-Redirect", target);
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        }
        else {
            response.sendRedirect(target);
        }
    }
}
