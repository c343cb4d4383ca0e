package vn.chibo.discussion;

/**
 * An opinion as a reader sees it in a list.
 *
 * @param authorName the author's full name, or empty if the member record is gone
 * @param own whether the reader wrote it
 */
public record OpinionView(Opinion opinion, String authorName, boolean own) {
}
