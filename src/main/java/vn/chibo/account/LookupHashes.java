package vn.chibo.account;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keyed hashes (HMAC-SHA256) of values that must be found again but not stored in clear: an
 * account's phone number, a user name or a client address in the sign-in limits. Without the key
 * a stolen database does not reveal them, even though phone numbers are few enough to try them all.
 *
 * <p>The key is {@code chibo.crypto.lookup-key}; when that is blank, a random key is generated once
 * and kept in {@code chibo.crypto.lookup-key-file}. It is independent of any key that encrypts data.
 */
@Component
class LookupHashes {

    static final int MINIMUM_KEY_LENGTH = 32;

    private static final Logger log = LoggerFactory.getLogger(LookupHashes.class);
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    LookupHashes(AccountProperties properties) {
        this.key = new SecretKeySpec(keyBytes(properties.crypto()), ALGORITHM);
    }

    /** Returns the keyed hash of a phone number in national form, as stored in {@code account.phone_lookup}. */
    String phone(String nationalNumber) {
        return hash("phone", nationalNumber);
    }

    /** Returns the keyed hash of a value under a purpose, so that equal values of two purposes differ. */
    String hash(String purpose, String value) {
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
        String configured = crypto.lookupKey();
        if (configured != null && !configured.isBlank()) {
            if (configured.strip().length() < MINIMUM_KEY_LENGTH) {
                throw new IllegalArgumentException("chibo.crypto.lookup-key (CHIBO_LOOKUP_KEY) must have at least "
                        + MINIMUM_KEY_LENGTH + " characters, but has " + configured.strip().length());
            }
            return configured.strip().getBytes(StandardCharsets.UTF_8);
        }
        return fileKey(crypto.lookupKeyFile());
    }

    /** Reads the generated key, or generates and writes it when the file does not exist yet. */
    private static byte[] fileKey(Path file) {
        try {
            if (!Files.exists(file)) {
                generate(file);
            }
            String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
            if (text.length() < MINIMUM_KEY_LENGTH) {
                throw new IllegalStateException("The lookup key file " + file.toAbsolutePath() + " holds fewer than "
                        + MINIMUM_KEY_LENGTH + " characters; restore it from a backup");
            }
            return text.getBytes(StandardCharsets.US_ASCII);
        }
        catch (IOException failure) {
            throw new UncheckedIOException("Could not read or write the lookup key file " + file.toAbsolutePath(),
                    failure);
        }
    }

    /** Writes a new random key to a temporary file first, so that no reader ever sees a partial key. */
    private static void generate(Path file) throws IOException {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String text = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temporary = Files.createTempFile(folder, "lookup-key", ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            }
            catch (UnsupportedOperationException notPosix) {
                log.debug("The file system of {} has no POSIX permissions", folder);
            }
            Files.writeString(temporary, text, StandardCharsets.US_ASCII);
            Files.move(temporary, file);
            log.warn("Generated a lookup key in {}; set CHIBO_LOOKUP_KEY instead when running more than one node",
                    file.toAbsolutePath());
        }
        catch (FileAlreadyExistsException anotherWriter) {
            log.debug("Another process wrote the lookup key file first");
        }
        finally {
            Files.deleteIfExists(temporary);
        }
    }
}
