package vn.chibo.video;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The security filter chain of the video provider's callbacks. They come from the provider's server,
 * not from a signed-in browser, so the chain lets them through without a session or CSRF token, and
 * {@link BigBlueButtonEvents} checks each call's checksum itself.
 */
@Configuration(proxyBeanMethods = false)
class VideoSecurityConfiguration {

    @Bean
    @Order(0)
    SecurityFilterChain videoCallbackSecurity(HttpSecurity http) throws Exception {
        http.securityMatcher("/video/bbb/meetings/*/events")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .logout(logout -> logout.disable())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .frameOptions(frame -> frame.deny()));
        return http.build();
    }
}
