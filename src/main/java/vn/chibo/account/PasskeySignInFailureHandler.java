package vn.chibo.account;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Responds to a failed passkey sign-in with status 401 and JSON ({@code {"redirectUrl": "..."}}) naming
 * the sign-in page that explains the failure: a block with its end, a disabled account, or a passkey
 * that was not accepted.
 */
final class PasskeySignInFailureHandler implements AuthenticationFailureHandler {

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException failure) throws IOException {
        String target = request.getContextPath() + LoginFailureHandler.target(failure, "passkey");
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getWriter().write(JsonMapper.shared().writeValueAsString(Map.of("redirectUrl", target)));
    }
}
