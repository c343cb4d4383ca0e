package vn.chibo.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.organization.OrganizationId;
import vn.chibo.system.JdbcTime;

/** Stores accounts and their role grants. */
@Component
public class Accounts {

    private static final Logger log = LoggerFactory.getLogger(Accounts.class);

    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    Accounts(JdbcClient jdbc, PasswordEncoder passwordEncoder, Clock clock) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    /**
     * Creates an account with a password chosen by the caller and grants it the given roles.
     *
     * @param mustChangePassword whether the first sign-in asks for a new password
     */
    @Transactional
    public AccountId create(String username, String rawPassword, String displayName, @Nullable Long memberId,
            boolean mustChangePassword, Collection<Grant> grants) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into account (username, password_hash, display_name, member_id, must_change_password,
                                     enabled, created_at)
                values (:username, :hash, :displayName, :memberId, :mustChange, true, :now)
                """)
                .param("username", Usernames.normalize(username))
                .param("hash", passwordEncoder.encode(rawPassword))
                .param("displayName", displayName)
                .param("memberId", memberId)
                .param("mustChange", mustChangePassword)
                .param("now", JdbcTime.param(clock.instant()))
                .update(keys, "id");
        var id = AccountId.of(keys.getKey().longValue());
        grants.forEach(grant -> grant(id, grant));
        log.info("Created account {} with {} role grants", id, grants.size());
        return id;
    }

    @Transactional
    public void grant(AccountId account, Grant grant) {
        boolean held = jdbc.sql("""
                select count(*) from role_grant where account_id = :account and organization_id = :organization
                and role = :role
                """)
                .param("account", account.value())
                .param("organization", grant.organizationId().value())
                .param("role", grant.role().name())
                .query(Long.class)
                .single() > 0;
        if (held) {
            return;
        }
        jdbc.sql("""
                insert into role_grant (account_id, organization_id, role, granted_at)
                values (:account, :organization, :role, :now)
                """)
                .param("account", account.value())
                .param("organization", grant.organizationId().value())
                .param("role", grant.role().name())
                .param("now", JdbcTime.param(clock.instant()))
                .update();
    }

    public Optional<AccountRecord> find(AccountId id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id.value()).query(Accounts::map).optional();
    }

    public Optional<AccountRecord> findByUsername(String username) {
        return jdbc.sql(SELECT + " where username = :username")
                .param("username", Usernames.normalize(username))
                .query(Accounts::map)
                .optional();
    }

    public Optional<AccountRecord> findByMember(long memberId) {
        return jdbc.sql(SELECT + " where member_id = :memberId")
                .param("memberId", memberId)
                .query(Accounts::map)
                .optional();
    }

    /** Returns which of the given members already have an account. */
    public Set<Long> membersWithAccounts(Collection<Long> memberIds) {
        if (memberIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("select member_id from account where member_id in (:ids)")
                .param("ids", memberIds)
                .query(Long.class)
                .list());
    }

    public boolean usernameTaken(String username) {
        return findByUsername(username).isPresent();
    }

    public List<Grant> grantsOf(AccountId account) {
        return jdbc.sql("select organization_id, role from role_grant where account_id = :account")
                .param("account", account.value())
                .query((row, number) -> new Grant(OrganizationId.of(row.getLong("organization_id")),
                        Role.valueOf(row.getString("role"))))
                .list();
    }

    /** Returns the password hash, for checking the current password before a change. */
    String passwordHash(AccountId id) {
        return jdbc.sql("select password_hash from account where id = :id")
                .param("id", id.value())
                .query(String.class)
                .single();
    }

    void updatePassword(AccountId id, String rawPassword, boolean mustChangePassword) {
        jdbc.sql("""
                update account set password_hash = :hash, must_change_password = :mustChange,
                                   password_changed_at = :now
                where id = :id
                """)
                .param("hash", passwordEncoder.encode(rawPassword))
                .param("mustChange", mustChangePassword)
                .param("now", JdbcTime.param(clock.instant()))
                .param("id", id.value())
                .update();
    }

    private static final String SELECT = """
            select id, username, display_name, member_id, must_change_password, enabled, password_changed_at
            from account
            """;

    private static AccountRecord map(ResultSet row, int rowNumber) throws SQLException {
        long memberId = row.getLong("member_id");
        return new AccountRecord(AccountId.of(row.getLong("id")), row.getString("username"),
                row.getString("display_name"), row.wasNull() ? null : memberId,
                row.getBoolean("must_change_password"), row.getBoolean("enabled"),
                JdbcTime.instant(row, "password_changed_at"));
    }
}
