package vn.chibo.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

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

    /** The columns that {@link #readSignedIn} reads: the account, one grant per row and the second factor. */
    private static final String SIGNED_IN_COLUMNS = """
            a.id, a.username, a.display_name, a.member_id, a.must_change_password, a.enabled,
            a.password_changed_at, a.language, a.session_generation, g.organization_id, g.role,
            exists (select 1 from account_totp f where f.account_id = a.id and f.confirmed_at is not null)
                as second_factor
            """;

    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;
    private final LookupHashes lookupHashes;
    private final Clock clock;

    Accounts(JdbcClient jdbc, PasswordEncoder passwordEncoder, LookupHashes lookupHashes, Clock clock) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
        this.lookupHashes = lookupHashes;
        this.clock = clock;
    }

    /**
     * Creates an account with a password chosen by the caller and grants it the given roles. A user
     * name that is a phone number (the default for members) also becomes the account's phone number
     * for sign-in by phone.
     *
     * @param mustChangePassword whether the first sign-in asks for a new password
     */
    @Transactional
    public AccountId create(String username, String rawPassword, String displayName, @Nullable Long memberId,
            boolean mustChangePassword, Collection<Grant> grants) {
        return createWithPasswordHash(username, passwordEncoder.encode(rawPassword), displayName, memberId,
                mustChangePassword, grants);
    }

    /**
     * Creates an account like {@link #create}, with a password already encoded by this application's
     * {@link PasswordEncoder}. Generated data sets use it to hash one password once for thousands of
     * accounts, since each Argon2 hash costs tens of milliseconds of a core.
     */
    @Transactional
    public AccountId createWithPasswordHash(String username, String encodedPassword, String displayName,
            @Nullable Long memberId, boolean mustChangePassword, Collection<Grant> grants) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into account (username, password_hash, display_name, member_id, must_change_password,
                                     enabled, created_at, phone_lookup)
                values (:username, :hash, :displayName, :memberId, :mustChange, true, :now, :phoneLookup)
                """)
                .param("username", Usernames.normalize(username))
                .param("phoneLookup", PhoneNumbers.national(username).map(lookupHashes::phone).orElse(null),
                        Types.VARCHAR)
                .param("hash", encodedPassword)
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

    /** Takes a role away; returns whether the account held it. */
    @Transactional
    public boolean revoke(AccountId account, Grant grant) {
        return jdbc.sql("""
                delete from role_grant where account_id = :account and organization_id = :organization and role = :role
                """)
                .param("account", account.value())
                .param("organization", grant.organizationId().value())
                .param("role", grant.role().name())
                .update() > 0;
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

    /**
     * Finds the account that a sign-in names: by user name first, else by phone number when exactly
     * one account has it. Two accounts that share a phone must sign in with their user names.
     */
    public Optional<AccountRecord> findForSignIn(String usernameOrPhone) {
        Optional<AccountRecord> byUsername = findByUsername(usernameOrPhone);
        if (byUsername.isPresent()) {
            return byUsername;
        }
        return PhoneNumbers.national(usernameOrPhone).flatMap(this::findByPhone);
    }

    private Optional<AccountRecord> findByPhone(String nationalNumber) {
        List<AccountRecord> found = jdbc.sql(SELECT + " where phone_lookup = :lookup fetch first 2 rows only")
                .param("lookup", lookupHashes.phone(nationalNumber))
                .query(Accounts::map)
                .list();
        return found.size() == 1 ? Optional.of(found.getFirst()) : Optional.empty();
    }

    /**
     * Sets the phone number by which the account may also sign in, such as after a member's phone
     * changed; null or a text that is no phone number removes it. Only its keyed hash is stored.
     */
    @Transactional
    public void updatePhone(AccountId id, @Nullable String phone) {
        String lookup = phone == null ? null : PhoneNumbers.national(phone).map(lookupHashes::phone).orElse(null);
        jdbc.sql("update account set phone_lookup = :lookup where id = :id")
                .param("lookup", lookup, Types.VARCHAR)
                .param("id", id.value())
                .update();
    }

    /** Returns the accounts of the given members. */
    public List<AccountRecord> ofMembers(Collection<Long> memberIds) {
        if (memberIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where member_id in (:ids)").param("ids", memberIds).query(Accounts::map).list();
    }

    /** Returns the accounts that hold any role in the organization. */
    public List<AccountRecord> withRolesIn(OrganizationId organization) {
        return jdbc.sql(SELECT + " where id in (select account_id from role_grant where organization_id = :organization)")
                .param("organization", organization.value())
                .query(Accounts::map)
                .list();
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

    /**
     * Returns what each signed-in request checks, in one query: the account, its role grants and
     * whether it has confirmed a second factor. Three queries each request cost more than the rest of
     * a small page's reads.
     */
    Optional<SignedInAccount> signedIn(AccountId id) {
        return readSignedIn(jdbc.sql("select " + SIGNED_IN_COLUMNS + """
                from account a left join role_grant g on g.account_id = a.id
                where a.id = :id
                """)
                .param("id", id.value()), false)
                .map(SignedInRow::account);
    }

    /**
     * Returns what {@link #signedIn(AccountId)} returns for the account of a bearer token that works
     * (not expired, of an enabled account that has changed its initial password), in the same one
     * query, and whether the token was issued after a second factor. The API reads nothing else to
     * sign in a request, so an API request costs one statement before its own work.
     */
    Optional<SignedInRow> signedInByToken(String tokenHash, Instant now) {
        return readSignedIn(jdbc.sql("select " + SIGNED_IN_COLUMNS + """
                , t.second_factor as token_second_factor
                from api_token t join account a on a.id = t.account_id
                left join role_grant g on g.account_id = a.id
                where t.token_hash = :hash and t.expires_at > :now and a.enabled and not a.must_change_password
                """)
                .param("hash", tokenHash)
                .param("now", JdbcTime.param(now)), true);
    }

    /**
     * A signed-in account as one query read it.
     *
     * @param tokenSecondFactor whether the bearer token was issued after a second factor; false without a token
     */
    record SignedInRow(SignedInAccount account, boolean tokenSecondFactor) {
    }

    /**
     * Reads the rows of an account joined with its grants, one row per grant, into one account.
     *
     * @param withToken whether the statement reads the column {@code token_second_factor}
     */
    private Optional<SignedInRow> readSignedIn(JdbcClient.StatementSpec statement, boolean withToken) {
        var grants = new ArrayList<Grant>();
        var account = new AtomicReference<AccountRecord>();
        var secondFactor = new AtomicBoolean();
        var tokenSecondFactor = new AtomicBoolean();
        statement.query(row -> {
            if (account.get() == null) {
                account.set(map(row, 0));
                secondFactor.set(row.getBoolean("second_factor"));
                tokenSecondFactor.set(withToken && row.getBoolean("token_second_factor"));
            }
            long organization = row.getLong("organization_id");
            if (!row.wasNull()) {
                grants.add(new Grant(OrganizationId.of(organization), Role.valueOf(row.getString("role"))));
            }
        });
        return Optional.ofNullable(account.get())
                .map(found -> new SignedInRow(new SignedInAccount(found, List.copyOf(grants), secondFactor.get()),
                        tokenSecondFactor.get()));
    }

    /** The account of a signed-in request with its grants and whether its second factor is confirmed. */
    record SignedInAccount(AccountRecord account, List<Grant> grants, boolean secondFactorConfirmed) {
    }

    public List<Grant> grantsOf(AccountId account) {
        return jdbc.sql("select organization_id, role from role_grant where account_id = :account")
                .param("account", account.value())
                .query((row, number) -> new Grant(OrganizationId.of(row.getLong("organization_id")),
                        Role.valueOf(row.getString("role"))))
                .list();
    }

    /**
     * Returns the account as the password rules see it, with its phone number known only by the
     * keyed hash in {@code phone_lookup}.
     */
    PasswordRules.Owner passwordOwner(AccountRecord account) {
        Optional<String> lookup = jdbc.sql("select phone_lookup from account where id = :id")
                .param("id", account.id().value())
                .query((row, number) -> Optional.ofNullable(row.getString("phone_lookup")))
                .single();
        return new PasswordRules.Owner(account.username(), account.displayName(),
                national -> lookup.isPresent() && lookup.get().equals(lookupHashes.phone(national)));
    }

    /** Returns the password hash, for checking the current password before a change. */
    String passwordHash(AccountId id) {
        return jdbc.sql("select password_hash from account where id = :id")
                .param("id", id.value())
                .query(String.class)
                .single();
    }

    /**
     * Replaces the password and revokes the account's API tokens, which the old password obtained.
     *
     * @param changedBy the mark of the session that changed its own password (see
     *        {@link SignedInSessions#passwordChangeMark}), or null when no session of the account did,
     *        as in a reset by an administrator
     */
    void updatePassword(AccountId id, String rawPassword, boolean mustChangePassword, @Nullable String changedBy) {
        jdbc.sql("""
                update account set password_hash = :hash, must_change_password = :mustChange,
                                   password_changed_at = :now, password_changed_by = :changedBy
                where id = :id
                """)
                .param("hash", passwordEncoder.encode(rawPassword))
                .param("mustChange", mustChangePassword)
                .param("now", JdbcTime.param(clock.instant()))
                .param("changedBy", changedBy)
                .param("id", id.value())
                .update();
        revokeApiTokens(id);
    }

    /** Returns the mark of the session that last changed the account's password, if a session did. */
    Optional<String> passwordChangedBy(AccountId id) {
        return jdbc.sql("select password_changed_by from account where id = :id")
                .param("id", id.value())
                .query((row, number) -> Optional.ofNullable(row.getString("password_changed_by")))
                .optional()
                .flatMap(mark -> mark);
    }

    /** Stores a new hash of the same password, such as an upgrade from BCrypt to Argon2 at sign-in. */
    void updatePasswordHash(AccountId id, String encodedPassword) {
        jdbc.sql("update account set password_hash = :hash where id = :id")
                .param("hash", encodedPassword)
                .param("id", id.value())
                .update();
    }

    /** Remembers the language the account chose: {@code vi}, {@code en} or {@code de}. */
    void updateLanguage(AccountId id, String language) {
        jdbc.sql("update account set language = :language where id = :id")
                .param("language", language)
                .param("id", id.value())
                .update();
    }

    /**
     * Raises the session generation, which ends every session signed in under the old one, and
     * revokes the account's API tokens.
     */
    void raiseSessionGeneration(AccountId id) {
        jdbc.sql("update account set session_generation = session_generation + 1 where id = :id")
                .param("id", id.value())
                .update();
        revokeApiTokens(id);
    }

    private void revokeApiTokens(AccountId id) {
        int revoked = jdbc.sql("delete from api_token where account_id = :id").param("id", id.value()).update();
        if (revoked > 0) {
            log.info("Revoked {} API tokens of account {}", revoked, id);
        }
    }

    /** Sets the phone look-up of accounts made before it existed, whose user name is their phone number. */
    @Transactional
    int fillMissingPhoneLookups() {
        List<AccountRecord> missing = jdbc.sql(SELECT + " where phone_lookup is null").query(Accounts::map).list();
        int filled = 0;
        for (AccountRecord account : missing) {
            Optional<String> phone = PhoneNumbers.national(account.username());
            if (phone.isPresent()) {
                updatePhone(account.id(), phone.get());
                filled++;
            }
        }
        return filled;
    }

    private static final String SELECT = """
            select id, username, display_name, member_id, must_change_password, enabled, password_changed_at,
                   language, session_generation
            from account
            """;

    private static AccountRecord map(ResultSet row, int rowNumber) throws SQLException {
        // Read as an object: wasNull() after the other columns would report on display_name instead.
        Long memberId = row.getObject("member_id", Long.class);
        return new AccountRecord(AccountId.of(row.getLong("id")), row.getString("username"),
                row.getString("display_name"), memberId,
                row.getBoolean("must_change_password"), row.getBoolean("enabled"),
                JdbcTime.instant(row, "password_changed_at"), row.getString("language"),
                row.getInt("session_generation"));
    }
}
