package vn.chibo.account;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Sends a failed sign-in back to the form with a reason the page can explain and, for a blocked
 * sign-in, the time (in epoch seconds) from which it may be tried again.
 */
class LoginFailureHandler implements AuthenticationFailureHandler {

    private static final Logger log = LoggerFactory.getLogger(LoginFailureHandler.class);

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException failure) throws IOException {
        // The user name is not logged: it is usually a member's phone number.
        log.info("Sign-in failed: {}", failure.getClass().getSimpleName());
        response.sendRedirect(request.getContextPath() + target(failure, "bad"));
    }

    /**
     * Returns the sign-in page's address that explains the failure.
     *
     * @param otherwise the {@code error} parameter for a failure that is neither a block nor a disabled account
     */
    static String target(AuthenticationException failure, String otherwise) {
        return switch (failure) {
            case SignInBlocked blocked -> "/login?error=blocked&until=" + blocked.until().getEpochSecond();
            case DisabledException disabled -> "/login?error=disabled";
            default -> "/login?error=" + otherwise;
        };
    }
}
