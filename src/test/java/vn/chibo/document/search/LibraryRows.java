package vn.chibo.document.search;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import vn.chibo.account.Actor;
import vn.chibo.organization.Organization;
import vn.chibo.system.JdbcTime;
import vn.chibo.system.VietnameseText;

/**
 * Writes library rows straight into the tables, as the library stores them, so that search tests
 * choose every field and organization without going through uploads.
 */
final class LibraryRows {

    private final JdbcClient jdbc;
    private final Actor uploader;

    LibraryRows(JdbcClient jdbc, Actor uploader) {
        this.jdbc = jdbc;
        this.uploader = uploader;
    }

    /** Inserts a document with one version the way the library stores it, folded text included. */
    long document(Organization owner, String title, String number, String kind, String summary, String text) {
        Instant now = Instant.now();
        long account = uploader.accountId().value();
        String folded = VietnameseText.fold(String.join(" ", title, number == null ? "" : number,
                summary == null ? "" : summary, text));
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into library_document (owner_id, title, doc_number, issued_on, kind, classification, summary,
                    search_text, created_at, created_by, updated_at)
                values (:owner, :title, :number, :issued, :kind, 'INTERNAL', :summary, :folded, :now, :account, :now)
                """)
                .param("owner", owner.id().value()).param("title", title).param("number", number)
                .param("issued", LocalDate.of(2026, 12, 1)).param("kind", kind).param("summary", summary)
                .param("folded", folded).param("now", JdbcTime.param(now)).param("account", account)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        var fileKeys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into stored_file (storage_key, file_name, content_type, size_bytes, sha256, created_at)
                values (:key, 'van-ban.pdf', 'application/pdf', 1, :sha, :now)
                """)
                .param("key", "search-test-" + id + "-" + System.nanoTime()).param("sha", "0".repeat(64))
                .param("now", JdbcTime.param(now))
                .update(fileKeys, "id");
        jdbc.sql("""
                insert into library_document_version (document_id, version_no, stored_file_id, format, extracted_text,
                    uploaded_at, uploaded_by)
                values (:document, 1, :file, 'PDF', :text, :now, :account)
                """)
                .param("document", id).param("file", fileKeys.getKey().longValue()).param("text", text)
                .param("now", JdbcTime.param(now)).param("account", account)
                .update();
        return id;
    }

    void issue(long document, Organization recipient, boolean includeBelow) {
        jdbc.sql("""
                insert into library_distribution (document_id, organization_id, include_below, issued_at, issued_by)
                values (:document, :organization, :below, :now, :account)
                """)
                .param("document", document).param("organization", recipient.id().value())
                .param("below", includeBelow).param("now", JdbcTime.param(Instant.now()))
                .param("account", uploader.accountId().value())
                .update();
    }
}
