package vn.chibo.account;

import java.sql.DatabaseMetaData;
import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.CookieHttpSessionIdResolver;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.session.web.http.HttpSessionIdResolver;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * The session store and the session cookie.
 *
 * <p>Session attributes are stored with an upsert. Spring Session inserts an attribute that is new
 * to the request, so two requests of one session that both add it (a double-click on a form that
 * sets a flash message) would otherwise fail the second on the primary key.
 *
 * <p>Requests reach the store through {@link ThrottledSessionStore}, which writes the time of the
 * last request at most once per {@code chibo.session.touch-interval}.
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfiguration {

    static final String POSTGRESQL_UPSERT = """
            INSERT INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
            VALUES (?, ?, ?)
            ON CONFLICT (SESSION_PRIMARY_ID, ATTRIBUTE_NAME) DO UPDATE SET ATTRIBUTE_BYTES = EXCLUDED.ATTRIBUTE_BYTES
            """;

    static final String H2_UPSERT = """
            MERGE INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
            KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME)
            VALUES (?, ?, ?)
            """;

    /**
     * Writes the session cookie {@code SESSION}: HttpOnly, so that no script reads it; SameSite=Lax,
     * so that cross-site forms and requests from scripts carry no session while a link from an
     * e-mail or a chat message still opens the page signed in (Strict would show the sign-in form
     * there); and Secure whenever the request came over HTTPS, which behind a reverse proxy needs
     * {@code server.forward-headers-strategy}. Declared here rather than through
     * {@code server.servlet.session.cookie.*}, so that no property can change these values.
     */
    @Bean
    CookieSerializer cookieSerializer() {
        var serializer = new DefaultCookieSerializer();
        serializer.setCookieName("SESSION");
        serializer.setUseHttpOnlyCookie(true);
        serializer.setSameSite("Lax");
        // Left unset, useSecureCookie follows request.isSecure().
        return serializer;
    }

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> upsertSessionAttributes(DataSource dataSource)
            throws MetaDataAccessException {
        String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        return repository -> {
            if ("PostgreSQL".equals(product)) {
                repository.setCreateSessionAttributeQuery(POSTGRESQL_UPSERT);
            }
            else if ("H2".equals(product)) {
                repository.setCreateSessionAttributeQuery(H2_UPSERT);
            }
        };
    }

    /**
     * Puts {@link ThrottledSessionStore} between the session filter and the JDBC store. Spring Boot
     * configures the JDBC store only while no other session repository bean exists, so the store
     * stays the bean and the filter is rebuilt around it. The filter finds the session id as Spring
     * Session's own would: with a resolver bean when there is one (the tests have one), else in the
     * cookie.
     */
    @Bean
    static BeanPostProcessor throttledSessionFilter(ObjectProvider<FindByIndexNameSessionRepository<?>> store,
            ObjectProvider<HttpSessionIdResolver> resolvers, ObjectProvider<CookieSerializer> cookies,
            ObjectProvider<AccountProperties> properties) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (!(bean instanceof SessionRepositoryFilter<?>)) {
                    return bean;
                }
                var throttled = throttle(store.getObject(), properties.getObject().session().touchInterval());
                var filter = new SessionRepositoryFilter<>(throttled);
                filter.setHttpSessionIdResolver(resolvers.getIfAvailable(() -> cookieResolver(cookies.getObject())));
                return filter;
            }
        };
    }

    private static HttpSessionIdResolver cookieResolver(CookieSerializer cookies) {
        var resolver = new CookieHttpSessionIdResolver();
        resolver.setCookieSerializer(cookies);
        return resolver;
    }

    private static <S extends Session> ThrottledSessionStore<S> throttle(FindByIndexNameSessionRepository<S> store,
            Duration touchInterval) {
        return new ThrottledSessionStore<>(store, touchInterval);
    }
}
