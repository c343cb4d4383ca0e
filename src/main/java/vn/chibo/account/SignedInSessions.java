package vn.chibo.account;

import java.time.Instant;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
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

    SignedInSessions(Accounts accounts, AuditLog audit,
            ObjectProvider<FindByIndexNameSessionRepository<?>> sessionStore) {
        this.accounts = accounts;
        this.audit = audit;
        this.sessionStore = sessionStore;
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
        var principal = new AccountUser(account, null);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
        request.changeSessionId();
        label(request.getSession(), account.id());
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
