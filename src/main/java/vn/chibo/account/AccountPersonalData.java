package vn.chibo.account;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.chibo.audit.AuditLog;
import vn.chibo.audit.AuditRecord;
import vn.chibo.system.PersonalDataSource;

/**
 * A sign-in account for its holder's data export: the account, its roles, its signed-in sessions, its
 * API tokens, the labels of its passkeys and its sign-in history from the audit log. Password hashes,
 * session contents, token hashes and passkey keys are left out, because they are credentials rather
 * than data about the person.
 */
@Component
class AccountPersonalData implements PersonalDataSource {

    /** The audit actions that make up the sign-in history. */
    private static final Set<String> SIGN_IN_ACTIONS = Set.of("account.signedIn", "account.signedInWithPasskey",
            "account.signInFailed", "account.apiTokenIssued");

    /** The most recent sign-ins an export lists; older ones stay in the audit log. */
    private static final int MAX_SIGN_INS = 1_000;

    private final JdbcClient jdbc;
    private final AuditLog audit;

    AccountPersonalData(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Override
    public List<Section> sectionsOf(long memberId, @Nullable Long accountId) {
        return accountId == null ? List.of() : sectionsOfAccount(accountId);
    }

    @Override
    public List<Section> sectionsOfAccount(long accountId) {
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
        // Only the labels and times of passkeys: the credential id and public key identify the device.
        var passkeys = rows("""
                select c.label, c.created, c.last_used from user_credentials c
                join user_entities u on u.id = c.user_entity_user_id
                join account a on a.username = u.name
                where a.id = :account order by c.created
                """, accountId);
        return List.of(new Section("account", account), new Section("roles", roles),
                new Section("sessions", sessions), new Section("apiTokens", tokens), new Section("passkeys", passkeys),
                new Section("signIns", signIns(accountId)));
    }

    private List<Map<String, @Nullable Object>> signIns(long accountId) {
        List<Map<String, @Nullable Object>> rows = new ArrayList<>();
        for (AuditRecord entry : audit.recordsAbout("account", accountId, SIGN_IN_ACTIONS, MAX_SIGN_INS).reversed()) {
            Map<String, @Nullable Object> row = new LinkedHashMap<>();
            row.put("at", entry.occurredAt());
            row.put("action", entry.action());
            row.put("detail", entry.detail());
            rows.add(row);
        }
        return rows;
    }

    private List<Map<String, @Nullable Object>> rows(String sql, long accountId) {
        return jdbc.sql(sql).param("account", accountId).query().listOfRows();
    }

    @Override
    public int order() {
        return 20;
    }
}
