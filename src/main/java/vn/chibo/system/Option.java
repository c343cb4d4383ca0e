package vn.chibo.system;

/**
 * One choice of a select field, as the {@code fragments/forms :: select} fragment draws it.
 *
 * @param value the submitted value
 * @param label the text shown, already in the user's language
 */
public record Option(String value, String label) {
}
