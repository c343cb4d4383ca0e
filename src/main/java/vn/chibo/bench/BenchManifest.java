package vn.chibo.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The manifest of a generated data set, as tab-separated lines that the load generator under
 * {@code bench/} parses without a JSON library:
 * {@code cell <cellId> <meetingId> <agendaItemIds, comma-separated> <secretary's user name>}, then
 * one {@code member <cellId> <user name> <may vote: true or false>} per member, the secretary included.
 */
final class BenchManifest {

    /** A generated cell. */
    record Cell(long cellId, long meetingId, List<Long> agendaItemIds, String secretary, List<Member> members) {
    }

    /** A generated member's account; only official members may vote. */
    record Member(String username, boolean mayVote) {
    }

    private BenchManifest() {
    }

    static List<String> lines(List<Cell> cells) {
        var lines = new ArrayList<String>();
        for (Cell cell : cells) {
            String items = cell.agendaItemIds().stream().map(String::valueOf).collect(Collectors.joining(","));
            lines.add(String.join("\t", "cell", String.valueOf(cell.cellId()), String.valueOf(cell.meetingId()), items,
                    cell.secretary()));
            for (Member member : cell.members()) {
                lines.add(String.join("\t", "member", String.valueOf(cell.cellId()), member.username(),
                        String.valueOf(member.mayVote())));
            }
        }
        return lines;
    }
}
