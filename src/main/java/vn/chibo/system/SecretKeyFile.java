package vn.chibo.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A secret key kept in a file of its own, for a single embedded node that has no key configured:
 * 32 random bytes, URL-safe Base64 without padding, written once with owner-only permissions.
 * Several nodes must share one configured key instead, because each would generate its own.
 */
public final class SecretKeyFile {

    /** The minimum number of characters of a configured or stored key. */
    public static final int MINIMUM_KEY_LENGTH = 32;

    private static final Logger log = LoggerFactory.getLogger(SecretKeyFile.class);

    private SecretKeyFile() {
    }

    /**
     * Returns the configured key when it is set, else the key kept in the file, generated first when
     * the file does not exist yet.
     *
     * @param property the property that configures the key, for messages, such as {@code chibo.crypto.data-key}
     * @param variable the environment variable that sets the property, such as {@code CHIBO_DATA_KEY}
     * @throws IllegalArgumentException when the configured key is shorter than {@value #MINIMUM_KEY_LENGTH}
     */
    public static byte[] configuredOrStored(String configured, Path file, String property, String variable) {
        if (configured != null && !configured.isBlank()) {
            String key = configured.strip();
            if (key.length() < MINIMUM_KEY_LENGTH) {
                throw new IllegalArgumentException(property + " (" + variable + ") must have at least "
                        + MINIMUM_KEY_LENGTH + " characters, but has " + key.length());
            }
            return key.getBytes(StandardCharsets.UTF_8);
        }
        return stored(file, variable);
    }

    /** Reads the generated key, or generates and writes it when the file does not exist yet. */
    private static byte[] stored(Path file, String variable) {
        try {
            if (!Files.exists(file)) {
                generate(file, variable);
            }
            String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
            if (text.length() < MINIMUM_KEY_LENGTH) {
                throw new IllegalStateException("The key file " + file.toAbsolutePath() + " contains fewer than "
                        + MINIMUM_KEY_LENGTH + " characters; restore it from a backup");
            }
            return text.getBytes(StandardCharsets.US_ASCII);
        }
        catch (IOException failure) {
            throw new UncheckedIOException("Could not read or write the key file " + file.toAbsolutePath(), failure);
        }
    }

    /** Writes a new random key to a temporary file first, so that no reader ever sees a partial key. */
    private static void generate(Path file, String variable) throws IOException {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String text = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temporary = Files.createTempFile(folder, file.getFileName().toString(), ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            }
            catch (UnsupportedOperationException notPosix) {
                log.debug("The file system of {} has no POSIX permissions", folder);
            }
            Files.writeString(temporary, text, StandardCharsets.US_ASCII);
            Files.move(temporary, file);
            log.warn("Generated a key in {}; set {} instead when running more than one node", file.toAbsolutePath(),
                    variable);
        }
        catch (FileAlreadyExistsException anotherWriter) {
            log.debug("Another process wrote the key file {} first", file.toAbsolutePath());
        }
        finally {
            Files.deleteIfExists(temporary);
        }
    }
}
