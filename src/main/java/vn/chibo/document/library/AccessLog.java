package vn.chibo.document.library;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.chibo.account.Actor;
import vn.chibo.system.JdbcTime;

/** The log of every view and download of a document's content: who, which version, when and from where. */
@Component
public class AccessLog {

    /** The most entries the document page shows, the latest first. */
    public static final int SHOWN = 100;

    private final JdbcClient jdbc;

    AccessLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How the content was served: shown in the browser or saved as a file. */
    public enum Action {
        VIEW, DOWNLOAD,

        /** The offline app saved a copy on the reader's device; not a read until the reader opens it. */
        SAVED_OFFLINE
    }

    /**
     * One access.
     *
     * @param readerName the display name of the account
     * @param clientAddress the address the request came from, as the server saw it
     */
    public record Entry(Instant accessedAt, String readerName, int versionNo, Action action, boolean watermarked,
            @Nullable String clientAddress) {
    }

    /** Records an access; it runs inside the caller's transaction. */
    void record(Actor actor, DocumentVersion version, Action action, boolean watermarked,
            @Nullable String clientAddress, Instant now) {
        jdbc.sql("""
                insert into library_access (document_id, version_id, account_id, member_id, action, watermarked,
                                            client_address, accessed_at)
                values (:document, :version, :account, :member, :action, :watermarked, :address, :now)
                """)
                .param("document", version.documentId().value())
                .param("version", version.id())
                .param("account", actor.accountId().value())
                .param("member", actor.memberId())
                .param("action", action.name())
                .param("watermarked", watermarked)
                .param("address", clientAddress == null ? null : clientAddress.substring(0, Math.min(64,
                        clientAddress.length())))
                .param("now", JdbcTime.param(now))
                .update();
    }

    /** Returns the latest accesses of the document, at most {@link #SHOWN}. The caller has checked who may see them. */
    public List<Entry> latest(LibraryDocumentId document) {
        return jdbc.sql("""
                select la.accessed_at, a.display_name, v.version_no, la.action, la.watermarked, la.client_address
                from library_access la
                join account a on a.id = la.account_id
                join library_document_version v on v.id = la.version_id
                where la.document_id = :document order by la.accessed_at desc, la.id desc limit %d
                """.formatted(SHOWN))
                .param("document", document.value())
                .query((row, number) -> new Entry(Objects.requireNonNull(JdbcTime.instant(row, "accessed_at")),
                        row.getString("display_name"), row.getInt("version_no"), Action.valueOf(row.getString("action")),
                        row.getBoolean("watermarked"), row.getString("client_address")))
                .list();
    }
}
