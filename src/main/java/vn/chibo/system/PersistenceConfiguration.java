package vn.chibo.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jdbc.core.dialect.DialectResolver;
import org.springframework.data.jdbc.core.dialect.JdbcDialect;
import org.springframework.data.jdbc.core.dialect.JdbcH2Dialect;
import org.springframework.data.relational.core.sql.IdentifierProcessing;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;

/**
 * Makes Spring Data JDBC name tables and columns in lower case on H2 as on PostgreSQL. The embedded
 * H2 runs with {@code DATABASE_TO_LOWER=TRUE}, so the same migrations and the same quoted names work
 * on both; H2's own dialect would quote upper-case names instead.
 */
@Configuration(proxyBeanMethods = false)
class PersistenceConfiguration {

    @Bean
    JdbcDialect jdbcDialect(NamedParameterJdbcOperations operations) {
        JdbcDialect detected = DialectResolver.getDialect(operations.getJdbcOperations());
        return detected instanceof JdbcH2Dialect ? new LowerCaseH2Dialect() : detected;
    }

    private static final class LowerCaseH2Dialect extends JdbcH2Dialect {

        private static final IdentifierProcessing LOWER_CASE = IdentifierProcessing.create(
                IdentifierProcessing.Quoting.ANSI, IdentifierProcessing.LetterCasing.LOWER_CASE);

        @Override
        public IdentifierProcessing getIdentifierProcessing() {
            return LOWER_CASE;
        }
    }
}
