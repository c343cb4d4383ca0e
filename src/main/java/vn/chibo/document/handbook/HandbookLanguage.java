package vn.chibo.document.handbook;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The languages the handbook is written in. Vietnamese is the reference that the others translate. */
enum HandbookLanguage {

    VI("vi"),
    EN("en"),
    DE("de");

    static final HandbookLanguage REFERENCE = VI;

    private final String code;

    HandbookLanguage(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    static Optional<HandbookLanguage> ofCode(String code) {
        return Arrays.stream(values()).filter(language -> language.code.equals(code)).findFirst();
    }

    /** Returns the language of the locale, or Vietnamese for any language the handbook is not written in. */
    static HandbookLanguage of(Locale locale) {
        return ofCode(locale.getLanguage()).orElse(REFERENCE);
    }
}
