package vn.chibo.account;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.HttpMessageConverterAuthenticationSuccessHandler;

/**
 * Prepares the session of a passkey sign-in as {@link SignInSuccessHandler} does for the password
 * form, audits the sign-in, and responds to the page's script with JSON
 * ({@code {"authenticated": true, "redirectUrl": "..."}}) naming the page to open next.
 */
final class PasskeySignInSuccessHandler implements AuthenticationSuccessHandler {

    private static final Logger log = LoggerFactory.getLogger(PasskeySignInSuccessHandler.class);

    private final SignInSuccessHandler signIn;
    private final Passkeys passkeys;
    private final AuthenticationSuccessHandler json = new HttpMessageConverterAuthenticationSuccessHandler();

    PasskeySignInSuccessHandler(SignInSuccessHandler signIn, Passkeys passkeys) {
        this.signIn = signIn;
        this.passkeys = passkeys;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException, ServletException {
        if (authentication.getPrincipal() instanceof AccountUser user) {
            signIn.prepareSession(request, response, user);
            passkeys.recordSignIn(user.accountId());
            log.info("Account {} signed in with a passkey", user.accountId());
        }
        json.onAuthenticationSuccess(request, response, authentication);
    }
}
