package vn.chibo.account;

import java.time.Instant;

/**
 * A passkey registered to an account, as its owner sees it in the list.
 *
 * @param id the credential id, base64url-encoded as WebAuthn transmits it
 * @param label the name the owner gave the passkey when registering it
 * @param created when the passkey was registered
 * @param lastUsed when it last signed in, or when it was registered if it never has
 */
public record Passkey(String id, String label, Instant created, Instant lastUsed) {
}
