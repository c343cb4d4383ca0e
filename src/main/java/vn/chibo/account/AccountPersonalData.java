package vn.chibo.account;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.chibo.system.PersonalDataSource;

/**
 * A member's sign-in account for their data export: the account, its roles, its signed-in sessions
 * and its API tokens. Password hashes, session contents and token hashes are left out, because they
 * are credentials rather than data about the person.
 */
@Component
class AccountPersonalData implements PersonalDataSource {

    private final JdbcClient jdbc;

    AccountPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Section> sectionsOf(long memberId, @Nullable Long accountId) {
        if (accountId == null) {
            return List.of();
        }
        var account = rows("""
                select id, username, display_name, language, enabled, created_at, password_changed_at
                from account where id = :account
                """, accountId);
        var roles = rows("""
                select organization_id, role, granted_at from role_grant where account_id = :account
                order by organization_id, role
                """, accountId);
        // Spring Session stores times as epoch milliseconds.
        var sessions = jdbc.sql("""
                select creation_time, last_access_time, expiry_time from spring_session
                where principal_name = :principal order by creation_time
                """)
                .param("principal", SignedInSessions.principalName(AccountId.of(accountId)))
                .query((row, number) -> {
                    Map<String, @Nullable Object> session = new LinkedHashMap<>();
                    session.put("creation_time", Instant.ofEpochMilli(row.getLong("creation_time")));
                    session.put("last_access_time", Instant.ofEpochMilli(row.getLong("last_access_time")));
                    session.put("expiry_time", Instant.ofEpochMilli(row.getLong("expiry_time")));
                    return session;
                })
                .list();
        var tokens = rows("""
                select id, issued_at, expires_at from api_token where account_id = :account order by issued_at
                """, accountId);
        return List.of(new Section("account", account), new Section("roles", roles),
                new Section("sessions", sessions), new Section("apiTokens", tokens));
    }

    private List<Map<String, @Nullable Object>> rows(String sql, long accountId) {
        return jdbc.sql(sql).param("account", accountId).query().listOfRows();
    }

    @Override
    public int order() {
        return 20;
    }
}
