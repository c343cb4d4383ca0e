package vn.chibo.system;

import java.io.Serializable;

/**
 * A message shown once on the next page after a redirect, as the flash attribute {@code flash}
 * (success) or {@code flashError} (failure).
 *
 * @param key the message key
 * @param arguments the values for the key's placeholders; serializable, because flash messages are
 *        kept in the session, and sessions are stored in the database
 */
public record FlashMessage(String key, Object... arguments) implements Serializable {

    public static final String SUCCESS = "flash";
    public static final String ERROR = "flashError";
}
