package vn.chibo.account;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.webauthn4j.util.exception.WebAuthnException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.ImmutableRelyingPartyRegistrationRequest;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.RelyingPartyPublicKey;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.audit.AuditEntry;
import vn.chibo.audit.AuditLog;
import vn.chibo.system.InvalidInputException;
import vn.chibo.system.NotFoundException;

/**
 * The passkeys of an account: listing, registering and deleting them, each registration and
 * deletion audited. Spring Security's WebAuthn support verifies new passkeys and signs in with them.
 * This class adds the label rules, the owner checks and the audit entries around that.
 */
@Component
public class Passkeys {

    static final int MAX_LABEL_LENGTH = 60;

    private static final Logger log = LoggerFactory.getLogger(Passkeys.class);

    private final PublicKeyCredentialUserEntityRepository users;
    private final UserCredentialRepository credentials;
    private final WebAuthnRelyingPartyOperations relyingParty;
    private final Accounts accounts;
    private final PasswordEncoder passwordEncoder;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final AccountProperties.Passkeys settings;
    private final Clock clock;

    Passkeys(PublicKeyCredentialUserEntityRepository users, UserCredentialRepository credentials,
            WebAuthnRelyingPartyOperations relyingParty, Accounts accounts, PasswordEncoder passwordEncoder,
            AuditLog audit, JdbcClient jdbc, AccountProperties properties, Clock clock) {
        this.users = users;
        this.credentials = credentials;
        this.relyingParty = relyingParty;
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
        this.jdbc = jdbc;
        this.settings = properties.passkeys();
        this.clock = clock;
    }

    /** Returns the actor's passkeys, the most recently registered first. */
    public List<Passkey> of(Actor actor) {
        return userOf(actor.username())
                .map(user -> credentials.findByUserId(user.getId()).stream()
                        .map(Passkeys::toPasskey)
                        .sorted(Comparator.comparing(Passkey::created).reversed())
                        .toList())
                .orElse(List.of());
    }

    /** Counts the passkeys of an account, for the pages that confirm a password reset or a recovery. */
    public int countOf(AccountId account) {
        return jdbc.sql("""
                select count(*) from user_credentials c
                join user_entities u on u.id = c.user_entity_user_id
                join account a on a.username = u.name
                where a.id = :account
                """)
                .param("account", account.value())
                .query(Integer.class)
                .single();
    }

    /**
     * Deletes every passkey of the account, for a password reset or an account recovery in which a
     * device may have been lost. Returns how many were deleted.
     */
    int deleteAllOf(AccountId account) {
        int deleted = jdbc.sql("""
                delete from user_credentials where user_entity_user_id in (
                    select u.id from user_entities u join account a on a.username = u.name where a.id = :account)
                """)
                .param("account", account.value())
                .update();
        if (deleted > 0) {
            log.info("Deleted {} passkeys of account {}", deleted, account);
        }
        return deleted;
    }

    /**
     * Verifies and stores a new passkey of the actor, made by the authenticator from the options that
     * the same session asked for.
     *
     * @throws InvalidInputException with a key under {@code account.passkeys.error} when the label is
     *         missing, too long, contains control characters or is already used by another of the actor's
     *         passkeys, when the options are missing or belong to another account, or when the
     *         authenticator's response fails verification
     */
    @Transactional
    public Passkey register(Actor actor, @Nullable PublicKeyCredentialCreationOptions options,
            RelyingPartyPublicKey publicKey) {
        String label = checkedLabel(actor, publicKey.getLabel());
        if (options == null || !options.getUser().getName().equals(actor.username())) {
            throw new InvalidInputException("account.passkeys.error.noOptions");
        }

        CredentialRecord registered;
        try {
            registered = relyingParty.registerCredential(new ImmutableRelyingPartyRegistrationRequest(options,
                    new RelyingPartyPublicKey(publicKey.getCredential(), label)));
        }
        catch (WebAuthnException | IllegalArgumentException rejected) {
            log.info("Account {} failed to register a passkey: {}", actor.accountId(),
                    rejected.getClass().getSimpleName());
            throw new InvalidInputException("account.passkeys.error.rejected");
        }

        Passkey passkey = toPasskey(registered);
        audit.record(new AuditEntry(actor.accountId().value(), null, "account.passkeyRegistered", "account",
                actor.accountId().value(), "passkey=" + shortId(passkey.id())));
        log.info("Account {} registered passkey {}", actor.accountId(), shortId(passkey.id()));
        return passkey;
    }

