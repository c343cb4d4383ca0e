package vn.chibo.document.handbook;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.springframework.stereotype.Component;

/**
 * The rendered HTML of each page and language, kept while the page's version stays the same. A new
 * version replaces the entry, so there is at most one entry per page and language (twelve today). On
 * another node of a cluster a stale entry is found stale by its version, which every read compares.
 */
@Component
class RenderedPages {

    private record Key(HandbookTopic topic, HandbookLanguage language) {
    }

    private record Entry(int version, String html) {
    }

    private final ConcurrentMap<Key, Entry> entries = new ConcurrentHashMap<>();
    private final MarkdownRenderer renderer;

    RenderedPages(MarkdownRenderer renderer) {
        this.renderer = renderer;
    }

    String htmlOf(HandbookPage page) {
        var key = new Key(page.topic(), page.language());
        Entry entry = entries.get(key);
        if (entry == null || entry.version() != page.version()) {
            entry = new Entry(page.version(), renderer.render(page.markdown()));
            entries.put(key, entry);
        }
        return entry.html();
    }
}
