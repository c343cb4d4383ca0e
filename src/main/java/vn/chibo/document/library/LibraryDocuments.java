package vn.chibo.document.library;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.chibo.account.Actor;
import vn.chibo.document.Classification;
import vn.chibo.document.DocumentKind;
import vn.chibo.document.StoredFileId;
import vn.chibo.organization.OrganizationId;
import vn.chibo.system.JdbcTime;
import vn.chibo.system.NotFoundException;

/**
 * Reads the documents of the libraries an actor may open. Every query takes its condition from
 * {@link LibraryVisibility}, so that a withdrawn document, or one of a library the actor has no part in,
 * is found by no path.
 */
@Component
public class LibraryDocuments {

    /** Documents per page of the library list; a phone shows about this many before the reader gives up scrolling. */
    public static final int PAGE_SIZE = 30;

    private static final String COLUMNS = """
            d.id, d.owner_id, d.title, d.doc_number, d.issued_on, d.issuing_body, d.kind, d.classification,
            d.summary, d.created_at, d.created_by, d.updated_at, d.withdrawn_at""";

    /** Whether the member :member has not opened the document d; a condition of the list's columns. */
    static final String UNREAD = "not exists (select 1 from library_read r where r.document_id = d.id and r.member_id = :member)";

    private final JdbcClient jdbc;
    private final LibraryVisibility visibility;

    LibraryDocuments(JdbcClient jdbc, LibraryVisibility visibility) {
        this.jdbc = jdbc;
        this.visibility = visibility;
    }

    /** A filter of the library list; null fields do not filter. */
    public record ListFilter(@Nullable DocumentKind kind, @Nullable Long ownerId) {

        public static ListFilter none() {
            return new ListFilter(null, null);
        }
    }

    /**
     * One page of the library list.
     *
     * @param page the page shown, from 1
     * @param total how many documents match, on every page
     */
    public record ListPage<T>(List<T> entries, int page, int pageSize, int total) {

        /** Returns the number of pages, at least 1. */
        public int pages() {
            return Math.max(1, (total + pageSize - 1) / pageSize);
        }

        public boolean hasNext() {
            return page < pages();
        }
    }

    /**
     * Returns one page of the documents the actor may open, newest first. A page past the end is
     * empty.
     *
     * @param page the page wanted, from 1
     */
    public ListPage<LibraryEntry> list(Actor actor, ListFilter filter, int page, int pageSize) {
        requireValidPage(page, pageSize);
        int total = count(actor, filter);
        long offset = (long) (page - 1) * pageSize;
        List<LibraryEntry> entries = offset >= total ? List.of() : query(actor, filter, false, pageSize, offset);
        return new ListPage<>(entries, page, pageSize, total);
    }

    /**
     * Returns one page of the withdrawn documents of the given libraries, the latest withdrawal first.
     * Readers never see them; the caller passes only libraries that the actor manages.
     */
    public ListPage<WithdrawnEntry> withdrawn(Collection<OrganizationId> libraries, int page, int pageSize) {
        requireValidPage(page, pageSize);
        if (libraries.isEmpty()) {
            return new ListPage<>(List.of(), page, pageSize, 0);
        }
        List<Long> owners = libraries.stream().map(OrganizationId::value).toList();
        int total = jdbc.sql("select count(*) from library_document where withdrawn_at is not null and owner_id in (:owners)")
                .param("owners", owners)
                .query(Integer.class)
                .single();
        List<WithdrawnEntry> entries = jdbc.sql("""
                select d.id, d.title, d.doc_number, o.name as owner_name, d.withdrawn_at, a.display_name
                from library_document d
                join organization o on o.id = d.owner_id
                join account a on a.id = d.withdrawn_by
                where d.withdrawn_at is not null and d.owner_id in (:owners)
                order by d.withdrawn_at desc, d.id desc
                limit :limit offset :offset
                """)
                .param("owners", owners)
                .param("limit", pageSize)
                .param("offset", (long) (page - 1) * pageSize)
                .query((row, number) -> new WithdrawnEntry(LibraryDocumentId.of(row.getLong("id")),
                        row.getString("title"), row.getString("doc_number"), row.getString("owner_name"),
                        Objects.requireNonNull(JdbcTime.instant(row, "withdrawn_at")), row.getString("display_name")))
                .list();
        return new ListPage<>(entries, page, pageSize, total);
    }

