package vn.chibo.account;

import java.time.Clock;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import jakarta.servlet.http.HttpServletRequest;

import vn.chibo.system.ApiProblems;

/**
 * Lets controllers take the current {@link Actor} as a method parameter, and remembers the language
 * a signed-in account picks.
 */
@Configuration(proxyBeanMethods = false)
class ActorWebConfiguration implements WebMvcConfigurer {

    private final AccountLanguages languages;

    ActorWebConfiguration(AccountLanguages languages) {
        this.languages = languages;
    }

    @Bean
    ActorFilter actorFilter(Accounts accounts, AccountLanguages languages, SignedInSessions sessions,
            ApiProblems problems, AccountProperties properties, Clock clock) {
        return new ActorFilter(accounts, languages, sessions, problems, properties.session().absoluteLifetime(),
                clock);
    }

    /** Keeps the servlet container from running the filter a second time outside the security chain. */
    @Bean
    FilterRegistrationBean<ActorFilter> actorFilterRegistration(ActorFilter filter) {
        var registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    /** Runs after every other interceptor, so that it sees the language that {@code ?lang=} chose. */
    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new AccountLanguages.RememberChoice(languages)).order(Ordered.LOWEST_PRECEDENCE);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new ActorArgumentResolver());
    }

    private static final class ActorArgumentResolver implements HandlerMethodArgumentResolver {

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType().equals(Actor.class);
        }

        @Override
        public Actor resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer container,
                NativeWebRequest request, @Nullable WebDataBinderFactory binderFactory) {
            Actor actor = ActorFilter.of(request.getNativeRequest(HttpServletRequest.class));
            if (actor == null) {
                throw new AuthenticationCredentialsNotFoundException("No signed-in account for this request");
            }
            return actor;
        }
    }
}
