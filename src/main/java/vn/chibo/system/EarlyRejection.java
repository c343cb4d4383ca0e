package vn.chibo.system;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.HtmlUtils;

/**
 * Writes the response of a filter that rejects a request before the security filters and the
 * controllers run: problem details for the JSON API, and otherwise a minimal page in the user's
 * language with its own restrictive headers, since the security filters have not added theirs.
 */
@Component
class EarlyRejection {

    private final MessageSource messages;
    private final LocaleResolver localeResolver;
    private final ApiProblems problems;

    EarlyRejection(MessageSource messages, LocaleResolver localeResolver, ApiProblems problems) {
        this.messages = messages;
        this.localeResolver = localeResolver;
        this.problems = problems;
    }

    void send(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String messageKey,
            Object... messageArguments) throws IOException {
        if (ApiProblems.isApi(request)) {
            problems.writeMessage(request, response, status, messageKey, messageArguments);
            return;
        }
        Locale locale = localeResolver.resolveLocale(request);
        String text = messages.getMessage(messageKey, messageArguments, locale);
        response.setStatus(status.value());
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Content-Security-Policy", "default-src 'none'");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.getWriter().write("<!DOCTYPE html><html lang=\"" + locale.getLanguage() + "\"><head>"
                + "<meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + escape(text) + "</title></head><body><p>" + escape(text)
                + "</p><p><a href=\"" + request.getContextPath() + "/\">"
                + escape(messages.getMessage("error.backHome", null, locale)) + "</a></p></body></html>");
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
