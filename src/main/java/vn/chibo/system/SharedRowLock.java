package vn.chibo.system;

import java.sql.DatabaseMetaData;

import javax.sql.DataSource;

import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * The row lock clause for steps that may run together but must not overlap a step that locks the
 * same row for update: ballots on one motion against its close, arrivals at one meeting against the
 * meeting's close. PostgreSQL's {@code for share} does both. H2 has no shared row lock, so there such
 * steps queue behind {@code for update}, which is correct and only slower.
 */
public final class SharedRowLock {

    private SharedRowLock() {
    }

    /** Returns {@code for share} on PostgreSQL and {@code for update} on any other database. */
    public static String clauseFor(DataSource dataSource) {
        try {
            String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
            return "PostgreSQL".equalsIgnoreCase(product) ? "for share" : "for update";
        }
        catch (MetaDataAccessException failure) {
            throw new IllegalStateException("Could not tell which database the application runs on", failure);
        }
    }
}
