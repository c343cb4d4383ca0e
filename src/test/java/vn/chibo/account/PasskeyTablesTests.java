package vn.chibo.account;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;

import vn.chibo.organization.Organization;
import vn.chibo.testing.Fixtures;
import vn.chibo.testing.SqlTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The passkey tables of migration V33 under Spring Security's JDBC repositories, on H2 and on
 * PostgreSQL: every field comes back as it was saved, and the constraints tie each passkey to an account.
 */
@SqlTest
public class PasskeyTablesTests {

    @Autowired
    PublicKeyCredentialUserEntityRepository users;

    @Autowired
    UserCredentialRepository credentials;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Test
    void storesUserAndCredential() {
        Actor owner = account();
        PublicKeyCredentialUserEntity user = storedUser(users, owner);
        Instant created = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
        Instant lastUsed = created.plus(1, ChronoUnit.DAYS);
        CredentialRecord saved = ImmutableCredentialRecord.fromCredentialRecord(
                        credential(user.getId(), "Điện thoại của tôi"))
                .created(created)
                .lastUsed(lastUsed)
                .signatureCount(7)
                .transports(Set.of(AuthenticatorTransport.INTERNAL, AuthenticatorTransport.HYBRID))
                .build();

        credentials.save(saved);

        assertThat(users.findByUsername(owner.username())).isNotNull()
                .satisfies(found -> {
                    assertThat(found.getId()).isEqualTo(user.getId());
                    assertThat(found.getDisplayName()).isEqualTo(owner.displayName());
                });
        CredentialRecord found = credentials.findByCredentialId(saved.getCredentialId());
        assertThat(found).isNotNull();
        assertThat(found.getUserEntityUserId()).isEqualTo(user.getId());
        assertThat(found.getPublicKey().getBytes()).isEqualTo(saved.getPublicKey().getBytes());
        assertThat(found.getSignatureCount()).isEqualTo(7);
        assertThat(found.getTransports()).containsExactlyInAnyOrder(AuthenticatorTransport.INTERNAL,
                AuthenticatorTransport.HYBRID);
        assertThat(found.getCreated()).isEqualTo(created);
        assertThat(found.getLastUsed()).isEqualTo(lastUsed);
        assertThat(found.getLabel()).isEqualTo("Điện thoại của tôi");
        assertThat(found.getAttestationObject()).isEqualTo(saved.getAttestationObject());
        assertThat(credentials.findByUserId(user.getId())).hasSize(1);
    }

    @Test
    void updatesCredentialInPlace() {
        PublicKeyCredentialUserEntity user = storedUser(users, account());
        CredentialRecord saved = credential(user.getId(), "Máy tính");
        credentials.save(saved);
        Instant used = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        credentials.save(ImmutableCredentialRecord.fromCredentialRecord(saved).signatureCount(12).lastUsed(used)
                .build());

        CredentialRecord found = credentials.findByCredentialId(saved.getCredentialId());
        assertThat(found.getSignatureCount()).isEqualTo(12);
        assertThat(found.getLastUsed()).isEqualTo(used);
        assertThat(credentials.findByUserId(user.getId())).hasSize(1);
    }

    @Test
    void userEntityNeedsAnAccount() {
        var stranger = ImmutablePublicKeyCredentialUserEntity.builder()
                .id(Bytes.random())
                .name("khong-co-tai-khoan-nay")
                .displayName("Không có")
                .build();

        assertThatThrownBy(() -> users.save(stranger)).isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> credentials.save(credential(Bytes.random(), "Mồ côi")))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void deletingUserDeletesCredentials() {
        PublicKeyCredentialUserEntity user = storedUser(users, account());
        CredentialRecord saved = credential(user.getId(), "Điện thoại");
        credentials.save(saved);

        users.delete(user.getId());

        assertThat(credentials.findByCredentialId(saved.getCredentialId())).isNull();
        assertThat(jdbc.sql("select count(*) from user_credentials where user_entity_user_id = :id")
                .param("id", user.getId().toBase64UrlString())
                .query(Integer.class)
                .single()).isZero();
    }

    private Actor account() {
        Organization cell = fixtures.commune().cell();
        return fixtures.accountWithoutMember(cell, Role.MEMBER);
    }

    /** Stores the WebAuthn user entity of an account, as the first registration of a passkey does. */
    public static PublicKeyCredentialUserEntity storedUser(PublicKeyCredentialUserEntityRepository users, Actor owner) {
        var user = ImmutablePublicKeyCredentialUserEntity.builder()
                .id(Bytes.random())
                .name(owner.username())
                .displayName(owner.displayName())
                .build();
        users.save(user);
        return user;
    }

    /** Returns a passkey of the user whose public key and attestation are placeholder bytes, never verified. */
    public static CredentialRecord credential(Bytes userId, String label) {
        return ImmutableCredentialRecord.builder()
                .credentialId(Bytes.random())
                .userEntityUserId(userId)
                .credentialType(PublicKeyCredentialType.PUBLIC_KEY)
                .publicKey(new ImmutablePublicKeyCose(new byte[] { 1, 2, 3, 4 }))
                .signatureCount(0)
                .uvInitialized(true)
                .backupEligible(false)
                .backupState(false)
                .transports(Set.of(AuthenticatorTransport.INTERNAL))
                .attestationObject(new Bytes(new byte[] { 5, 6, 7 }))
                .attestationClientDataJSON(new Bytes(new byte[] { 8, 9 }))
                .label(label)
                .build();
    }
}
