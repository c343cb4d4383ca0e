package vn.chibo.meeting;

import org.jspecify.annotations.Nullable;
import org.springframework.data.relational.core.mapping.Table;

/** One step of a meeting's agenda, in the order the list gives. */
@Table
public record AgendaItem(String title, @Nullable String description) {
}
