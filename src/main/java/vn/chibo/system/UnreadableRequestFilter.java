package vn.chibo.system;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.springframework.beans.factory.ObjectProvider;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.validation.DataBinder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 400 (or 413 for an upload over the size limit), as a page or for the JSON API as problem
 * details, to a request whose parameters the servlet container cannot read: a broken percent-encoding
 * such as {@code ?q=%}, or a multipart body that is too large or cut short; to a multipart request
 * whose Content-Length is over the multipart limit, before any of its body is read; and to one whose
 * parameter names hold list indexes that form binding cannot handle. It runs before the security filters, because the first filter to read a parameter
 * (the CSRF check, for one) would otherwise fail with a 500, and the container's message would carry
 * the raw value, which may be a member's name or phone number, into the log.
 */
@Component
@Order(UnreadableRequestFilter.ORDER)
class UnreadableRequestFilter extends OncePerRequestFilter {

    /**
     * Right after Spring Boot's character encoding filter (at {@code Ordered.HIGHEST_PRECEDENCE}), which
     * must set UTF-8 before anything reads a form body, and before Spring Security's filters (-100).
     */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    private static final Logger log = LoggerFactory.getLogger(UnreadableRequestFilter.class);
    private static final Pattern INDEX = Pattern.compile("\\[([^\\]]*)\\]");

    private final EarlyRejection rejection;
    private final ObjectProvider<MultipartConfigElement> multipart;

    UnreadableRequestFilter(EarlyRejection rejection, ObjectProvider<MultipartConfigElement> multipart) {
        this.rejection = rejection;
        this.multipart = multipart;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isMultipart(request) && request.getContentLengthLong() > maxRequestBytes()) {
            // Refused from the header alone, so the client need not send the whole body first.
            log.info("Rejected {} {}: a multipart body of {} bytes exceeds {}", request.getMethod(),
                    request.getRequestURI(), request.getContentLengthLong(), maxRequestBytes());
            reject(request, response, true);
            return;
        }
        try {
            for (String name : request.getParameterMap().keySet()) {
                checkIndexes(name);
            }
        }
        catch (IllegalStateException | IllegalArgumentException unreadable) {
            boolean tooLarge = isSizeLimit(unreadable);
            // The exception's message is not logged: it quotes the parameter values.
            log.info("Rejected {} {}: its parameters could not be read ({})", request.getMethod(),
                    request.getRequestURI(), unreadable.getClass().getSimpleName());
            reject(request, response, tooLarge);
            return;
        }
        chain.doFilter(request, response);
    }

    private void reject(HttpServletRequest request, HttpServletResponse response, boolean tooLarge)
            throws IOException {
        if (!tooLarge) {
            rejection.send(request, response, HttpStatus.BAD_REQUEST, "error.badRequest");
        }
        else if (isMultipart(request)) {
            rejection.send(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "error.uploadTooLarge",
                    maxFileMegabytes());
        }
        else {
            rejection.send(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "error.requestTooLarge");
        }
    }

    private static boolean isMultipart(HttpServletRequest request) {
        return request.getContentType() != null && request.getContentType().startsWith("multipart/");
    }

    /** Returns {@code spring.servlet.multipart.max-request-size}, or no limit where it is not set. */
    private long maxRequestBytes() {
        MultipartConfigElement limits = multipart.getIfAvailable();
        return limits == null || limits.getMaxRequestSize() < 0 ? Long.MAX_VALUE : limits.getMaxRequestSize();
    }

    /** Returns {@code spring.servlet.multipart.max-file-size} in whole megabytes, for the message. */
    private long maxFileMegabytes() {
        MultipartConfigElement limits = multipart.getIfAvailable();
        long bytes = limits == null ? -1 : limits.getMaxFileSize();
        return bytes < 0 ? 0 : bytes / (1024 * 1024);
    }

    /**
     * Rejects list indexes in parameter names such as {@code agenda[100000].title} that form binding
     * cannot handle: Spring's data binder grows a list to at most 256 entries
     * ({@code DataBinder.DEFAULT_AUTO_GROW_COLLECTION_LIMIT}) and fails with an index error beyond.
     */
    private static void checkIndexes(String parameterName) {
        Matcher index = INDEX.matcher(parameterName);
        while (index.find()) {
            String value = index.group(1);
            if (value.matches("\\d{1,3}") && Integer.parseInt(value) < DataBinder.DEFAULT_AUTO_GROW_COLLECTION_LIMIT) {
                continue;
            }
            throw new IllegalArgumentException("List index out of range in a parameter name");
        }
    }

    /**
     * Returns whether the container rejected the request for its size: Tomcat sets status 413 on its
     * parameter error for a form over {@code server.tomcat.max-http-form-post-size}, too many parameters
     * or too many multipart parts.
     */
    private static boolean isSizeLimit(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidParameterException invalid
                    && invalid.getErrorCode() == HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE) {
                return true;
            }
            if (cause.getClass().getSimpleName().contains("SizeLimitExceeded")
                    || cause.getClass().getSimpleName().contains("SizeException")) {
                return true;
            }
        }
        return false;
    }
}
