package db.migration;

import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Makes audit_event and audit_seal append-only on PostgreSQL: triggers reject every UPDATE, DELETE
 * and TRUNCATE, whoever runs them, the table owner included. H2 gets no trigger, because its triggers
 * are Java classes on the database's class path; there the application's own code is the only writer.
 */
public class V35_1__audit_append_only extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        String product = context.getConnection().getMetaData().getDatabaseProductName();
        if (!"PostgreSQL".equalsIgnoreCase(product)) {
            return;
        }
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("""
                    create function audit_reject_change() returns trigger language plpgsql as $$
                    begin
                        raise exception 'The audit table % is append-only: % rejected', tg_table_name, tg_op;
                    end
                    $$""");
            for (String table : new String[] { "audit_event", "audit_seal" }) {
                statement.execute("create trigger " + table + "_append_only before update or delete or truncate on "
                        + table + " for each statement execute function audit_reject_change()");
            }
        }
    }
}
