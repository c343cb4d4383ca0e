package vn.chibo.account;

import java.io.Serial;
import java.io.Serializable;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialParameters;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.registration.PublicKeyCredentialCreationOptionsRepository;

/**
 * Keeps the options of a passkey registration in progress in the session, between the request that
 * made them and the request that registers the new passkey. Spring Security's own session repository
 * stores the options object itself, which is not {@link Serializable} in Spring Security 7.0, so the
 * database session store could not save it. This one stores the fields that verifying the new passkey
 * reads (relying party, user, challenge, algorithms and authenticator selection) and rebuilds the
 * options from them.
 */
final class PasskeyCreationOptionsRepository implements PublicKeyCredentialCreationOptionsRepository {

    static final String ATTRIBUTE = PasskeyCreationOptionsRepository.class.getName() + ".options";

    /** The algorithms Spring Security may offer, for turning stored COSE identifiers back into parameters. */
    private static final List<PublicKeyCredentialParameters> ALGORITHMS = List.of(PublicKeyCredentialParameters.EdDSA,
            PublicKeyCredentialParameters.ES256, PublicKeyCredentialParameters.ES384,
            PublicKeyCredentialParameters.ES512, PublicKeyCredentialParameters.RS256,
            PublicKeyCredentialParameters.RS384, PublicKeyCredentialParameters.RS512);

    @Override
    public void save(HttpServletRequest request, HttpServletResponse response,
            @Nullable PublicKeyCredentialCreationOptions options) {
        if (options == null) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.removeAttribute(ATTRIBUTE);
            }
            return;
        }
        request.getSession().setAttribute(ATTRIBUTE, StoredOptions.of(options));
    }

    @Override
    public @Nullable PublicKeyCredentialCreationOptions load(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(ATTRIBUTE) instanceof StoredOptions stored)) {
            return null;
        }
        return stored.toOptions();
    }

    /** The serializable part of the creation options that verifying a new passkey needs. */
    record StoredOptions(String rpId, String rpName, PublicKeyCredentialUserEntity user, Bytes challenge,
            long[] algorithms, @Nullable String residentKey, @Nullable String userVerification,
            @Nullable Duration timeout)
            implements Serializable {

        @Serial
        private static final long serialVersionUID = 1L;

        static StoredOptions of(PublicKeyCredentialCreationOptions options) {
            long[] algorithms = options.getPubKeyCredParams().stream()
                    .mapToLong(parameters -> parameters.getAlg().getValue())
                    .toArray();
            AuthenticatorSelectionCriteria selection = options.getAuthenticatorSelection();
            ResidentKeyRequirement residentKey = selection.getResidentKey();
            UserVerificationRequirement userVerification = selection.getUserVerification();
            return new StoredOptions(options.getRp().getId(), options.getRp().getName(), options.getUser(),
                    options.getChallenge(), algorithms, residentKey == null ? null : residentKey.getValue(),
                    userVerification == null ? null : userVerification.getValue(), options.getTimeout());
        }

        PublicKeyCredentialCreationOptions toOptions() {
            var selection = AuthenticatorSelectionCriteria.builder();
            if (residentKey != null) {
                selection.residentKey(ResidentKeyRequirement.valueOf(residentKey));
            }
            if (userVerification != null) {
                selection.userVerification(userVerification(userVerification));
            }
            var builder = PublicKeyCredentialCreationOptions.builder()
                    .rp(PublicKeyCredentialRpEntity.builder().id(rpId).name(rpName).build())
                    .user(user)
                    .challenge(challenge)
                    .pubKeyCredParams(Arrays.stream(algorithms).mapToObj(StoredOptions::parameters).toList())
                    .authenticatorSelection(selection.build());
            if (timeout != null) {
                builder.timeout(timeout);
            }
            return builder.build();
        }

        /**
         * Returns Spring Security's constant for the value, because its verification compares the
         * requirement by identity ({@code == REQUIRED}).
         */
        private static UserVerificationRequirement userVerification(String value) {
            return switch (value) {
                case "required" -> UserVerificationRequirement.REQUIRED;
                case "preferred" -> UserVerificationRequirement.PREFERRED;
                default -> UserVerificationRequirement.DISCOURAGED;
            };
        }

        private static PublicKeyCredentialParameters parameters(long algorithm) {
            return ALGORITHMS.stream()
                    .filter(parameters -> parameters.getAlg().getValue() == algorithm)
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("Unsupported COSE algorithm " + algorithm
                            + " in the stored passkey registration options"));
        }
    }
}
