package vn.chibo.meeting;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Carries the ids of a meeting's agenda items over to its revised agenda, because the meeting form
 * sends titles and descriptions only. A revised item takes the id of an earlier item with the same
 * title, so moved items keep their ids. An item whose title changed takes the id of the earlier item
 * at the same position, unless another item already took that id. Every other item is new.
 */
final class AgendaMatching {

    private AgendaMatching() {
    }

    static List<AgendaItem> keepIds(List<AgendaItem> before, List<AgendaItem> revised) {
        Set<Long> taken = new HashSet<>();
        @Nullable Long[] ids = new Long[revised.size()];
        for (int i = 0; i < revised.size(); i++) {
            ids[i] = sameTitle(before, revised.get(i), taken);
        }
        for (int i = 0; i < revised.size(); i++) {
            if (ids[i] == null && i < before.size()) {
                Long samePlace = before.get(i).id();
                if (samePlace != null && taken.add(samePlace)) {
                    ids[i] = samePlace;
                }
            }
        }

        var kept = new ArrayList<AgendaItem>();
        for (int i = 0; i < revised.size(); i++) {
            kept.add(revised.get(i).withId(ids[i]));
        }
        return kept;
    }

    /** Returns the ids of the items of {@code before} that {@code after} no longer holds. */
    static Set<Long> removedIds(List<AgendaItem> before, List<AgendaItem> after) {
        Set<Long> removed = new HashSet<>();
        before.forEach(item -> {
            if (item.id() != null) {
                removed.add(item.id());
            }
        });
        after.forEach(item -> removed.remove(item.id()));
        return removed;
    }

    private static @Nullable Long sameTitle(List<AgendaItem> before, AgendaItem item, Set<Long> taken) {
        for (AgendaItem earlier : before) {
            if (earlier.id() != null && earlier.title().equals(item.title()) && !taken.contains(earlier.id())) {
                taken.add(earlier.id());
                return earlier.id();
            }
        }
        return null;
    }
}
