package vn.chibo.system;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Languages: Vietnamese unless the user picks English or German with {@code ?lang=en} or
 * {@code ?lang=de}; the choice is kept in a cookie for a year. The JSON API keeps no cookies, so it
 * uses the language of the request's {@code Accept-Language} header, Vietnamese by default.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    static final Locale VIETNAMESE = Locale.of("vi");
    static final List<Locale> SUPPORTED = List.of(VIETNAMESE, Locale.ENGLISH, Locale.GERMAN);

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver pages = new CookieLocaleResolver("chibo-lang");
        pages.setDefaultLocale(VIETNAMESE);
        pages.setCookieMaxAge(Duration.ofDays(365));
        AcceptHeaderLocaleResolver api = new AcceptHeaderLocaleResolver();
        api.setSupportedLocales(SUPPORTED);
        api.setDefaultLocale(VIETNAMESE);
        return new PagesOrApiLocaleResolver(pages, api);
    }

    /** Resolves the locale of a page from its cookie, and that of an API request from its header. */
    private record PagesOrApiLocaleResolver(LocaleResolver pages, LocaleResolver api) implements LocaleResolver {

        @Override
        public Locale resolveLocale(HttpServletRequest request) {
            return ApiProblems.isApi(request) ? api.resolveLocale(request) : pages.resolveLocale(request);
        }

        /** Changes the cookie of pages; an API request cannot change its language, which its header sets. */
        @Override
        public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response,
                @Nullable Locale locale) {
            if (!ApiProblems.isApi(request)) {
                pages.setLocale(request, response, locale);
            }
        }
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new SupportedLocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
    }

    /** Accepts only the languages the product has messages for, so {@code ?lang=xx} changes nothing. */
    private static final class SupportedLocaleChangeInterceptor extends LocaleChangeInterceptor {

        @Override
        protected Locale parseLocaleValue(String localeValue) {
            Locale requested = super.parseLocaleValue(localeValue);
            if (requested == null) {
                return null;
            }
            return SUPPORTED.stream()
                    .filter(supported -> supported.getLanguage().equals(requested.getLanguage()))
                    .findFirst()
                    .orElse(null);
        }
    }
}
