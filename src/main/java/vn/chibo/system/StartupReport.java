package vn.chibo.system;

import java.lang.management.ManagementFactory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Logs when the application is ready: after the server accepts requests and after the start-up work
 * of every module (key checks, encryption and look-up backfills, demo data) has finished. Spring Boot's own
 * "Started" line comes before that work, so operators and bench/embedded.sh wait for this one.
 */
@Component
class StartupReport {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    @EventListener(ApplicationReadyEvent.class)
    void ready(ApplicationReadyEvent event) {
        log.info("Ready: start-up work done {} ms after the JVM started, {} ms of it in the application",
                ManagementFactory.getRuntimeMXBean().getUptime(), event.getTimeTaken().toMillis());
    }
}
