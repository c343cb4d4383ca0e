package vn.chibo.member;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import vn.chibo.system.FieldEncryption;
import vn.chibo.system.SecretKeyFile;

/**
 * Encrypts members' identifiers (party card and phone numbers, e-mail addresses, dates of birth) with AES-256-GCM, and makes their blind
 * indexes: keyed hashes (HMAC-SHA256) that find equal values without decrypting anything in SQL.
 *
 * <p>A stored value reads {@code v1:<key id>:<Base64 of the 12-byte nonce and the ciphertext with its tag>}.
 * The key id tells which key encrypted it, so that after a key change values under a previous key can
 * still be read until {@link MemberDataEncryption} encrypts them again. The purpose of a value (card,
 * phone, e-mail address or requested correction) is authenticated with it, so that a ciphertext copied into the other column fails to decrypt.
 * The encryption, blind index and key id keys are each derived from the configured key by HMAC, so that
 * one of them reveals nothing about another.
 *
 * <p>As {@link FieldEncryption} it also encrypts values of other modules under the same keys, such as
 * the secrets of authenticator apps.
 */
@Component
class MemberDataCipher implements FieldEncryption {

    /** What a value is, which selects the blind index and is authenticated with the ciphertext. */
    enum Purpose {
        PARTY_CARD, PHONE, EMAIL, BIRTH_DATE, CORRECTION
    }

    private static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int IDLE_CIPHERS = 64;

    private final SecureRandom random = new SecureRandom();

    /** Ciphers ready for another value; at most as many as requests decrypt at once, up to the bound. */
    private final BlockingQueue<Cipher> idleCiphers = new ArrayBlockingQueue<>(IDLE_CIPHERS);
    private final DerivedKeys current;
    private final Map<String, DerivedKeys> byId = new LinkedHashMap<>();

    MemberDataCipher(MemberCryptoProperties properties) {
        this.current = new DerivedKeys(SecretKeyFile.configuredOrStored(properties.dataKey(), properties.dataKeyFile(),
                "chibo.crypto.data-key", "CHIBO_DATA_KEY"));
        byId.put(current.id, current);
        for (String previous : properties.previousDataKeys()) {
            if (previous.strip().length() < SecretKeyFile.MINIMUM_KEY_LENGTH) {
                throw new IllegalArgumentException("Each of chibo.crypto.previous-data-keys must have at least "
                        + SecretKeyFile.MINIMUM_KEY_LENGTH + " characters");
            }
            var keys = new DerivedKeys(previous.strip().getBytes(StandardCharsets.UTF_8));
            byId.putIfAbsent(keys.id, keys);
        }
    }

    /** Returns the value encrypted under the current key, or null for null. */
    @Nullable String encrypt(Purpose purpose, @Nullable String value) {
        return value == null ? null : encrypt(purpose.name(), value);
    }

    @Override
    public String encrypt(String purpose, String value) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = borrowCipher();
            cipher.init(Cipher.ENCRYPT_MODE, current.encryption, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(purpose.getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
            idleCiphers.offer(cipher);
            byte[] stored = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
            return currentPrefix() + Base64.getEncoder().encodeToString(stored);
        }
        catch (GeneralSecurityException failure) {
            throw new IllegalStateException("AES-GCM is not available in this JDK", failure);
        }
    }

    /**
     * Returns the plain value of a stored one. A value without the prefix was written before
     * encryption existed and is returned as it is, until start-up encrypts it.
     *
     * @throws IllegalStateException when no configured key has the value's key id, or the value was altered
     */
    @Nullable String decrypt(Purpose purpose, @Nullable String stored) {
        return stored == null ? null : decrypt(purpose.name(), stored);
    }

