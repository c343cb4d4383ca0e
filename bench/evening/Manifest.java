import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The generated data set as the product wrote it (vn.chibo.bench.BenchManifest): cells, meetings, accounts. */
record Manifest(List<Cell> cells) {

    record Cell(long cellId, long meetingId, List<Long> agendaItemIds, String secretary, List<Member> members) {
    }

    record Member(String username, boolean mayVote) {
    }

    static Manifest read(Path file) throws IOException {
        Map<Long, Cell> cells = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            String[] fields = line.split("\t");
            switch (fields[0]) {
                case "cell" -> cells.put(Long.parseLong(fields[1]), new Cell(Long.parseLong(fields[1]),
                        Long.parseLong(fields[2]), Arrays.stream(fields[3].split(",")).map(Long::valueOf).toList(),
                        fields[4], new ArrayList<>()));
                case "member" -> cells.get(Long.parseLong(fields[1])).members()
                        .add(new Member(fields[2], Boolean.parseBoolean(fields[3])));
                default -> throw new IOException("Unknown line in the manifest " + file + ": " + line);
            }
        }
        return new Manifest(List.copyOf(cells.values()));
    }

    int memberCount() {
        return cells.stream().mapToInt(cell -> cell.members().size()).sum();
    }
}
