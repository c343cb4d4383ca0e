package vn.chibo.account;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import vn.chibo.system.ApiProblems;

/**
 * Signs in an API request that carries {@code Authorization: Bearer <token>}, for this request only:
 * the API keeps no session. A request with a token that does not work (unknown, expired, revoked)
 * is rejected with 401 at once, even on paths that need no sign-in, so that the app requests a new one.
 */
class ApiTokenFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ApiTokenFilter.class);
    private static final String BEARER = "Bearer ";

    /** The request attribute with the {@link Accounts.SignedInAccount} that the token's query read. */
    static final String SIGNED_IN = ApiTokenFilter.class.getName() + ".signedIn";

    private final ApiTokens tokens;
    private final ApiProblems problems;

    ApiTokenFilter(ApiTokens tokens, ApiProblems problems) {
        this.tokens = tokens;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }

        Optional<ApiTokens.TokenHolder> holder = tokens.holderOf(header.substring(BEARER.length()).strip());
        if (holder.isEmpty()) {
            log.info("Rejected an unknown, expired or revoked API token on {} {}", request.getMethod(),
                    request.getRequestURI());
            rejectToken(request, response, problems);
            return;
        }

        var user = new AccountUser(holder.get().account(), null);
        // A token issued after a second factor carries it, so that ActorFilter treats it as complete.
        List<GrantedAuthority> factors = holder.get().secondFactor()
                ? List.of(FactorGrantedAuthority.fromAuthority(SecondFactors.TOTP_AUTHORITY))
                : List.of();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, factors));
        SecurityContextHolder.setContext(context);
        // ActorFilter takes the account from here instead of reading it again.
        request.setAttribute(SIGNED_IN, holder.get().signedIn());
        chain.doFilter(request, response);
    }

    /** Writes 401 with a problem and the challenge of RFC 6750, for a missing or invalid token alike. */
    static void rejectToken(HttpServletRequest request, HttpServletResponse response, ApiProblems problems)
            throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"chibo\"");
        problems.writeMessage(request, response, HttpStatus.UNAUTHORIZED, "error.unauthorized");
    }
}
