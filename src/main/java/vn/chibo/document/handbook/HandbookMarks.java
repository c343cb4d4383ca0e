package vn.chibo.document.handbook;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.account.Actor;
import vn.chibo.system.InvalidInputException;
import vn.chibo.system.JdbcTime;
import vn.chibo.system.NotFoundException;
import vn.chibo.system.PersonalDataSource;

/**
 * Each account's bookmarks and notes on handbook pages. They are private: every method reads or
 * changes only the rows of the account that calls it, and no page or API shows them to anyone else, an
 * administrator or a secretary included. The holder exports them with their own data and may delete
 * them all. Nothing is audited, because the audit trail is read by others and the notes are the holder's
 * own text.
 */
@Component
class HandbookMarks implements PersonalDataSource {

    static final int MAX_NOTE_LENGTH = 4_000;

    private static final Logger log = LoggerFactory.getLogger(HandbookMarks.class);

    private final JdbcClient jdbc;
    private final Clock clock;

    HandbookMarks(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The account's marks on one page. */
    record PageMarks(boolean bookmarked, @Nullable String note) {
    }

    /** One page that the account bookmarked or wrote a note on. */
    record Mark(HandbookTopic topic, boolean bookmarked, @Nullable String note, @Nullable Instant noteUpdatedAt) {
    }

    PageMarks on(Actor actor, HandbookTopic topic) {
        boolean bookmarked = jdbc.sql("select count(*) from handbook_bookmark where account_id = :account and slug = :slug")
                .param("account", actor.accountId().value())
                .param("slug", topic.slug())
                .query(Integer.class)
                .single() > 0;
        Optional<String> note = jdbc.sql("select body from handbook_note where account_id = :account and slug = :slug")
                .param("account", actor.accountId().value())
                .param("slug", topic.slug())
                .query(String.class)
                .optional();
        return new PageMarks(bookmarked, note.orElse(null));
    }

    /** Returns the account's bookmarks and notes in the order of the handbook's contents. */
    List<Mark> of(Actor actor) {
        return java.util.Arrays.stream(HandbookTopic.values())
                .map(topic -> {
                    PageMarks marks = on(actor, topic);
                    Instant noteUpdatedAt = marks.note() == null ? null : noteUpdatedAt(actor, topic);
                    return new Mark(topic, marks.bookmarked(), marks.note(), noteUpdatedAt);
                })
                .filter(mark -> mark.bookmarked() || mark.note() != null)
                .toList();
    }

    @Transactional
    void bookmark(Actor actor, String slug, boolean on) {
        HandbookTopic topic = topicOf(slug);
        long account = actor.accountId().value();
        jdbc.sql("delete from handbook_bookmark where account_id = :account and slug = :slug")
                .param("account", account)
                .param("slug", topic.slug())
                .update();
        if (on) {
            jdbc.sql("insert into handbook_bookmark (account_id, slug, created_at) values (:account, :slug, :now)")
                    .param("account", account)
                    .param("slug", topic.slug())
                    .param("now", JdbcTime.param(clock.instant()))
                    .update();
        }
    }

    /**
     * Saves the account's note on the page, or deletes it when the text is blank.
     *
     * @throws InvalidInputException when the note is longer than {@link #MAX_NOTE_LENGTH}
     */
    @Transactional
    void saveNote(Actor actor, String slug, String body) {
        HandbookTopic topic = topicOf(slug);
        String text = body.replace("\r\n", "\n").strip();
        if (text.length() > MAX_NOTE_LENGTH) {
            throw new InvalidInputException("handbook.note.error.tooLong", MAX_NOTE_LENGTH);
        }
        long account = actor.accountId().value();
        jdbc.sql("delete from handbook_note where account_id = :account and slug = :slug")
                .param("account", account)
                .param("slug", topic.slug())
                .update();
        if (!text.isEmpty()) {
            jdbc.sql("insert into handbook_note (account_id, slug, body, updated_at) values (:account, :slug, :body, :now)")
                    .param("account", account)
                    .param("slug", topic.slug())
                    .param("body", text)
                    .param("now", JdbcTime.param(clock.instant()))
                    .update();
        }
    }

    /** Deletes every bookmark and note of the account. */
    @Transactional
    void deleteAll(Actor actor) {
        long account = actor.accountId().value();
        int bookmarks = jdbc.sql("delete from handbook_bookmark where account_id = :account").param("account", account)
                .update();
        int notes = jdbc.sql("delete from handbook_note where account_id = :account").param("account", account)
                .update();
        log.info("Account {} deleted its handbook marks: {} bookmarks, {} notes", actor.accountId(), bookmarks, notes);
    }

    @Override
    public List<Section> sectionsOf(long memberId, @Nullable Long accountId) {
        return accountId == null ? List.of() : sectionsOfAccount(accountId);
    }

    @Override
    public List<Section> sectionsOfAccount(long accountId) {
        List<Map<String, @Nullable Object>> bookmarks = jdbc.sql("""
                select slug, created_at from handbook_bookmark where account_id = :account order by slug
                """)
                .param("account", accountId)
                .query()
                .listOfRows();
        List<Map<String, @Nullable Object>> notes = jdbc.sql("""
                select slug, body, updated_at from handbook_note where account_id = :account order by slug
                """)
                .param("account", accountId)
                .query()
                .listOfRows();
        return List.of(new Section("handbookBookmarks", bookmarks), new Section("handbookNotes", notes));
    }

    @Override
    public int order() {
        return 80;
    }

    private @Nullable Instant noteUpdatedAt(Actor actor, HandbookTopic topic) {
        return jdbc.sql("select updated_at from handbook_note where account_id = :account and slug = :slug")
                .param("account", actor.accountId().value())
                .param("slug", topic.slug())
                .query((row, number) -> Objects.requireNonNull(JdbcTime.instant(row, "updated_at")))
                .optional()
                .orElse(null);
    }

    private static HandbookTopic topicOf(String slug) {
        return HandbookTopic.ofSlug(slug).orElseThrow(NotFoundException::hidden);
    }
}
