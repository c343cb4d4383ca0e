package vn.chibo.bench;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Profile;

/** Puts the commune generator's clock in place of the system clock, for the {@code commune} profile only. */
@Configuration(proxyBeanMethods = false)
@Profile("commune")
class CommuneClockConfiguration {

    @Bean
    @Primary
    CommuneClock communeClock() {
        return new CommuneClock();
    }
}
