package vn.chibo.meeting;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One step of a meeting's agenda, in the order the list gives.
 *
 * @param id the row's id, null until saved. Spring Data JDBC rewrites the agenda rows on every save
 *     of the meeting, and it writes a saved item back with its id, so ids stay stable for the API and
 *     for what other modules attach to an item.
 */
@Table
public record AgendaItem(@Id @Nullable Long id, String title, @Nullable String description) {

    /** A new item, not saved yet. */
    public AgendaItem(String title, @Nullable String description) {
        this(null, title, description);
    }
}
