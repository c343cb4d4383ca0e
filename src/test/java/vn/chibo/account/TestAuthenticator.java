package vn.chibo.account;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.webauthn4j.converter.AuthenticatorDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.attestation.AttestationObject;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.authenticator.EC2COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.extension.authenticator.AuthenticationExtensionAuthenticatorOutput;
import com.webauthn4j.data.extension.authenticator.RegistrationExtensionAuthenticatorOutput;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A software authenticator for tests without a browser. It keeps one ES256 key pair and turns the
 * options from Spring Security's WebAuthn endpoints into the JSON that the page's script would send,
 * signed as a platform authenticator with user verification signs it ("none" attestation).
 */
final class TestAuthenticator {

    /** The origin that the default configuration (chibo.passkeys.allowed-origins) accepts. */
    static final String ORIGIN = "http://localhost:8080";

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final ObjectConverter CONVERTER = new ObjectConverter();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder BASE64URL_DECODER = Base64.getUrlDecoder();

    private final KeyPair keys;
    private final byte[] credentialId = new byte[32];
    private byte[] userHandle = new byte[0];
    private long signatureCount;

    TestAuthenticator() {
        try {
            var generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            keys = generator.generateKeyPair();
        }
        catch (GeneralSecurityException failure) {
            throw new IllegalStateException("The JDK cannot make P-256 keys", failure);
        }
        new SecureRandom().nextBytes(credentialId);
    }

    String credentialId() {
        return BASE64URL.encodeToString(credentialId);
    }

    /** Returns the user handle of the account this authenticator registered with, base64url-encoded. */
    String userHandle() {
        return BASE64URL.encodeToString(userHandle);
    }

    /** Returns the body of {@code POST /account/passkeys} that registers this authenticator's passkey. */
    String registration(String creationOptionsJson, String label) {
        JsonNode options = JSON.readTree(creationOptionsJson);
        userHandle = BASE64URL_DECODER.decode(options.get("user").get("id").asString());
        String clientData = clientData("webauthn.create", options.get("challenge").asString(), ORIGIN);

        var credential = new AttestedCredentialData(AAGUID.ZERO, credentialId, EC2COSEKey.create(keys,
                COSEAlgorithmIdentifier.ES256));
        byte flags = (byte) (AuthenticatorData.BIT_UP | AuthenticatorData.BIT_UV | AuthenticatorData.BIT_AT);
        var authenticatorData = new AuthenticatorData<RegistrationExtensionAuthenticatorOutput>(
                sha256(options.get("rp").get("id").asString().getBytes(StandardCharsets.UTF_8)), flags, signatureCount,
                credential);
        byte[] attestationObject = CONVERTER.getCborConverter()
                .writeValueAsBytes(new AttestationObject(authenticatorData, new NoneAttestationStatement()));

        Map<String, Object> response = new LinkedHashMap<>();
        response.put("attestationObject", BASE64URL.encodeToString(attestationObject));
        response.put("clientDataJSON", encode(clientData));
        response.put("transports", List.of("internal"));
        return JSON.writeValueAsString(Map.of("label", label, "credential", credential(credentialId, response)));
    }

    /** Returns the body of {@code POST /login/webauthn} that responds to the request options. */
    String assertion(String requestOptionsJson) {
        return assertion(requestOptionsJson, ORIGIN);
    }

    /** Returns the body of {@code POST /login/webauthn} as a page of the given origin would send it. */
    String assertion(String requestOptionsJson, String origin) {
        return assertion(requestOptionsJson, origin, credentialId, userHandle);
    }

    /** Returns an assertion of this passkey that claims to come from another account's user handle. */
    String assertionWithUserHandleOf(TestAuthenticator other, String requestOptionsJson) {
        return assertion(requestOptionsJson, ORIGIN, credentialId, other.userHandle);
    }

    /** Returns an assertion that names another authenticator's passkey but is signed with this one's key. */
    String forgedAssertionOf(TestAuthenticator victim, String requestOptionsJson) {
        return assertion(requestOptionsJson, ORIGIN, victim.credentialId, victim.userHandle);
    }

    private String assertion(String requestOptionsJson, String origin, byte[] claimedCredentialId,
            byte[] claimedUserHandle) {
        JsonNode options = JSON.readTree(requestOptionsJson);
        String clientData = clientData("webauthn.get", options.get("challenge").asString(), origin);
        signatureCount++;
        byte flags = (byte) (AuthenticatorData.BIT_UP | AuthenticatorData.BIT_UV);
        var authenticatorData = new AuthenticatorData<AuthenticationExtensionAuthenticatorOutput>(
                sha256(options.get("rpId").asString().getBytes(StandardCharsets.UTF_8)), flags, signatureCount);
        byte[] authenticatorBytes = new AuthenticatorDataConverter(CONVERTER).convert(authenticatorData);

        Map<String, Object> response = new LinkedHashMap<>();
        response.put("authenticatorData", BASE64URL.encodeToString(authenticatorBytes));
        response.put("clientDataJSON", encode(clientData));
        response.put("signature", BASE64URL.encodeToString(sign(authenticatorBytes, clientData)));
        response.put("userHandle", BASE64URL.encodeToString(claimedUserHandle));
        return JSON.writeValueAsString(credential(claimedCredentialId, response));
    }

    private static Map<String, Object> credential(byte[] id, Map<String, Object> response) {
        Map<String, Object> credential = new LinkedHashMap<>();
        credential.put("id", BASE64URL.encodeToString(id));
        credential.put("rawId", BASE64URL.encodeToString(id));
        credential.put("type", "public-key");
        credential.put("response", response);
        credential.put("clientExtensionResults", Map.of());
        credential.put("authenticatorAttachment", "platform");
        return credential;
    }

    private byte[] sign(byte[] authenticatorData, String clientData) {
        try {
            var signature = Signature.getInstance("SHA256withECDSA");
            signature.initSign(keys.getPrivate());
            signature.update(authenticatorData);
            signature.update(sha256(clientData.getBytes(StandardCharsets.UTF_8)));
            return signature.sign();
        }
        catch (GeneralSecurityException failure) {
            throw new IllegalStateException("Signing the assertion failed", failure);
        }
    }

    private static String clientData(String type, String challenge, String origin) {
        Map<String, Object> clientData = new LinkedHashMap<>();
        clientData.put("type", type);
        clientData.put("challenge", challenge);
        clientData.put("origin", origin);
        clientData.put("crossOrigin", false);
        return JSON.writeValueAsString(clientData);
    }

    private static String encode(String text) {
        return BASE64URL.encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        }
        catch (GeneralSecurityException failure) {
            throw new IllegalStateException(failure);
        }
    }
}
