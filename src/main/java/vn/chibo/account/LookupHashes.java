package vn.chibo.account;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

import vn.chibo.system.SecretKeyFile;

/**
 * Keyed hashes (HMAC-SHA256) of values that must be found again but not stored in clear: an
 * account's phone number, a user name or a client address in the sign-in limits. Without the key
 * a stolen database does not reveal them, even though phone numbers are few enough to try them all.
 *
 * <p>The key is {@code chibo.crypto.lookup-key}; when that is blank, a random key is generated once
 * and kept in {@code chibo.crypto.lookup-key-file}. It is independent of any key that encrypts data.
 */
@Component
public class LookupHashes {

    static final int MINIMUM_KEY_LENGTH = SecretKeyFile.MINIMUM_KEY_LENGTH;

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    LookupHashes(AccountProperties properties) {
        this.key = new SecretKeySpec(keyBytes(properties.crypto()), ALGORITHM);
    }

    /** Returns the keyed hash of a phone number in national form, as stored in {@code account.phone_lookup}. */
    String phone(String nationalNumber) {
        return hash("phone", nationalNumber);
    }

    /**
     * Returns the keyed hash of a value under a purpose, so that equal values of two purposes differ: 64
     * lowercase hex characters.
     */
    public String hash(String purpose, String value) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        }
        catch (GeneralSecurityException failure) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this JDK", failure);
        }
    }

    private static byte[] keyBytes(AccountProperties.Crypto crypto) {
        return SecretKeyFile.configuredOrStored(crypto.lookupKey(), crypto.lookupKeyFile(), "chibo.crypto.lookup-key",
                "CHIBO_LOOKUP_KEY");
    }
}
