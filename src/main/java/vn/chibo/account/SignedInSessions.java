package vn.chibo.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.audit.AuditEntry;
import vn.chibo.audit.AuditLog;

/**
 * The sessions an account is signed in with. Sessions live in the database, labelled with their
 * account, so that every node sees them, the owner can list them and end one, and "sign out
 * everywhere" can delete them all. At sign-in a session also stores when it signed in, the browser
 * and system named by its User-Agent, and the network of its client address (never the address).
 *
 * <p>{@link ActorFilter} also ends a session on its next request when the account's password
 * changed after the session signed in, or when the account signed out everywhere since; that
 * holds even for a session the store did not label.
 */
@Component
public class SignedInSessions {

    /**
     * Session attribute: the instant of sign-in, from which the absolute lifetime counts and after
     * which a recent sign-in can stand in for the password.
     */
    static final String SIGNED_IN_AT = SignedInSessions.class.getName() + ".signedInAt";
    static final String BROWSER = "vn.chibo.account.browser";
    static final String SYSTEM = "vn.chibo.account.system";
    static final String NETWORK = "vn.chibo.account.network";

    /**
     * Session attribute: a random key that names the session for as long as it lives. Unlike the
     * session id it stays the same when the id changes, so that a password change can record which
     * session made it.
     */
    static final String KEY = "vn.chibo.account.key";

    private static final Logger log = LoggerFactory.getLogger(SignedInSessions.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Accounts accounts;
    private final AuditLog audit;
    private final LookupHashes hashes;
    private final ObjectProvider<FindByIndexNameSessionRepository<?>> sessionStore;
    private final Clock clock;
    private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

    SignedInSessions(Accounts accounts, AuditLog audit, LookupHashes hashes,
            ObjectProvider<FindByIndexNameSessionRepository<?>> sessionStore, Clock clock) {
        this.accounts = accounts;
        this.audit = audit;
        this.hashes = hashes;
        this.sessionStore = sessionStore;
        this.clock = clock;
    }

    /**
     * One session of the account as its owner sees it.
     *
     * @param handle names the session in forms; a keyed hash, because the session id itself is the
     *        secret in the session cookie
     * @param browser the browser named by the User-Agent, or null when it named none
     * @param system the operating system named by the User-Agent, or null
     * @param network the client's network, such as 203.113.45.0/24, or null
     * @param current whether this is the session of the request that lists them
     */
    public record DeviceSession(String handle, Instant signedInAt, Instant lastActiveAt, @Nullable String browser,
            @Nullable String system, @Nullable String network, boolean current) {
    }

    /** Labels the session with its account, by the name under which the session store indexes it. */
    static void label(HttpSession session, AccountId account) {
        session.setAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, principalName(account));
    }

    /** Labels a session that has just signed in, and records when, from which device and network. */
    void recordSignIn(HttpServletRequest request, AccountId account) {
        HttpSession session = request.getSession();
        label(session, account);
        Devices.Device device = Devices.describe(request.getHeader(HttpHeaders.USER_AGENT));
        markSignedIn(session, clock.instant());
        session.setAttribute(KEY, newKey());
        setOrRemove(session, BROWSER, device.browser());
        setOrRemove(session, SYSTEM, device.system());
        setOrRemove(session, NETWORK, Devices.network(request.getRemoteAddr()));
    }

    /**
     * Returns when the session signed in: the time stored at sign-in, or the session's creation
     * for a session that signed in before that was stored.
     */
    static Instant signedInOrCreatedAt(HttpSession session) {
        return session.getAttribute(SIGNED_IN_AT) instanceof Instant at ? at
                : Instant.ofEpochMilli(session.getCreationTime());
    }

    /** Returns the account's sessions, the most recently active first. */
    public List<DeviceSession> list(Actor actor, HttpServletRequest request) {
        HttpSession own = request.getSession(false);
        String currentId = own == null ? null : own.getId();
        return storedSessions(actor.accountId()).values().stream()
                .map(session -> view(session, session.getId().equals(currentId)))
                .sorted(Comparator.comparing(DeviceSession::lastActiveAt).reversed())
                .toList();
    }

