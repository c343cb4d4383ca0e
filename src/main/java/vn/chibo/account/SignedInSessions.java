package vn.chibo.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Keeps the session that changed its own password signed in. {@link ActorFilter} ends every session
 * of an account whose password changed after the session signed in; the session that made the
 * change gets a new id and a principal that records the new password time instead.
 */
@Component
public class SignedInSessions {

    private final Accounts accounts;
    private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

    SignedInSessions(Accounts accounts) {
        this.accounts = accounts;
    }

    public void renewAfterPasswordChange(Actor actor, HttpServletRequest request, HttpServletResponse response) {
        AccountRecord account = accounts.find(actor.accountId()).orElseThrow();
        var principal = new AccountUser(account.id(), account.username(), null, account.enabled(),
                account.passwordChangedAt());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
        request.changeSessionId();
        repository.saveContext(context, request, response);
    }
}
