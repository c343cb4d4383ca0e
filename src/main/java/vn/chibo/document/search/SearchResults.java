package vn.chibo.document.search;

import java.util.List;

/**
 * One page of results.
 *
 * @param total how many visible documents hold every term
 * @param ranked how many of them were ranked; when fewer than the total, only the most recently changed
 *     {@link LibrarySearch#MAX_RANKED} were, and the page says to narrow the search
 * @param page the page number, from 1
 */
public record SearchResults(String query, long total, int ranked, int page, int pageSize, List<SearchHit> hits) {

    public SearchResults {
        hits = List.copyOf(hits);
    }

    static SearchResults empty(String query, int pageSize) {
        return new SearchResults(query, 0, 0, 1, pageSize, List.of());
    }

    public int pages() {
        return Math.max(1, (ranked + pageSize - 1) / pageSize);
    }

    public boolean hasNext() {
        return page < pages();
    }

    public boolean truncated() {
        return ranked < total;
    }
}
