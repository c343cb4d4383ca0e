package vn.chibo.account;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Labels the session of a successful sign-in with its account, so that the device list and "sign out
 * everywhere" find it in the session store, and records its sign-in time and device. Then it
 * switches to the language the account chose last and redirects to the page requested before
 * sign-in, or to the home page. {@link PasskeySignInSuccessHandler} prepares the session of a
 * passkey sign-in the same way.
 */
final class SignInSuccessHandler extends SavedRequestAwareAuthenticationSuccessHandler {

    private static final Logger log = LoggerFactory.getLogger(SignInSuccessHandler.class);

    private final Accounts accounts;
    private final SignedInSessions sessions;
    private final LocaleResolver localeResolver;

    SignInSuccessHandler(Accounts accounts, SignedInSessions sessions, LocaleResolver localeResolver) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.localeResolver = localeResolver;
        setDefaultTargetUrl("/");
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws ServletException, IOException {
        if (authentication.getPrincipal() instanceof AccountUser user) {
            prepareSession(request, response, user);
            log.info("Account {} signed in", user.accountId());
        }
        super.onAuthenticationSuccess(request, response, authentication);
    }

    /** Labels the new session with its account, sign-in time and device, and applies the account's language. */
    void prepareSession(HttpServletRequest request, HttpServletResponse response, AccountUser user) {
        sessions.recordSignIn(request, user.accountId());
        accounts.find(user.accountId()).map(AccountRecord::language)
                .ifPresent(language -> localeResolver.setLocale(request, response, Locale.of(language)));
    }
}