    /**
     * Returns the document when it is withdrawn, without checking the actor. The caller checks that the actor manages
     * its library, and shows others not-found.
     */
    public Optional<LibraryDocument> findWithdrawn(LibraryDocumentId id) {
        return jdbc.sql("select " + COLUMNS + " from library_document d where d.id = :id and d.withdrawn_at is not null")
                .param("id", id.value())
                .query(this::document)
                .optional();
    }

    /** Returns who withdrew the document, by display name, or null when it is not withdrawn. */
    public @Nullable String withdrawnBy(LibraryDocumentId id) {
        return jdbc.sql("""
                select a.display_name from library_document d join account a on a.id = d.withdrawn_by where d.id = :id
                """)
                .param("id", id.value())
                .query(String.class)
                .optional()
                .orElse(null);
    }

    private static void requireValidPage(int page, int pageSize) {
        if (page < 1 || pageSize < 1) {
            throw new IllegalArgumentException("Pages count from 1 and hold at least one document, not page " + page
                    + " of " + pageSize);
        }
    }

    private int count(Actor actor, ListFilter filter) {
        LibraryVisibility.Condition visible = visibility.of(actor);
        StringBuilder sql = new StringBuilder("select count(*) from library_document d where ").append(visible.sql());
        Map<String, Object> parameters = new HashMap<>(visible.parameters());
        appendFilter(sql, parameters, filter);
        return jdbc.sql(sql.toString()).params(parameters).query(Integer.class).single();
    }

    private static void appendFilter(StringBuilder sql, Map<String, Object> parameters, ListFilter filter) {
        if (filter.kind() != null) {
            sql.append(" and d.kind = :kind");
            parameters.put("kind", filter.kind().name());
        }
        if (filter.ownerId() != null) {
            sql.append(" and d.owner_id = :owner");
            parameters.put("owner", filter.ownerId());
        }
    }

    private List<LibraryEntry> query(Actor actor, ListFilter filter, boolean unreadOnly, int limit, long offset) {
        LibraryVisibility.Condition visible = visibility.of(actor);
        StringBuilder sql = new StringBuilder("""
                select d.id, d.title, d.doc_number, d.issued_on, d.kind, d.classification, d.owner_id, o.name as owner_name,
                       d.created_at, %s as unread
                from library_document d join organization o on o.id = d.owner_id
                where\s""".formatted(actor.memberId() == null ? "false" : UNREAD)).append(visible.sql());
        Map<String, Object> parameters = new HashMap<>(visible.parameters());
        if (actor.memberId() != null) {
            parameters.put("member", actor.memberId());
        }
        appendFilter(sql, parameters, filter);
        if (unreadOnly) {
            sql.append(" and ").append(UNREAD);
        }
        sql.append(" order by d.created_at desc, d.id desc limit ").append(limit).append(" offset ").append(offset);
        return jdbc.sql(sql.toString())
                .params(parameters)
                .query(LibraryDocuments::entry)
                .list();
    }

    /**
     * Returns the documents the member behind the actor has not opened yet, newest first, at most
     * {@code limit}; empty for an account of no member, which gets no read receipts.
     */
    public List<LibraryEntry> unread(Actor actor, int limit) {
        if (actor.memberId() == null) {
            return List.of();
        }
        return query(actor, ListFilter.none(), true, limit, 0);
    }

