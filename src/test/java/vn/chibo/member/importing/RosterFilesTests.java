package vn.chibo.member.importing;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.chibo.member.NewMember;
import vn.chibo.testing.Fixtures;
import vn.chibo.testing.SampleFiles;

import static org.assertj.core.api.Assertions.assertThat;

class RosterFilesTests {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

    @ParameterizedTest
    @ValueSource(strings = { "roster-utf8.csv", "roster-cp1258.csv", "roster-nfd.csv", "roster.xlsx" })
    void sampleFileReadsAsExpectedRoster(String file) throws IOException {
        RawRoster roster = RosterFileReader.read(SampleFiles.roster(file), 2000);
        ImportPlan plan = ImportPlanner.plan(roster, TODAY, List.of());

        List<NewMember> expected = Fixtures.readRoster().stream().map(Fixtures.RosterEntry::toNewMember).toList();
        assertThat(plan.rows()).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            PlannedRow row = plan.rows().get(i);
            assertThat(row.row().errors()).as("errors of row %d", row.row().rowNumber()).isEmpty();
            assertThat(row.row().warnings()).as("warnings of row %d", row.row().rowNumber()).isEmpty();
            assertThat(row.outcome()).isEqualTo(RowOutcome.NEW);
            assertThat(row.target()).as("row %d", row.row().rowNumber()).usingRecursiveComparison()
                    .isEqualTo(expected.get(i));
        }
    }

}
