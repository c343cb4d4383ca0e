package vn.chibo.document.handbook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.chibo.system.JdbcTime;

/** The handbook's pages and every earlier text of them, in the tables handbook_page and handbook_page_version. */
@Component
class HandbookPages {

    private final JdbcClient jdbc;

    HandbookPages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<HandbookPage> find(HandbookTopic topic, HandbookLanguage language) {
        return jdbc.sql("""
                select slug, language, title, markdown, version, updated_at, updated_by
                from handbook_page where slug = :slug and language = :language
                """)
                .param("slug", topic.slug())
                .param("language", language.code())
                .query(HandbookPages::map)
                .optional();
    }

    /**
     * Stores a new text of the page as its next version, and keeps the text it replaces in the version
     * table. The caller holds the transaction, so that the text and its audit entry are saved together.
     *
     * @param author the account that wrote the text, or null for the team's text loaded at start
     * @return the number of the new version
     */
    int save(HandbookTopic topic, HandbookLanguage language, String title, String markdown, @Nullable Long author,
            Instant now) {
        Optional<HandbookPage> current = lockCurrent(topic, language);
        int version = current.map(page -> page.version() + 1).orElse(1);
        String sql = current.isPresent()
                ? """
                  update handbook_page set title = :title, markdown = :markdown, version = :version,
                         updated_at = :now, updated_by = :author
                  where slug = :slug and language = :language
                  """
                : """
                  insert into handbook_page (slug, language, title, markdown, version, updated_at, updated_by)
                  values (:slug, :language, :title, :markdown, :version, :now, :author)
                  """;
        jdbc.sql(sql)
                .param("slug", topic.slug())
                .param("language", language.code())
                .param("title", title)
                .param("markdown", markdown)
                .param("version", version)
                .param("now", JdbcTime.param(now))
                .param("author", author)
                .update();
        jdbc.sql("""
                insert into handbook_page_version (slug, language, version, title, markdown, created_at, created_by)
                values (:slug, :language, :version, :title, :markdown, :now, :author)
                """)
                .param("slug", topic.slug())
                .param("language", language.code())
                .param("version", version)
                .param("title", title)
                .param("markdown", markdown)
                .param("now", JdbcTime.param(now))
                .param("author", author)
                .update();
        return version;
    }

    /** Returns how many texts the page has had, the current one included. */
    int versionCount(HandbookTopic topic, HandbookLanguage language) {
        return jdbc.sql("select count(*) from handbook_page_version where slug = :slug and language = :language")
                .param("slug", topic.slug())
                .param("language", language.code())
                .query(Integer.class)
                .single();
    }

    // Two administrators saving the same page at once get consecutive versions, not the same number twice.
    private Optional<HandbookPage> lockCurrent(HandbookTopic topic, HandbookLanguage language) {
        return jdbc.sql("""
                select slug, language, title, markdown, version, updated_at, updated_by
                from handbook_page where slug = :slug and language = :language for update
                """)
                .param("slug", topic.slug())
                .param("language", language.code())
                .query(HandbookPages::map)
                .optional();
    }

    private static HandbookPage map(ResultSet row, int rowNumber) throws SQLException {
        return new HandbookPage(HandbookTopic.ofSlug(row.getString("slug")).orElseThrow(),
                HandbookLanguage.ofCode(row.getString("language")).orElseThrow(), row.getString("title"),
                row.getString("markdown"), row.getInt("version"),
                Objects.requireNonNull(JdbcTime.instant(row, "updated_at")), row.getObject("updated_by", Long.class));
    }
}
