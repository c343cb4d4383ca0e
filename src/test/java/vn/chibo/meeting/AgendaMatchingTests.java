package vn.chibo.meeting;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/** How revised agenda items take over the ids of the earlier ones. */
class AgendaMatchingTests {

    /** The earlier agenda: A (id 1), B (id 2), C (id 3). */
    private static final List<AgendaItem> BEFORE = List.of(new AgendaItem(1L, "A", null),
            new AgendaItem(2L, "B", null), new AgendaItem(3L, "C", null));

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("unchanged", List.of("A", "B", "C"), ids(1L, 2L, 3L), Set.of()),
                Arguments.of("moved", List.of("C", "A", "B"), ids(3L, 1L, 2L), Set.of()),
                Arguments.of("renamed in place", List.of("A", "B2", "C"), ids(1L, 2L, 3L), Set.of()),
                Arguments.of("removed", List.of("A", "C"), ids(1L, 3L), Set.of(2L)),
                Arguments.of("added", List.of("A", "B", "N", "C"), ids(1L, 2L, null, 3L), Set.of()),
                Arguments.of("renamed and moved", List.of("B", "A", "C2"), ids(2L, 1L, 3L), Set.of()),
                Arguments.of("renamed and moved away", List.of("B2", "C", "A"), ids(null, 3L, 1L), Set.of(2L)),
                Arguments.of("renamed and removed", List.of("X"), ids(1L), Set.of(2L, 3L)),
                Arguments.of("duplicate titles", List.of("A", "A"), ids(1L, 2L), Set.of(3L)),
                Arguments.of("emptied", List.of(), ids(), Set.of(1L, 2L, 3L)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void keepsIdsOfMatchingItems(String name, List<String> titles, List<Long> expectedIds, Set<Long> removed) {
        List<AgendaItem> revised = titles.stream().map(title -> new AgendaItem(title, null)).toList();

        List<AgendaItem> kept = AgendaMatching.keepIds(BEFORE, revised);

        assertThat(kept).extracting(AgendaItem::title).containsExactlyElementsOf(titles);
        assertThat(kept).extracting(AgendaItem::id).containsExactlyElementsOf(expectedIds);
        assertThat(AgendaMatching.removedIds(BEFORE, kept)).isEqualTo(removed);
    }

    private static List<Long> ids(Long... ids) {
        return Arrays.asList(ids);
    }
}
