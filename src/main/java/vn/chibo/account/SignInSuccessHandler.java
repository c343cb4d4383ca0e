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
 * Labels the session of a right password with its account, so that the device list and "sign out
 * everywhere" find it in the session store, records its sign-in time and device, and switches to the
 * language the account chose last. An account with a second factor then goes to the second-factor
 * page. An account whose roles require a second factor that it has not set up goes to the set-up
 * page. The page requested before sign-in stays saved for after that step. Any other account is
 * signed in and goes to that page, or to the home page. {@link PasskeySignInSuccessHandler} prepares
 * the session of a passkey sign-in the same way.
 */
final class SignInSuccessHandler extends SavedRequestAwareAuthenticationSuccessHandler {

    private static final Logger log = LoggerFactory.getLogger(SignInSuccessHandler.class);

    private final Accounts accounts;
    private final SecondFactors secondFactors;
    private final SignInAudit audit;
    private final SignedInSessions sessions;
    private final LocaleResolver localeResolver;

    SignInSuccessHandler(Accounts accounts, SecondFactors secondFactors, SignInAudit audit,
            SignedInSessions sessions, LocaleResolver localeResolver) {
        this.accounts = accounts;
        this.secondFactors = secondFactors;
        this.audit = audit;
        this.sessions = sessions;
        this.localeResolver = localeResolver;
        setDefaultTargetUrl("/");
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws ServletException, IOException {
        if (authentication.getPrincipal() instanceof AccountUser user) {
            prepareSession(request, response, user);

            SecondFactors.Stage stage = secondFactors.stageOf(authentication, user.accountId(),
                    accounts.grantsOf(user.accountId()));
            switch (stage) {
                case CODE_REQUIRED -> {
                    log.info("Account {} passed the password; its second factor is due", user.accountId());
                    getRedirectStrategy().sendRedirect(request, response, ActorFilter.SECOND_FACTOR_PAGE);
                    return;
                }
                case ENROLMENT_REQUIRED -> {
                    log.info("Account {} passed the password and must set up a second factor", user.accountId());
                    getRedirectStrategy().sendRedirect(request, response, ActorFilter.ENROLMENT_PAGE);
                    return;
                }
                case COMPLETE -> {
                    audit.signedIn(user.accountId(), "PASSWORD");
                    log.info("Account {} signed in", user.accountId());
                }
            }
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
