package vn.chibo.system;

import java.io.IOException;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.HtmlUtils;

/**
 * Writes the response to a request that failed because the database cannot be reached: 503 with
 * {@code Retry-After}, as problem details for the JSON API, as a message for the page's message area
 * for htmx, and as a minimal page otherwise. Nothing here touches the database, because the page layout would (it
 * counts the reader's notifications).
 */
@Component
class DatabaseUnavailableResponse {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableResponse.class);
    private static final String MESSAGE_KEY = "error.databaseUnavailable";

    private final EarlyRejection rejection;
    private final MessageSource messages;
    private final LocaleResolver localeResolver;

    DatabaseUnavailableResponse(EarlyRejection rejection, MessageSource messages, LocaleResolver localeResolver) {
        this.rejection = rejection;
        this.messages = messages;
        this.localeResolver = localeResolver;
    }

    /**
     * Logs the failure once with a new error id, which the message shows, and writes the 503 unless
     * part of the response has been sent already. Only the failure's class names are logged: the
     * driver's message may name the database host and user.
     */
    void send(Throwable failure, HttpServletRequest request, HttpServletResponse response) throws IOException {
        String errorId = UUID.randomUUID().toString().substring(0, 8);
        log.warn("Request {} {} failed: the database is unavailable ({}), error id {}", request.getMethod(),
                request.getRequestURI(), causeNames(failure), errorId);
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setHeader("Retry-After", Long.toString(DatabaseUnavailable.RETRY_AFTER.toSeconds()));
        response.setHeader("Cache-Control", "no-store");
        if (request.getHeader("HX-Request") != null && !ApiProblems.isApi(request)) {
            sendFragment(request, response, errorId);
            return;
        }
        rejection.send(request, response, HttpStatus.SERVICE_UNAVAILABLE, MESSAGE_KEY, errorId);
    }

    /** Puts the message into the page's message area, as the error handling does for other htmx failures. */
    private void sendFragment(HttpServletRequest request, HttpServletResponse response, String errorId)
            throws IOException {
        Locale locale = localeResolver.resolveLocale(request);
        String text = messages.getMessage(MESSAGE_KEY, new Object[] { errorId }, locale);
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("HX-Retarget", "#messages");
        response.setHeader("HX-Reswap", "innerHTML");
        response.getWriter().write("<p class=\"alert alert-error\">" + HtmlUtils.htmlEscape(text, "UTF-8") + "</p>");
    }

    private static String causeNames(Throwable failure) {
        var names = new StringBuilder();
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (!names.isEmpty()) {
                names.append(" < ");
            }
            names.append(cause.getClass().getSimpleName());
        }
        return names.toString();
    }
}
