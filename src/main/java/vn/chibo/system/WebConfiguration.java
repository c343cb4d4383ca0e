package vn.chibo.system;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Languages: Vietnamese unless the user picks English or German with {@code ?lang=en} or
 * {@code ?lang=de}; the choice is kept in a cookie for a year.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    static final Locale VIETNAMESE = Locale.of("vi");
    static final List<Locale> SUPPORTED = List.of(VIETNAMESE, Locale.ENGLISH, Locale.GERMAN);

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("chibo-lang");
        resolver.setDefaultLocale(VIETNAMESE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        return resolver;
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
