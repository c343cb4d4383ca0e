package vn.chibo.account;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;

/**
 * The parts of Spring Security's WebAuthn support that {@code http.webAuthn()} picks up as beans:
 * passkeys and their users in the database, so that every node reads the same passkeys, and a relying party that
 * asks for a discoverable passkey with user verification (a PIN, fingerprint or face), because a
 * passkey signs in on its own, without a password.
 */
@Configuration(proxyBeanMethods = false)
class PasskeyConfiguration {

    @Bean
    PublicKeyCredentialUserEntityRepository passkeyUsers(JdbcOperations jdbc) {
        return new JdbcPublicKeyCredentialUserEntityRepository(jdbc);
    }

    @Bean
    UserCredentialRepository passkeyCredentials(JdbcOperations jdbc) {
        return new JdbcUserCredentialRepository(jdbc);
    }

    @Bean
    PasskeyCreationOptionsRepository passkeyCreationOptions() {
        return new PasskeyCreationOptionsRepository();
    }

    @Bean
    WebAuthnRelyingPartyOperations relyingParty(PublicKeyCredentialUserEntityRepository users,
            UserCredentialRepository credentials, AccountProperties properties) {
        AccountProperties.Passkeys settings = properties.passkeys();
        var relyingParty = PublicKeyCredentialRpEntity.builder().id(settings.rpId()).name(settings.rpName()).build();
        var operations = new Webauthn4JRelyingPartyOperations(users, credentials, relyingParty,
                settings.allowedOrigins());
        operations.setCustomizeCreationOptions(options -> options.authenticatorSelection(
                AuthenticatorSelectionCriteria.builder()
                        .residentKey(ResidentKeyRequirement.REQUIRED)
                        .userVerification(UserVerificationRequirement.REQUIRED)
                        .build()));
        operations.setCustomizeRequestOptions(options -> options.userVerification(UserVerificationRequirement.REQUIRED));
        return operations;
    }
}
