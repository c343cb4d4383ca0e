package vn.chibo.document.library;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import vn.chibo.document.Classification;
import vn.chibo.document.DocumentKind;
import vn.chibo.system.VietnameseText;

/**
 * What a manager states about a document: the fields of the upload and edit forms, cleaned of
 * invisible characters. {@link #problems} checks them against the column sizes of library_document.
 *
 * @param number số và ký hiệu, or null
 * @param issuedOn the date of issue, or null
 */
public record DocumentDetails(String title, @Nullable String number, @Nullable LocalDate issuedOn,
        @Nullable String issuingBody, DocumentKind kind, Classification classification, @Nullable String summary,
        List<String> tags) {

    /** No party document is older than the party: a date before it is a typing slip such as 01/01/0001. */
    static final LocalDate PARTY_FOUNDED = LocalDate.of(1930, 2, 3);

    public static final int MAX_TITLE = 300;
    public static final int MAX_NUMBER = 60;
    public static final int MAX_ISSUING_BODY = 200;
    public static final int MAX_SUMMARY = 2000;
    public static final int MAX_TAG = 60;
    public static final int MAX_TAGS = 10;

    public DocumentDetails {
        title = VietnameseText.clean(title);
        number = VietnameseText.cleanOrNull(number);
        issuingBody = VietnameseText.cleanOrNull(issuingBody);
        summary = summary == null || summary.isBlank() ? null : summary.strip();
        tags = cleanTags(tags);
    }

    /**
     * Returns the message key of each field that breaks a rule, by field name; empty when all are valid.
     *
     * @param today the current date where the organization is, after which no document can have been issued
     */
    public Map<String, String> problems(LocalDate today) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (title.isEmpty()) {
            problems.put("title", "document.error.titleMissing");
        }
        else if (title.length() > MAX_TITLE) {
            problems.put("title", "document.error.titleTooLong");
        }
        if (number != null && number.length() > MAX_NUMBER) {
            problems.put("number", "document.error.numberTooLong");
        }
        if (issuedOn != null && issuedOn.isAfter(today)) {
            problems.put("issuedOn", "document.error.issuedInFuture");
        }
        if (issuedOn != null && issuedOn.isBefore(PARTY_FOUNDED)) {
            problems.put("issuedOn", "document.error.issuedTooEarly");
        }
        if (issuingBody != null && issuingBody.length() > MAX_ISSUING_BODY) {
            problems.put("issuingBody", "document.error.issuingBodyTooLong");
        }
        if (summary != null && summary.length() > MAX_SUMMARY) {
            problems.put("summary", "document.error.summaryTooLong");
        }
        if (tags.size() > MAX_TAGS) {
            problems.put("tags", "document.error.tooManyTags");
        }
        else if (tags.stream().anyMatch(tag -> tag.length() > MAX_TAG)) {
            problems.put("tags", "document.error.tagTooLong");
        }
        return problems;
    }

    /** Returns the folded text of the details that search matches, without the file's text. */
    String searchText() {
        List<String> parts = new ArrayList<>();
        parts.add(title);
        if (number != null) {
            parts.add(number);
        }
        if (issuingBody != null) {
            parts.add(issuingBody);
        }
        if (summary != null) {
            parts.add(summary);
        }
        parts.addAll(tags);
        return VietnameseText.fold(String.join(" ", parts));
    }

    /** Cleans each tag, and drops empty ones and repeats that differ only in case or diacritics. */
    private static List<String> cleanTags(List<String> tags) {
        List<String> cleaned = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String tag : tags) {
            String text = VietnameseText.clean(tag);
            if (!text.isEmpty() && seen.add(VietnameseText.fold(text))) {
                cleaned.add(text);
            }
        }
        return List.copyOf(cleaned);
    }
}
