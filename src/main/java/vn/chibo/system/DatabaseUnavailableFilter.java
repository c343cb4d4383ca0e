package vn.chibo.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns a database outage that escapes the filters into a 503 (see {@link DatabaseUnavailableResponse}).
 * The session store (Spring Session JDBC, order {@code Integer.MIN_VALUE + 50}), the sign-in limits
 * and the filter that loads the signed-in account all read the database before any controller runs,
 * so without this filter their failure would reach the servlet container's error page as a 500. It
 * runs outside all of them. {@link ErrorHandling} handles failures inside a controller.
 */
@Component
@Order(DatabaseUnavailableFilter.ORDER)
class DatabaseUnavailableFilter extends OncePerRequestFilter {

    /** After the filters that read the request's parameters and limits, and before the session store. */
    static final int ORDER = UnreadableRequestFilter.ORDER + 2;

    private final DatabaseUnavailableResponse unavailable;

    DatabaseUnavailableFilter(DatabaseUnavailableResponse unavailable) {
        this.unavailable = unavailable;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        }
        catch (RuntimeException | ServletException failure) {
            if (!DatabaseUnavailable.isCause(failure)) {
                throw failure;
            }
            unavailable.send(failure, request, response);
        }
    }
}