    /**
     * Ends one session of the actor's account, found by its handle; returns whether there was one.
     * Another account's session is never found, so it cannot be ended here.
     */
    @Transactional
    public boolean revoke(Actor actor, String handle) {
        FindByIndexNameSessionRepository<?> store = sessionStore.getIfAvailable();
        if (store == null) {
            return false;
        }
        Optional<String> id = storedSessions(actor.accountId()).keySet().stream()
                .filter(sessionId -> handleOf(sessionId).equals(handle))
                .findFirst();
        if (id.isEmpty()) {
            log.info("Account {} tried to end a session that is not among its own", actor.accountId());
            return false;
        }
        store.deleteById(id.get());
        audit.record(new AuditEntry(actor.accountId().value(), null, "account.sessionRevoked", "account",
                actor.accountId().value(), null));
        log.info("Account {} ended one of its sessions", actor.accountId());
        return true;
    }

    /** Ends every session of the actor's account except the one of this request; returns how many. */
    @Transactional
    public int revokeOthers(Actor actor, HttpServletRequest request) {
        FindByIndexNameSessionRepository<?> store = sessionStore.getIfAvailable();
        HttpSession own = request.getSession(false);
        if (store == null || own == null) {
            return 0;
        }
        List<String> others = storedSessions(actor.accountId()).keySet().stream()
                .filter(id -> !id.equals(own.getId()))
                .toList();
        others.forEach(store::deleteById);
        audit.record(new AuditEntry(actor.accountId().value(), null, "account.otherSessionsRevoked", "account",
                actor.accountId().value(), "sessions=" + others.size()));
        log.info("Account {} ended its {} other sessions", actor.accountId(), others.size());
        return others.size();
    }

    private Map<String, ? extends Session> storedSessions(AccountId account) {
        FindByIndexNameSessionRepository<?> store = sessionStore.getIfAvailable();
        return store == null ? Map.of() : store.findByPrincipalName(principalName(account));
    }

    private DeviceSession view(Session session, boolean current) {
        Instant recorded = session.getAttribute(SIGNED_IN_AT);
        Instant signedInAt = recorded != null ? recorded : session.getCreationTime();
        return new DeviceSession(handleOf(session.getId()), signedInAt, session.getLastAccessedTime(),
                session.getAttribute(BROWSER), session.getAttribute(SYSTEM), session.getAttribute(NETWORK), current);
    }

    private String handleOf(String sessionId) {
        return hashes.hash("session-handle", sessionId).substring(0, 32);
    }

    private static void setOrRemove(HttpSession session, String name, @Nullable String value) {
        if (value == null) {
            session.removeAttribute(name);
        }
        else {
            session.setAttribute(name, value);
        }
    }

    /** Records in the session when it signed in, so that a recent sign-in can stand in for the password. */
    static void markSignedIn(HttpSession session, Instant at) {
        session.setAttribute(SIGNED_IN_AT, at);
    }

    /** Returns when the request's session signed in, or null when it has no session or did not record it. */
    public static @Nullable Instant signedInAt(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(SIGNED_IN_AT) instanceof Instant at ? at : null;
    }

    static String principalName(AccountId account) {
        return "account:" + account.value();
    }

    /**
     * Returns the mark that a password change made by this request's session stores with the
     * account: a keyed hash of the session's {@link #KEY}, never the key itself. A session that signed
     * in before sessions had keys gets one now.
     */
    public String passwordChangeMark(HttpServletRequest request) {
        HttpSession session = request.getSession();
        if (session.getAttribute(KEY) instanceof String key) {
            return markOf(key);
        }
        String key = newKey();
        session.setAttribute(KEY, key);
        return markOf(key);
    }

    /**
     * Returns whether the session is the one that last changed the account's own password. A request
     * of that session that was sent before the change committed still carries the old password time,
     * and must not end the session that the change keeps signed in.
     */
    boolean changedOwnPassword(HttpSession session, AccountId account) {
        if (!(session.getAttribute(KEY) instanceof String key)) {
            return false;
        }
        String mark = markOf(key);
        return accounts.passwordChangedBy(account).filter(mark::equals).isPresent();
    }

