package vn.chibo.organization;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import vn.chibo.account.Role;
import vn.chibo.account.RoleGrants;
import vn.chibo.meeting.MeetingFixtures;
import vn.chibo.meeting.MeetingId;
import vn.chibo.member.importing.RosterImports;
import vn.chibo.testing.SampleFiles;
import vn.chibo.testing.SignIn;
import vn.chibo.testing.SqlTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** An archived cell takes no new meetings, members or roles, and drops from lists, while its records stay readable. */
@SqlTest
@AutoConfigureMockMvc
class ArchivedOrganizationTests {

    @Autowired
    MeetingFixtures meetingFixtures;

    @Autowired
    OrganizationChanges changes;

    @Autowired
    RosterImports imports;

    @Autowired
    RoleGrants roleGrants;

    @Autowired
    MockMvc mvc;

    @Test
    void archivedCellTakesNothingNew() throws Exception {
        MeetingFixtures.Village village = meetingFixtures.village();
        Instant start = Instant.now().plus(Duration.ofDays(7));
        MeetingId earlier = meetingFixtures.draft(village, start);

        changes.archive(village.officer().accountId().value(), village.cell().id());

        assertThatThrownBy(() -> meetingFixtures.draft(village, start)).isInstanceOf(OrganizationArchived.class);
        assertThatThrownBy(() -> imports.upload(village.secretary(), village.cell().id(), "roster.csv",
                SampleFiles.roster("roster-utf8.csv")))
                .isInstanceOf(OrganizationArchived.class);
        assertThatThrownBy(() -> roleGrants.grant(village.officer(), village.cell().id(),
                village.member().accountId(), Role.CELL_SECRETARY))
                .isInstanceOf(OrganizationArchived.class)
                .hasMessage("organization.error.archived");
        mvc.perform(get("/meetings/{id}", earlier.value()).session(SignIn.as(mvc, village.secretary())))
                .andExpect(status().isOk());
        mvc.perform(get("/").session(SignIn.as(mvc, village.member())))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(village.cell().name()))));
        mvc.perform(get("/").session(SignIn.as(mvc, village.officer())))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(village.cell().name()))))
                .andExpect(content().string(containsString(village.otherCell().name())));
    }
}
