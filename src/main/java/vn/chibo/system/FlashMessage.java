package vn.chibo.system;

/**
 * A message shown once on the next page after a redirect, as the flash attribute {@code flash}
 * (success) or {@code flashError} (failure).
 *
 * @param key the message key
 * @param arguments the values for the key's placeholders
 */
public record FlashMessage(String key, Object... arguments) {

    public static final String SUCCESS = "flash";
    public static final String ERROR = "flashError";
}