    @Override
    public String decrypt(String purpose, String stored) {
        if (!isEncrypted(stored)) {
            return stored;
        }
        int separator = stored.indexOf(':', PREFIX.length());
        String keyId = separator < 0 ? "" : stored.substring(PREFIX.length(), separator);
        DerivedKeys keys = byId.get(keyId);
        if (keys == null) {
            throw new IllegalStateException("A stored " + purpose + " value is encrypted under key " + keyId
                    + ", which is neither chibo.crypto.data-key nor one of chibo.crypto.previous-data-keys");
        }
        try {
            byte[] packed = Base64.getDecoder().decode(stored.substring(separator + 1));
            Cipher cipher = borrowCipher();
            cipher.init(Cipher.DECRYPT_MODE, keys.encryption, new GCMParameterSpec(TAG_BITS, packed, 0, NONCE_BYTES));
            cipher.updateAAD(purpose.getBytes(StandardCharsets.US_ASCII));
            byte[] plain = cipher.doFinal(packed, NONCE_BYTES, packed.length - NONCE_BYTES);
            // Only a cipher that finished cleanly goes back; one that failed is left to the collector.
            idleCiphers.offer(cipher);
            return new String(plain, StandardCharsets.UTF_8);
        }
        catch (GeneralSecurityException | IllegalArgumentException failure) {
            // The message names neither the value nor the member, which the caller's log line adds by id.
            throw new IllegalStateException("A stored " + purpose + " value could not be decrypted: "
                    + failure.getClass().getSimpleName(), failure);
        }
    }

    /**
     * Returns an idle cipher, or a new one. Every use initializes it with its own key and nonce, so
     * nothing of one value carries over to the next. A roster of 36 members decrypts about 140 values,
     * and {@link Cipher#getInstance} searched the security providers each time: in a profile of the
     * meeting evening it took 60 % of the decryption time.
     */
    private Cipher borrowCipher() throws GeneralSecurityException {
        Cipher idle = idleCiphers.poll();
        return idle != null ? idle : Cipher.getInstance("AES/GCM/NoPadding");
    }

    /** Returns the blind index of a plain value under the current key, or null for null. */
    @Nullable String blindIndex(Purpose purpose, @Nullable String value) {
        if (value == null) {
            return null;
        }
        return blindIndex(current, purpose, value);
    }

    /**
     * Returns the blind indexes of a plain value under every configured key, the current one first.
     * While a key rotation is under way, some rows still hold the index under a previous key, so an
     * equality look-up must match any of these.
     */
    List<String> blindIndexes(Purpose purpose, String value) {
        return byId.values().stream().map(keys -> blindIndex(keys, purpose, value)).toList();
    }

    /** Returns the ids of the previous keys, which values may still be encrypted under until rotation ends. */
    List<String> previousKeyIds() {
        return byId.keySet().stream().filter(id -> !id.equals(current.id)).toList();
    }

    private static String blindIndex(DerivedKeys keys, Purpose purpose, String value) {
        return HexFormat.of().formatHex(hmac(keys.blindIndex, purpose.name() + "\0" + value));
    }

    @Override
    public boolean needsRewrite(@Nullable String stored) {
        return stored != null && !stored.startsWith(currentPrefix());
    }

    /** Returns how every value encrypted under the current key begins. The key id is hexadecimal. */
    String currentPrefix() {
        return PREFIX + current.id + ":";
    }

    static boolean isEncrypted(String stored) {
        return stored.startsWith(PREFIX);
    }

    private static byte[] hmac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        }
        catch (GeneralSecurityException failure) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this JDK", failure);
        }
    }

    /** The keys derived from one configured key, and the id that names it in stored values. */
    private static final class DerivedKeys {

        final String id;
        final SecretKeySpec encryption;
        final byte[] blindIndex;

        DerivedKeys(byte[] master) {
            this.encryption = new SecretKeySpec(hmac(master, "chibo member data encryption"), "AES");
            this.blindIndex = hmac(master, "chibo member blind index");
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(hmac(master, "chibo member key id"));
                this.id = HexFormat.of().formatHex(digest, 0, 4);
            }
            catch (GeneralSecurityException failure) {
                throw new IllegalStateException("SHA-256 is not available in this JDK", failure);
            }
        }
    }
}
