package vn.chibo.document;

import java.util.regex.Pattern;

import vn.chibo.system.VietnameseText;

/**
 * Makes an uploaded file's name safe to store, show and send back in a download: the last part of
 * the path only, in Unicode NFC, without control, format or bidirectional characters, without the
 * characters that Windows forbids in names ({@code < > : " / \ | ? *}), without leading dots or
 * trailing dots and spaces, never a reserved Windows device name (CON, PRN, AUX, NUL, COM1 to COM9,
 * LPT1 to LPT9, with any extension), and at most {@link #MAX_LENGTH} characters with the extension
 * kept. The store never uses the name as a path, but downloads hand it to the reader's system.
 */
public final class FileNames {

    /** The maximum length of a stored name, which is the length of the {@code stored_file.file_name} column. */
    public static final int MAX_LENGTH = 255;

    private static final Pattern FORBIDDEN = Pattern.compile("[<>:\"|?*]");
    private static final Pattern RESERVED = Pattern.compile("(?i)(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])");

    private FileNames() {
    }

    /**
     * Returns the safe form of the name, or the fallback when nothing of the name is left.
     *
     * @param fallback a safe name, such as "tai-lieu.pdf"
     */
    public static String safe(String name, String fallback) {
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        String cleaned = FORBIDDEN.matcher(VietnameseText.clean(base)).replaceAll("_");
        cleaned = cleaned.replaceAll("^[.\\s]+", "").replaceAll("[.\\s]+$", "");
        if (cleaned.isEmpty()) {
            return fallback;
        }
        int dot = cleaned.indexOf('.');
        String stem = dot < 0 ? cleaned : cleaned.substring(0, dot);
        if (RESERVED.matcher(stem.strip()).matches()) {
            cleaned = "_" + cleaned;
        }
        return shorten(cleaned);
    }

    private static String shorten(String name) {
        if (name.length() <= MAX_LENGTH) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot >= 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
        String stem = name.substring(0, MAX_LENGTH - extension.length());
        // A cut between the two halves of a surrogate pair would leave half a character.
        if (Character.isHighSurrogate(stem.charAt(stem.length() - 1))) {
            stem = stem.substring(0, stem.length() - 1);
        }
        return stem + extension;
    }
}
