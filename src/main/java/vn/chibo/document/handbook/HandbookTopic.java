package vn.chibo.document.handbook;

import java.util.Arrays;
import java.util.Optional;

/**
 * The pages of the handbook, in the order of its contents. The slug names the page in its URL and in
 * the database, and the team's text of each page is the classpath file {@code handbook/LANGUAGE/SLUG.md}.
 */
enum HandbookTopic {

    CELL_MEETING("cell-meeting"),
    RIGHTS_AND_DUTIES("rights-and-duties"),
    USING_THE_APP("using-the-app"),
    QUESTIONS("questions");

    private final String slug;

    HandbookTopic(String slug) {
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }

    static Optional<HandbookTopic> ofSlug(String slug) {
        return Arrays.stream(values()).filter(topic -> topic.slug.equals(slug)).findFirst();
    }
}
