package vn.chibo.document.search;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.chibo.account.Actor;
import vn.chibo.document.Classification;
import vn.chibo.document.DocumentKind;
import vn.chibo.document.library.LibraryVisibility;
import vn.chibo.system.VietnameseText;

/**
 * Searches the documents an actor may open, by title, number, issuing body, summary, tags and the
 * text extracted from the file, without regard to diacritics.
 *
 * <p>Matching runs in the database on the folded {@code search_text} with LIKE, the same on H2 and
 * PostgreSQL, and always under {@link LibraryVisibility}'s condition, so that neither the results nor the
 * count nor the suggestions reveal a document the actor may not open. Ranking runs here: a word in the
 * number or title weighs more than one in the text, and the whole phrase more than its words apart.
 */
@Component
public class LibrarySearch {

    private static final Logger log = LoggerFactory.getLogger(LibrarySearch.class);

    /** Results per page; a phone shows about this many before the reader gives up scrolling. */
    public static final int PAGE_SIZE = 10;

    /**
     * The maximum number of documents ranked for one query, the most recently changed first. More would
     * cost every query more than it helps, so the page asks the reader to add a word instead.
     */
    public static final int MAX_RANKED = 500;

    /** How much of a file's text a snippet is looked for in; matches further on show the summary. */
    private static final int SNIPPET_SOURCE = 200_000;

    private static final int MAX_SUGGESTIONS = 6;

    private final JdbcClient jdbc;
    private final LibraryVisibility visibility;

    LibrarySearch(JdbcClient jdbc, LibraryVisibility visibility) {
        this.jdbc = jdbc;
        this.visibility = visibility;
    }

