package vn.chibo.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives each request its own {@link RequestMemo} for as long as the application handles it. It runs
 * first, so that the memo also spans the session filter, which reads the session again when it saves it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestMemoFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RequestMemo.open();
        try {
            chain.doFilter(request, response);
        }
        finally {
            RequestMemo.close();
        }
    }
}