    /** Returns the owners of the documents the actor may open, by id and name, for the list's filter. */
    public Map<Long, String> owners(Actor actor) {
        LibraryVisibility.Condition visible = visibility.of(actor);
        Map<Long, String> owners = new TreeMap<>();
        jdbc.sql("select distinct o.id, o.name from library_document d join organization o on o.id = d.owner_id where "
                        + visible.sql())
                .params(visible.parameters())
                .query((row, number) -> owners.put(row.getLong("id"), row.getString("name")))
                .list();
        return owners;
    }

    /** Returns the document when the actor may open it. */
    public Optional<LibraryDocument> find(Actor actor, LibraryDocumentId id) {
        LibraryVisibility.Condition visible = visibility.of(actor);
        return jdbc.sql("select " + COLUMNS + " from library_document d where d.id = :id and " + visible.sql())
                .params(visible.parameters())
                .param("id", id.value())
                .query(this::document)
                .optional();
    }

    /** Returns the document, or fails with not-found when it is missing, withdrawn or hidden from the actor. */
    public LibraryDocument get(Actor actor, LibraryDocumentId id) {
        return find(actor, id).orElseThrow(NotFoundException::hidden);
    }

    /** Returns every version of the document, the current (highest) first. The caller has checked visibility. */
    public List<DocumentVersion> versions(LibraryDocumentId id) {
        return jdbc.sql("""
                select v.id, v.document_id, v.version_no, v.stored_file_id, v.rendition_file_id, v.format, v.page_count,
                       v.note, v.uploaded_at, v.uploaded_by, a.display_name, f.file_name, f.size_bytes
                from library_document_version v
                join account a on a.id = v.uploaded_by
                join stored_file f on f.id = v.stored_file_id
                where v.document_id = :id order by v.version_no desc
                """)
                .param("id", id.value())
                .query(LibraryDocuments::version)
                .list();
    }

    /** Returns the current version of the document; every document has one from its creation on. */
    public DocumentVersion currentVersion(LibraryDocumentId id) {
        return versions(id).getFirst();
    }

    private LibraryDocument document(ResultSet row, int rowNumber) throws SQLException {
        long id = row.getLong("id");
        List<String> tags = jdbc.sql("select tag from library_document_tag where document_id = :id order by tag")
                .param("id", id)
                .query(String.class)
                .list();
        return new LibraryDocument(LibraryDocumentId.of(id), OrganizationId.of(row.getLong("owner_id")),
                row.getString("title"), row.getString("doc_number"), row.getObject("issued_on", LocalDate.class),
                row.getString("issuing_body"), DocumentKind.valueOf(row.getString("kind")),
                Classification.valueOf(row.getString("classification")), row.getString("summary"), tags,
                Objects.requireNonNull(JdbcTime.instant(row, "created_at")), row.getLong("created_by"),
                Objects.requireNonNull(JdbcTime.instant(row, "updated_at")), JdbcTime.instant(row, "withdrawn_at"));
    }

    private static LibraryEntry entry(ResultSet row, int rowNumber) throws SQLException {
        return new LibraryEntry(LibraryDocumentId.of(row.getLong("id")), row.getString("title"),
                row.getString("doc_number"), row.getObject("issued_on", LocalDate.class),
                DocumentKind.valueOf(row.getString("kind")), Classification.valueOf(row.getString("classification")),
                row.getLong("owner_id"), row.getString("owner_name"),
                Objects.requireNonNull(JdbcTime.instant(row, "created_at")), row.getBoolean("unread"));
    }

    private static DocumentVersion version(ResultSet row, int rowNumber) throws SQLException {
        Long rendition = row.getObject("rendition_file_id", Long.class);
        return new DocumentVersion(row.getLong("id"), LibraryDocumentId.of(row.getLong("document_id")),
                row.getInt("version_no"), StoredFileId.of(row.getLong("stored_file_id")),
                rendition == null ? null : StoredFileId.of(rendition), row.getString("format"),
                row.getObject("page_count", Integer.class), row.getString("note"),
                Objects.requireNonNull(JdbcTime.instant(row, "uploaded_at")), row.getLong("uploaded_by"),
                row.getString("display_name"), row.getString("file_name"), row.getLong("size_bytes"));
    }
}