    /**
     * Returns one page of the visible documents that hold every word of the query, best first.
     *
     * @param rawQuery what the reader typed; blank finds nothing
     * @param page the page wanted, from 1; a page past the end gives the last one
     * @throws vn.chibo.system.InvalidInputException when the query is too long or has too many words
     */
    public SearchResults search(Actor actor, @Nullable String rawQuery, int page) {
        SearchQuery query = SearchQuery.parse(rawQuery);
        if (query.isEmpty()) {
            return SearchResults.empty(query.text(), PAGE_SIZE);
        }

        List<Candidate> candidates = candidates(actor, query, MAX_RANKED + 1);
        long total = candidates.size() > MAX_RANKED ? count(actor, query) : candidates.size();
        List<Candidate> ranked = candidates.stream()
                .limit(MAX_RANKED)
                .sorted(Comparator.comparingDouble((Candidate each) -> -each.score(query))
                        .thenComparing(Candidate::id, Comparator.reverseOrder()))
                .toList();

        int pages = Math.max(1, (ranked.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int shown = Math.min(Math.max(page, 1), pages);
        List<Candidate> onPage = ranked.stream().skip((long) (shown - 1) * PAGE_SIZE).limit(PAGE_SIZE).toList();
        Map<Long, String> texts = texts(onPage);
        List<SearchHit> hits = onPage.stream().map(each -> each.hit(query, texts.get(each.id()))).toList();
        log.debug("Library search by account {}: {} words, {} found, page {}", actor.accountId(),
                query.terms().size(), total, shown);
        return new SearchResults(query.text(), total, ranked.size(), shown, PAGE_SIZE, hits);
    }

    /**
     * Returns titles of visible documents that contain every word typed so far, those whose title
     * contains them first, for the list under the search box.
     */
    public List<Suggestion> suggest(Actor actor, @Nullable String rawQuery) {
        SearchQuery query = SearchQuery.parse(rawQuery);
        if (query.isEmpty()) {
            return List.of();
        }
        return candidates(actor, query, 50).stream()
                .sorted(Comparator.comparingInt((Candidate each) -> each.titleHits(query) == query.terms().size() ? 0 : 1)
                        .thenComparing(each -> -each.score(query)))
                .limit(MAX_SUGGESTIONS)
                .map(each -> new Suggestion(each.id(), each.title(), each.number()))
                .toList();
    }

    /** A document offered under the search box while the reader types. */
    public record Suggestion(long documentId, String title, @Nullable String number) {
    }

    private List<Candidate> candidates(Actor actor, SearchQuery query, int limit) {
        LibraryVisibility.Condition visible = visibility.of(actor);
        Map<String, Object> parameters = new HashMap<>(visible.parameters());
        StringBuilder occurrences = new StringBuilder("0");
        StringBuilder matching = new StringBuilder();
        for (int index = 0; index < query.terms().size(); index++) {
            String term = query.terms().get(index);
            parameters.put("term" + index, SearchQuery.containsPattern(term));
            parameters.put("word" + index, term);
            matching.append(" and d.search_text like :term").append(index).append(" escape '\\'");
            occurrences.append(" + (length(d.search_text) - length(replace(d.search_text, :word").append(index)
                    .append(", ''))) / ").append(term.length());
        }
        parameters.put("phrase", SearchQuery.containsPattern(query.phrase()));
        parameters.put("limit", limit);
        Map<Long, List<String>> tags = new HashMap<>();
        List<Candidate> found = jdbc.sql("""
                select d.id, d.title, d.doc_number, d.issued_on, d.issuing_body, d.kind, d.classification,
                       d.summary, o.name as owner_name, %s as occurrences,
                       case when d.search_text like :phrase escape '\\' then 1 else 0 end as phrase_found
                from library_document d join organization o on o.id = d.owner_id
                where %s %s
                order by d.updated_at desc, d.id desc
                limit :limit
                """.formatted(occurrences, visible.sql(), matching))
                .params(parameters)
                .query((row, number) -> map(row, tags))
                .list();
        loadTags(found, tags);
        return found;
    }

    private long count(Actor actor, SearchQuery query) {
        LibraryVisibility.Condition visible = visibility.of(actor);
        Map<String, Object> parameters = new HashMap<>(visible.parameters());
        StringBuilder matching = new StringBuilder();
        for (int index = 0; index < query.terms().size(); index++) {
            parameters.put("term" + index, SearchQuery.containsPattern(query.terms().get(index)));
            matching.append(" and d.search_text like :term").append(index).append(" escape '\\'");
        }
        return jdbc.sql("select count(*) from library_document d where " + visible.sql() + matching)
                .params(parameters)
                .query(Long.class)
                .single();
    }

    private static Candidate map(ResultSet row, Map<Long, List<String>> tags) throws SQLException {
        long id = row.getLong("id");
        tags.put(id, new ArrayList<>());
        return new Candidate(id, row.getString("title"), row.getString("doc_number"),
                row.getObject("issued_on", LocalDate.class), row.getString("issuing_body"),
                DocumentKind.valueOf(row.getString("kind")), Classification.valueOf(row.getString("classification")),
                row.getString("summary"), row.getString("owner_name"), row.getLong("occurrences"),
                row.getInt("phrase_found") == 1, tags.get(id));
    }

    private void loadTags(List<Candidate> found, Map<Long, List<String>> tags) {
        if (found.isEmpty()) {
            return;
        }
        jdbc.sql("select document_id, folded_tag from library_document_tag where document_id in (:ids)")
                .param("ids", found.stream().map(Candidate::id).toList())
                .query((row, number) -> tags.get(row.getLong("document_id")).add(row.getString("folded_tag")))
                .list();
    }

    /** Reads the start of the current version's text of each document on the page, for its snippet. */
    private Map<Long, String> texts(List<Candidate> onPage) {
        Map<Long, String> texts = new HashMap<>();
        if (onPage.isEmpty()) {
            return texts;
        }
        jdbc.sql("""
                select v.document_id, substring(v.extracted_text, 1, %d) as text
                from library_document_version v
                where v.document_id in (:ids) and v.extracted_text is not null
                  and v.version_no = (select max(latest.version_no) from library_document_version latest
                                      where latest.document_id = v.document_id)
                """.formatted(SNIPPET_SOURCE))
                .param("ids", onPage.stream().map(Candidate::id).toList())
                .query((row, number) -> texts.put(row.getLong("document_id"), row.getString("text")))
                .list();
        return texts;
    }

    /** A matching document with what ranking needs; the folded fields are folded once, when asked. */
    private record Candidate(long id, String title, @Nullable String number, @Nullable LocalDate issuedOn,
            @Nullable String issuingBody, DocumentKind kind, Classification classification, @Nullable String summary,
            String ownerName, long occurrences, boolean phraseFound, List<String> tags) {

        /**
         * Scores the document. Each word found in the number weighs 12, in the title 10, in a tag 6, in
         * the summary 4 and in the issuing body 3. Occurrences in the whole text add their logarithm, so
         * that a long text does not win by length, and the whole phrase adds more.
         */
        double score(SearchQuery query) {
            String foldedTitle = VietnameseText.fold(title);
            String foldedNumber = number == null ? "" : VietnameseText.fold(number);
            String foldedSummary = summary == null ? "" : VietnameseText.fold(summary);
            String foldedBody = issuingBody == null ? "" : VietnameseText.fold(issuingBody);
            double score = 0;
            for (String term : query.terms()) {
                score += foldedNumber.contains(term) ? 12 : 0;
                score += foldedTitle.contains(term) ? 10 : 0;
                score += tags.stream().anyMatch(tag -> tag.contains(term)) ? 6 : 0;
                score += foldedSummary.contains(term) ? 4 : 0;
                score += foldedBody.contains(term) ? 3 : 0;
            }
            score += Math.log1p(occurrences);
            if (query.terms().size() > 1) {
                score += foldedTitle.contains(query.phrase()) ? 15 : 0;
                score += foldedSummary.contains(query.phrase()) ? 6 : 0;
                score += phraseFound ? 4 : 0;
            }
            return score;
        }

        int titleHits(SearchQuery query) {
            String foldedTitle = VietnameseText.fold(title);
            return (int) query.terms().stream().filter(foldedTitle::contains).count();
        }

        SearchHit hit(SearchQuery query, @Nullable String text) {
            // The snippet comes from whichever of summary and text matches the query better, so that a
            // summary with one word of three does not hide a text that contains the whole phrase.
            String body = text == null ? null : VietnameseText.clean(text);
            int summaryFit = summary == null ? -1 : Snippet.fit(summary, query.terms());
            int bodyFit = body == null ? -1 : Snippet.fit(body, query.terms());
            Optional<Snippet> snippet = Optional.empty();
            if (body != null && bodyFit > summaryFit) {
                snippet = Snippet.around(body, query.terms());
            }
            if (snippet.isEmpty() && summary != null) {
                snippet = Snippet.around(summary, query.terms());
            }
            if (snippet.isEmpty() && body != null) {
                snippet = Snippet.around(body, query.terms());
            }
            if (snippet.isEmpty() && summary != null) {
                snippet = Optional.of(Snippet.opening(summary));
            }
            return new SearchHit(id, Snippet.marked(title, query.terms()), number, issuedOn, kind, classification,
                    ownerName, snippet.orElse(null), score(query));
        }
    }
}
