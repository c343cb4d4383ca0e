package vn.chibo.system;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the errors of the JSON API as RFC 9457 problem details ({@code application/problem+json}):
 * the status, its standard reason phrase as the title, and a detail in the language that the
 * request's {@code Accept-Language} header names (Vietnamese by default). Error pages are for
 * browsers. API clients get problems instead, from the controllers' error handling and from the
 * security filters alike.
 */
@Component
public class ApiProblems {

    /** The paths of the JSON API. */
    public static final String API_PATHS = "/api/**";

    public static final String MEDIA_TYPE = "application/problem+json";

    /** The problem type of an error that its status alone identifies (RFC 9457, section 4.2.1). */
    public static final String DEFAULT_TYPE = "about:blank";

    private final MessageSource messages;
    private final LocaleResolver localeResolver;
    private final JsonMapper json;

    ApiProblems(MessageSource messages, LocaleResolver localeResolver, JsonMapper json) {
        this.messages = messages;
        this.localeResolver = localeResolver;
        this.json = json;
    }

    /** Returns whether the request is one of the JSON API, which gets problem details instead of error pages. */
    public static boolean isApi(HttpServletRequest request) {
        return pathOf(request).startsWith("/api/");
    }

    /** Writes a problem with the given detail, which is already in the request's language. */
    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        write(request, response, status, DEFAULT_TYPE, detail);
    }

    /** Writes a problem of the given type with the given detail, which is already in the request's language. */
    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type,
            String detail) throws IOException {
        Locale locale = localeResolver.resolveLocale(request);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", type);
        problem.put("title", messages.getMessage("api.problem.title." + status.value(), null, status.getReasonPhrase(),
                locale));
        problem.put("status", status.value());
        // A page's "not found" speaks of a page; an app asked for data. Both hide whether it exists.
        problem.put("detail", status == HttpStatus.NOT_FOUND ? messages.getMessage("api.problem.notFound", null, locale)
                : detail);
        problem.put("instance", pathOf(request));

        response.setStatus(status.value());
        response.setContentType(MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Content-Language", locale.getLanguage());
        response.getWriter().write(json.writeValueAsString(problem));
        response.flushBuffer();
    }

    /** Writes a problem whose detail is the message of the key, in the request's language. */
    public void writeMessage(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
            String messageKey, Object... messageArguments) throws IOException {
        String detail = messages.getMessage(messageKey, messageArguments, localeResolver.resolveLocale(request));
        write(request, response, status, detail);
    }

    /** Writes a problem of the given type whose detail is the message of the key, in the request's language. */
    public void writeTypedMessage(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
            String type, String messageKey) throws IOException {
        String detail = messages.getMessage(messageKey, null, localeResolver.resolveLocale(request));
        write(request, response, status, type, detail);
    }

    private static String pathOf(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
