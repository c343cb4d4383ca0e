package vn.chibo.document.handbook;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.account.Actor;
import vn.chibo.audit.AuditEntry;
import vn.chibo.audit.AuditLog;
import vn.chibo.system.ForbiddenException;
import vn.chibo.system.InvalidInputException;
import vn.chibo.system.NotFoundException;

/**
 * Reading the handbook in the reader's language, with Vietnamese in place of a missing translation, and
 * editing it. Every signed-in account may read it; only a system administrator may edit it, and every
 * edit is kept as a new version and written to the audit trail.
 */
@Component
class Handbook {

    /** The maximum length of a page's Markdown, which keeps a page well inside the page-weight budget. */
    static final int MAX_MARKDOWN_LENGTH = 30_000;

    static final int MAX_TITLE_LENGTH = 200;

    private static final Logger log = LoggerFactory.getLogger(Handbook.class);

    private final HandbookPages pages;
    private final RenderedPages rendered;
    private final AuditLog audit;
    private final Clock clock;

    Handbook(HandbookPages pages, RenderedPages rendered, AuditLog audit, Clock clock) {
        this.pages = pages;
        this.rendered = rendered;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * A page as a reader sees it.
     *
     * @param language the language of the text shown, which differs from the one asked for when the
     *        page has no translation into it
     * @param fallback whether the Vietnamese text stands in for a missing translation
     */
    record PageView(HandbookTopic topic, HandbookLanguage language, String title, String html, boolean fallback,
            HandbookPage page) {
    }

    /** Returns the pages in the order of the contents, each in the language or else in Vietnamese. */
    List<PageView> contents(HandbookLanguage language) {
        var views = new ArrayList<PageView>();
        for (HandbookTopic topic : HandbookTopic.values()) {
            find(topic, language).ifPresent(views::add);
        }
        return views;
    }

    /** Returns the page in the language, or in Vietnamese when it has no translation. */
    PageView read(String slug, HandbookLanguage language) {
        HandbookTopic topic = topicOf(slug);
        return find(topic, language).orElseThrow(NotFoundException::hidden);
    }

    /** Returns the page in exactly this language, for the edit form, or empty when it has no text in it. */
    Optional<HandbookPage> forEditing(Actor actor, String slug, HandbookLanguage language) {
        requireEditor(actor);
        return pages.find(topicOf(slug), language);
    }

    /**
     * Stores an administrator's text of a page as its next version.
     *
     * @throws InvalidInputException when the title or the text is empty or too long
     */
    @Transactional
    int edit(Actor actor, String slug, HandbookLanguage language, String title, String markdown) {
        requireEditor(actor);
        HandbookTopic topic = topicOf(slug);
        String cleanTitle = title.strip();
        String cleanMarkdown = markdown.replace("\r\n", "\n").strip() + "\n";
        if (cleanTitle.isEmpty()) {
            throw new InvalidInputException("handbook.edit.error.titleMissing");
        }
        if (cleanTitle.length() > MAX_TITLE_LENGTH) {
            throw new InvalidInputException("handbook.edit.error.titleTooLong", MAX_TITLE_LENGTH);
        }
        if (cleanMarkdown.isBlank()) {
            throw new InvalidInputException("handbook.edit.error.textMissing");
        }
        if (cleanMarkdown.length() > MAX_MARKDOWN_LENGTH) {
            throw new InvalidInputException("handbook.edit.error.textTooLong", MAX_MARKDOWN_LENGTH);
        }

        int version = pages.save(topic, language, cleanTitle, cleanMarkdown, actor.accountId().value(),
                clock.instant());
        audit.record(new AuditEntry(actor.accountId().value(), null, "handbook.page.edited", "handbookPage",
                null, "slug=" + topic.slug() + " language=" + language.code() + " version=" + version));
        log.info("Handbook page {} ({}) saved as version {} by account {}", topic.slug(), language.code(), version,
                actor.accountId());
        return version;
    }

    String htmlOf(HandbookPage page) {
        return rendered.htmlOf(page);
    }

    int versionCount(String slug, HandbookLanguage language) {
        return pages.versionCount(topicOf(slug), language);
    }

    boolean mayEdit(Actor actor) {
        return actor.isAdministrator();
    }

    /** Fails with 403 unless the actor may edit the handbook; controllers call it before reading any input. */
    void requireEditor(Actor actor) {
        if (!mayEdit(actor)) {
            throw ForbiddenException.notAllowed();
        }
    }

    private Optional<PageView> find(HandbookTopic topic, HandbookLanguage language) {
        Optional<HandbookPage> page = pages.find(topic, language);
        boolean fallback = page.isEmpty() && language != HandbookLanguage.REFERENCE;
        if (fallback) {
            page = pages.find(topic, HandbookLanguage.REFERENCE);
        }
        return page.map(found -> new PageView(topic, found.language(), found.title(), rendered.htmlOf(found), fallback,
                found));
    }

    private static HandbookTopic topicOf(String slug) {
        return HandbookTopic.ofSlug(slug).orElseThrow(NotFoundException::hidden);
    }
}
