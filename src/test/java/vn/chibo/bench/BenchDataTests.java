package vn.chibo.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import vn.chibo.meeting.Meeting;
import vn.chibo.meeting.MeetingId;
import vn.chibo.meeting.MeetingStatus;
import vn.chibo.meeting.Meetings;
import vn.chibo.testing.SignIn;
import vn.chibo.testing.SqlTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The data set that the bench profile generates for the meeting-evening benchmark, and its no-op endpoint. */
@SqlTest
@AutoConfigureMockMvc
@ActiveProfiles("bench")
@TestPropertySource(properties = { "chibo.bench.cells=2", "chibo.bench.manifest=target/bench-tests/manifest.tsv" })
class BenchDataTests {

    private static final Path MANIFEST = Path.of("target/bench-tests/manifest.tsv");

    @Autowired
    MockMvc mvc;

    @Autowired
    Meetings meetings;

    @Autowired
    BenchProperties properties;

    @Test
    void manifestListsGeneratedCells() throws Exception {
        List<String[]> lines = Files.readAllLines(MANIFEST).stream().map(line -> line.split("\t")).toList();

        assertThat(lines).filteredOn(fields -> fields[0].equals("cell")).hasSize(2);
        assertThat(lines).filteredOn(fields -> fields[0].equals("member")).hasSize(2 * BenchData.CELL_SIZE);
        assertThat(lines).filteredOn(fields -> fields[0].equals("member") && fields[3].equals("true"))
                .hasSize(2 * (BenchData.CELL_SIZE - BenchCells.PROBATIONARY));
    }

    @Test
    void generatedMeetingsAreDraftsWithThreeItems() throws Exception {
        // The benchmark publishes them itself, as a secretary would.
        for (String[] cell : cells()) {
            Meeting meeting = meetings.get(MeetingId.of(Long.parseLong(cell[2])));

            assertThat(meeting.status()).isEqualTo(MeetingStatus.DRAFT);
            assertThat(meeting.agenda()).hasSize(3);
            assertThat(cell[3].split(",")).hasSize(3);
        }
    }

    @Test
    void generatedMemberReachesNoop() throws Exception {
        String member = Files.readAllLines(MANIFEST).stream().filter(line -> line.startsWith("member"))
                .map(line -> line.split("\t")[2]).skip(1).findFirst().orElseThrow();

        mvc.perform(get("/bench/noop").session(SignIn.withPasswordOnly(mvc, member, properties.password())))
                .andExpect(status().isNoContent());
    }

    private static List<String[]> cells() throws Exception {
        return Files.readAllLines(MANIFEST).stream().filter(line -> line.startsWith("cell"))
                .map(line -> line.split("\t")).toList();
    }
}
