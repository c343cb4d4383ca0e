package vn.chibo.system;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The language links at the foot of every page. Each link is relative to the page and keeps its other
 * query parameters, so that switching language does not lose a roster search or filter.
 */
@Component("languageLinks")
public class LanguageLinks {

    /** The links to the current page in each language. */
    public record Links(String vi, String en, String de) {
    }

    /**
     * Returns the links for the current page. Thymeleaf forbids bean calls inside link attributes, so
     * the layout takes them in one call around the links.
     */
    public Links forCurrentPage() {
        return new Links(to("vi"), to("en"), to("de"));
    }

    /** Returns a query-only link, such as "?q=dang+van&amp;lang=en", that shows the current page in the language. */
    public String to(String language) {
        UriComponentsBuilder link = UriComponentsBuilder.newInstance();
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                && attributes.getRequest().getQueryString() != null) {
            // Kept as the browser sent it, still percent-encoded, so nothing is decoded or encoded twice.
            link.query(attributes.getRequest().getQueryString());
        }
        return link.replaceQueryParam("lang", language).build().toUriString();
    }
}
