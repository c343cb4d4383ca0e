package vn.chibo.account;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
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
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.audit.AuditEntry;
import vn.chibo.audit.AuditLog;

/**
 * The sessions an account is signed in with. Sessions live in the database, labelled with their
 * account, so that every node sees them and "sign out everywhere" can delete them all.
 *
 * <p>{@link ActorFilter} also ends a session on its next request when the account's password
 * changed after the session signed in, or when the account signed out everywhere since; that
 * holds even for a session the store did not label.
 */
@Component
public class SignedInSessions {

    private static final Logger log = LoggerFactory.getLogger(SignedInSessions.class);
    private static final String SIGNED_IN_AT = SignedInSessions.class.getName() + ".signedInAt";

    private final Accounts accounts;
    private final AuditLog audit;
    private final ObjectProvider<FindByIndexNameSessionRepository<?>> sessionStore;
    private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();
    private final Clock clock;

    SignedInSessions(Accounts accounts, AuditLog audit,
            ObjectProvider<FindByIndexNameSessionRepository<?>> sessionStore, Clock clock) {
        this.accounts = accounts;
        this.audit = audit;
        this.sessionStore = sessionStore;
        this.clock = clock;
    }

    /** Labels the session with its account, by the name under which the session store indexes it. */
    static void label(HttpSession session, AccountId account) {
        session.setAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, principalName(account));
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
