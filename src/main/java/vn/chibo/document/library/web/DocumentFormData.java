package vn.chibo.document.library.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import vn.chibo.document.Classification;
import vn.chibo.document.DocumentKind;
import vn.chibo.document.library.DocumentDetails;
import vn.chibo.document.library.LibraryDocument;
import vn.chibo.system.Formats;

/**
 * The fields of the upload and edit forms as typed. The classification offers the three secret levels
 * too, so that a manager who picks one learns why the library refuses it.
 *
 * @param owner the id of the library, on upload only
 * @param issuedOn the date of issue as dd/MM/yyyy
 * @param tags the tags separated by commas
 * @param noSecrecyStamp whether the manager confirms that the file carries no secrecy stamp
 */
record DocumentFormData(@Nullable Long owner, @Nullable String title, @Nullable String number,
        @Nullable String issuedOn, @Nullable String issuingBody, @Nullable String kind,
        @Nullable String classification, @Nullable String summary, @Nullable String tags,
        @Nullable Boolean noSecrecyStamp) {

    /** The secret levels a manager may pick, only to be refused: Mật, Tối mật, Tuyệt mật. */
    static final List<String> SECRET_LEVELS = List.of("SECRET", "TOP_SECRET", "ABSOLUTE_SECRET");

    /** The date of issue as dd/MM/yyyy, strict so that 31/02/2026 is refused rather than moved. */
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    static DocumentFormData empty() {
        return new DocumentFormData(null, null, null, null, null, null, Classification.INTERNAL.name(), null, null,
                null);
    }

    static DocumentFormData of(LibraryDocument document) {
        return new DocumentFormData(document.ownerId().value(), document.title(), document.number(),
                document.issuedOn() == null ? null : Formats.DATE.format(document.issuedOn()), document.issuingBody(),
                document.kind().name(), document.classification().name(), document.summary(),
                String.join(", ", document.tags()), true);
    }

    /** Returns the secret level picked, if one was. */
    @Nullable String secretLevel() {
        return classification != null && SECRET_LEVELS.contains(classification) ? classification : null;
    }

    /** Returns the message key of each field that cannot be read or is missing, by field name. */
    Map<String, String> problems(boolean upload) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (upload && owner == null) {
            problems.put("owner", "document.error.ownerMissing");
        }
        if (kindOrNull() == null) {
            problems.put("kind", "document.error.kindMissing");
        }
        if (classificationOrNull() == null) {
            problems.put("classification", "document.error.classificationMissing");
        }
        if (issuedOn != null && !issuedOn.isBlank() && issuedOnOrNull() == null) {
            problems.put("issuedOn", "document.error.issuedOnInvalid");
        }
        if (upload && !Boolean.TRUE.equals(noSecrecyStamp)) {
            problems.put("noSecrecyStamp", "document.error.stampNotConfirmed");
        }
        return problems;
    }

    /** Returns the details; call it only when {@link #problems} found none for the kind and classification. */
    DocumentDetails details() {
        return new DocumentDetails(title == null ? "" : title, number, issuedOnOrNull(), issuingBody,
                Objects.requireNonNull(kindOrNull()), Objects.requireNonNull(classificationOrNull()),
                summary, tags == null ? List.of() : Arrays.asList(tags.split("[,;]")));
    }

    private @Nullable DocumentKind kindOrNull() {
        return parse(DocumentKind.class, kind);
    }

    private @Nullable Classification classificationOrNull() {
        return parse(Classification.class, classification);
    }

    private @Nullable LocalDate issuedOnOrNull() {
        if (issuedOn == null || issuedOn.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(issuedOn.strip(), DATE);
        }
        catch (DateTimeParseException invalid) {
            return null;
        }
    }

    private static <E extends Enum<E>> @Nullable E parse(Class<E> type, @Nullable String value) {
        if (value == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        return null;
    }
}
