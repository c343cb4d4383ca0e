package vn.chibo.document.library;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.chibo.system.JdbcTime;

/** Read receipts: which member opened which document's content, first and last, and how often. */
@Component
class ReadReceipts {

    private final JdbcClient jdbc;

    ReadReceipts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records that the member opened the document's content now. It runs inside the caller's transaction. */
    void record(LibraryDocumentId document, long member, Instant now) {
        if (bump(document, member, now) > 0) {
            return;
        }
        try {
            jdbc.sql("""
                    insert into library_read (document_id, member_id, first_opened_at, last_opened_at, open_count)
                    values (:document, :member, :now, :now, 1)
                    """)
                    .param("document", document.value())
                    .param("member", member)
                    .param("now", JdbcTime.param(now))
                    .update();
        }
        catch (DuplicateKeyException concurrent) {
            // The same member opened the document in another request at the same moment: count this opening too.
            bump(document, member, now);
        }
    }

    /** Returns the members who have opened the document. */
    Set<Long> readers(LibraryDocumentId document) {
        List<Long> members = jdbc.sql("select member_id from library_read where document_id = :document")
                .param("document", document.value())
                .query(Long.class)
                .list();
        return members.stream().collect(Collectors.toUnmodifiableSet());
    }

    private int bump(LibraryDocumentId document, long member, Instant now) {
        return jdbc.sql("""
                update library_read set last_opened_at = :now, open_count = open_count + 1
                where document_id = :document and member_id = :member
                """)
                .param("document", document.value())
                .param("member", member)
                .param("now", JdbcTime.param(now))
                .update();
    }
}
