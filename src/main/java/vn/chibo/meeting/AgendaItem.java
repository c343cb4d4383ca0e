package vn.chibo.meeting;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One step of a meeting's agenda, in the order the list gives.
 *
 * <p>Spring Data JDBC deletes and inserts a meeting's agenda rows on every save. An item that carries
 * its id is inserted again under that id, so ids stay stable for the API and for what other modules
 * attach to an item (opinions do). {@link Meeting} keeps the ids when the agenda is revised.
 *
 * @param id the item's row id, or null for an item that has not been saved yet
 */
@Table
public record AgendaItem(@Id @Nullable Long id, String title, @Nullable String description) {

    @PersistenceCreator
    public AgendaItem {
    }

    /** Creates an item that has not been saved yet; saving the meeting gives it an id. */
    public AgendaItem(String title, @Nullable String description) {
        this(null, title, description);
    }

    /** Returns this item under the given id; Spring Data JDBC calls it after inserting a new item. */
    public AgendaItem withId(@Nullable Long id) {
        return new AgendaItem(id, title, description);
    }
}