    /**
     * Deletes one of the actor's passkeys, which then can no longer sign in. The actor confirms with the
     * account's password, unless the session signed in within {@code chibo.passkeys.recent-sign-in}.
     *
     * @param signedInAt when the actor's session signed in, or null when that is not known
     * @throws NotFoundException when the actor has no passkey with this id, whether or not another account has
     * @throws InvalidInputException when the sign-in is not recent and the password is wrong
     */
    @Transactional
    public void delete(Actor actor, String passkeyId, String password, @Nullable Instant signedInAt) {
        CredentialRecord credential = ownCredential(actor, passkeyId).orElseThrow(NotFoundException::hidden);
        if (passwordNeeded(signedInAt) && !passwordEncoder.matches(password, accounts.passwordHash(actor.accountId()))) {
            throw new InvalidInputException("account.passkeys.error.password");
        }

        credentials.delete(credential.getCredentialId());
        audit.record(new AuditEntry(actor.accountId().value(), null, "account.passkeyDeleted", "account",
                actor.accountId().value(), "passkey=" + shortId(passkeyId)));
        log.info("Account {} deleted passkey {}", actor.accountId(), shortId(passkeyId));
    }

    /**
     * Returns whether deleting a passkey needs the password, which it does unless the session signed in
     * within {@code chibo.passkeys.recent-sign-in}.
     *
     * @param signedInAt when the session signed in, or null when that is not known
     */
    public boolean passwordNeeded(@Nullable Instant signedInAt) {
        return signedInAt == null || !signedInAt.isAfter(clock.instant().minus(settings.recentSignIn()));
    }

    /** Audits a sign-in with a passkey. */
    @Transactional
    void recordSignIn(AccountId account) {
        audit.record(new AuditEntry(account.value(), null, "account.signedInWithPasskey", "account", account.value(),
                null));
    }

    private Optional<CredentialRecord> ownCredential(Actor actor, String passkeyId) {
        Bytes id;
        try {
            id = Bytes.fromBase64(passkeyId);
        }
        catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        Optional<PublicKeyCredentialUserEntity> user = userOf(actor.username());
        return Optional.ofNullable(credentials.findByCredentialId(id))
                .filter(credential -> user.isPresent() && credential.getUserEntityUserId().equals(user.get().getId()));
    }

    private Optional<PublicKeyCredentialUserEntity> userOf(String username) {
        return Optional.ofNullable(users.findByUsername(username));
    }

    private String checkedLabel(Actor actor, @Nullable String label) {
        String trimmed = label == null ? "" : label.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidInputException("account.passkeys.error.labelMissing");
        }
        if (trimmed.length() > MAX_LABEL_LENGTH) {
            throw new InvalidInputException("account.passkeys.error.labelTooLong", MAX_LABEL_LENGTH);
        }
        if (trimmed.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("account.passkeys.error.labelInvalid");
        }
        if (of(actor).stream().anyMatch(passkey -> passkey.label().equalsIgnoreCase(trimmed))) {
            throw new InvalidInputException("account.passkeys.error.labelTaken", trimmed);
        }
        return trimmed;
    }

    private static Passkey toPasskey(CredentialRecord credential) {
        return new Passkey(credential.getCredentialId().toBase64UrlString(), credential.getLabel(),
                credential.getCreated(), credential.getLastUsed());
    }

    /** Returns the start of a credential id: enough to tell passkeys apart in logs and audit entries. */
    private static String shortId(String passkeyId) {
        return passkeyId.length() <= 8 ? passkeyId : passkeyId.substring(0, 8);
    }
}