    /** Returns the keyed hash of a session key, as stored in {@code account.password_changed_by}. */
    String markOf(String key) {
        return hashes.hash("password-change-session", key);
    }

    private static String newKey() {
        byte[] key = new byte[16];
        RANDOM.nextBytes(key);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
    }

    /**
     * Keeps the session that changed its own password signed in: it gets a new id and a principal
     * that records the new password time, while every other session of the account ends.
     */
    public void renewAfterPasswordChange(Actor actor, HttpServletRequest request, HttpServletResponse response) {
        AccountRecord account = accounts.find(actor.accountId()).orElseThrow();
        // The factors that the session passed stay, so that it need not pass its second factor again.
        renew(new AccountUser(account, null), currentAuthorities(), request, response);
    }

    /**
     * Returns the account of the request's session when it passed the password and still owes its
     * second factor, or empty otherwise. Such a session has no {@link Actor}.
     */
    public static Optional<AccountId> awaitingSecondFactor(HttpServletRequest request) {
        return Optional.ofNullable((AccountId) request.getAttribute(ActorFilter.AWAITING_SECOND_FACTOR));
    }

    /**
     * Records in the session that it passed the second factor, which completes its sign-in. The
     * session gets a new id, so that an id seen before this step is worth nothing after it.
     */
    public void completeSecondFactor(AccountId accountId, SecondFactors.Factor factor, HttpServletRequest request,
            HttpServletResponse response) {
        AccountRecord account = accounts.find(accountId).orElseThrow();
        List<GrantedAuthority> authorities = new ArrayList<>(currentAuthorities());
        authorities.add(FactorGrantedAuthority.withAuthority(factor.authority()).issuedAt(clock.instant()).build());
        renew(new AccountUser(account, null), authorities, request, response);
        log.info("Account {} completed its sign-in with {}", accountId, factor);
    }

    private static Collection<? extends GrantedAuthority> currentAuthorities() {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        return current == null ? List.of() : current.getAuthorities();
    }

    private void renew(AccountUser principal, Collection<? extends GrantedAuthority> authorities,
            HttpServletRequest request, HttpServletResponse response) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities));
        SecurityContextHolder.setContext(context);
        request.changeSessionId();
        label(request.getSession(), principal.accountId());
        // The session keeps its sign-in time, so a password change or the second factor does not extend
        // its absolute lifetime.
        repository.saveContext(context, request, response);
    }

    /**
     * Ends every session of the actor's account, this one included: on every node, because the
     * sessions are deleted from the shared store, and for any session the store missed, because
     * the account's session generation rises.
     *
     * @return how many stored sessions were deleted
     */
    @Transactional
    public int signOutEverywhere(Actor actor, HttpServletRequest request, HttpServletResponse response) {
        accounts.raiseSessionGeneration(actor.accountId());
        int deleted = deleteStoredSessions(actor.accountId());
        audit.record(new AuditEntry(actor.accountId().value(), null, "account.signedOutEverywhere", "account",
                actor.accountId().value(), "sessions=" + deleted));
        new SecurityContextLogoutHandler().logout(request, response,
                SecurityContextHolder.getContext().getAuthentication());
        log.info("Account {} signed out everywhere, {} stored sessions deleted", actor.accountId(), deleted);
        return deleted;
    }

    /**
     * Ends every session of another account, for a password reset or an account recovery: stored
     * sessions are deleted and the account's session generation rises, which also revokes its API
     * tokens. Returns how many stored sessions were deleted.
     */
    int endAllOf(AccountId account) {
        accounts.raiseSessionGeneration(account);
        return deleteStoredSessions(account);
    }

    /** Counts the stored sessions of the account, for the page that confirms a recovery. */
    int countOf(AccountId account) {
        return storedSessions(account).size();
    }

    private int deleteStoredSessions(AccountId account) {
        FindByIndexNameSessionRepository<?> store = sessionStore.getIfAvailable();
        if (store == null) {
            return 0;
        }
        Set<String> ids = store.findByPrincipalName(principalName(account)).keySet();
        ids.forEach(store::deleteById);
        return ids.size();
    }
}
