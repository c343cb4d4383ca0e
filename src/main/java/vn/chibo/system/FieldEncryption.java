package vn.chibo.system;

import org.jspecify.annotations.Nullable;

/**
 * Encryption at rest of single values under {@code chibo.crypto.data-key} ({@code CHIBO_DATA_KEY}), with
 * AES-256-GCM. The member module implements it for party card and phone numbers, and other modules
 * use the same keys through this interface, so that there is one data key to configure and to rotate.
 *
 * <p>The purpose is authenticated with each value, so that a value copied into a column of another
 * purpose fails to decrypt. A purpose is a constant of upper-case letters and underscores, such as
 * {@code TOTP_SECRET}.
 */
public interface FieldEncryption {

    /** Returns the value encrypted under the current data key. */
    String encrypt(String purpose, String value);

    /**
     * Returns the plain value of a stored one.
     *
     * @throws IllegalStateException when no configured key encrypted the value, or the value was altered
     */
    String decrypt(String purpose, String stored);

    /** Returns whether a stored value must be written again: in plain text, or under a previous key. */
    boolean needsRewrite(@Nullable String stored);
}
