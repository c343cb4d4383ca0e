package vn.chibo.account;

import java.io.IOException;
import java.time.Clock;
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
 * Labels the session of a right password with its account, so that "sign out everywhere" finds it in
 * the session store, records when it signed in, and switches to the language the account chose last.
 * An account with a second factor then goes to the second-factor page. An account whose roles require
 * a second factor that it has not set up goes to the set-up page. The page requested before sign-in
 * stays saved for after that step. Any other account is signed in and goes to that page, or to the
 * home page. {@link PasskeySignInSuccessHandler} prepares the session of a passkey sign-in the same way.
 */
final class SignInSuccessHandler extends SavedRequestAwareAuthenticationSuccessHandler {

    private static final Logger log = LoggerFactory.getLogger(SignInSuccessHandler.class);

    private final Accounts accounts;
    private final SecondFactors secondFactors;
    private final SignInAudit audit;
    private final LocaleResolver localeResolver;
    private final Clock clock;

    SignInSuccessHandler(Accounts accounts, SecondFactors secondFactors, SignInAudit audit,
            LocaleResolver localeResolver, Clock clock) {
        this.accounts = accounts;
        this.secondFactors = secondFactors;
        this.audit = audit;
        this.localeResolver = localeResolver;
        this.clock = clock;
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

    /** Labels the new session with its account and sign-in time, and applies the account's language. */
    void prepareSession(HttpServletRequest request, HttpServletResponse response, AccountUser user) {
        SignedInSessions.label(request.getSession(), user.accountId());
        SignedInSessions.markSignedIn(request.getSession(), clock.instant());
        accounts.find(user.accountId()).map(AccountRecord::language)
                .ifPresent(language -> localeResolver.setLocale(request, response, Locale.of(language)));
    }
}
