package vn.chibo.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.task.SimpleAsyncTaskSchedulerCustomizer;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Logs the failures of scheduled jobs. While the database is down, every job failed each few seconds
 * with a stack trace of sixty lines and Spring's "Unexpected error occurred in scheduled task", which
 * buried the one line that said why. A job that cannot reach the database now logs one warning
 * with the reason. Any other failure is still logged as an error with its stack trace.
 */
@Configuration(proxyBeanMethods = false)
class ScheduledJobErrors {

    private static final Logger log = LoggerFactory.getLogger(ScheduledJobErrors.class);

    /** Virtual threads on: Spring Boot schedules with a SimpleAsyncTaskScheduler. */
    @Bean
    SimpleAsyncTaskSchedulerCustomizer scheduledJobErrorsOnVirtualThreads() {
        return scheduler -> scheduler.setErrorHandler(ScheduledJobErrors::log);
    }

    /** Virtual threads off: a thread pool. */
    @Bean
    ThreadPoolTaskSchedulerCustomizer scheduledJobErrorsOnThreadPool() {
        return scheduler -> scheduler.setErrorHandler(ScheduledJobErrors::log);
    }

    static void log(Throwable failure) {
        if (DatabaseUnavailable.isCause(failure)) {
            log.warn("A scheduled job on thread {} could not reach the database and will run again on schedule: {}",
                    Thread.currentThread().getName(), rootMessage(failure));
        }
        else {
            log.error("A scheduled job on thread {} failed", Thread.currentThread().getName(), failure);
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
