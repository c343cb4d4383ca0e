package vn.chibo.account;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import vn.chibo.member.ActivityStatus;
import vn.chibo.member.MemberId;
import vn.chibo.member.MembershipStatus;
import vn.chibo.minutes.NarrativePart;
import vn.chibo.testing.ApiSignIn;
import vn.chibo.testing.EndpointCatalog;
import vn.chibo.testing.EndpointCatalog.SampleCell;
import vn.chibo.testing.Fixtures;
import vn.chibo.testing.SignIn;
import vn.chibo.testing.SqlTest;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Forms and API calls that check the input must first check that the user may act at all. Before,
 * a member who may see the cell but not run it got an input error (400, 422 or a redirect with a
 * message) for an empty form, and 403 only once the form was valid. Every case posts an empty form
 * or body as someone who may not act, and expects 403, or 404 where the object is a draft hidden
 * from that person.
 */
@SqlTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizeBeforeInputTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    EndpointCatalog catalog;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ApiSignIn apiSignIn;

    SampleCell cell;
    Actor member;
    MockHttpSession memberSession;

    @BeforeAll
    void signInMember() throws Exception {
        cell = catalog.sampleCell();
        MemberId record = fixtures.member(cell.cell(), "Cao Văn Mười Một", MembershipStatus.OFFICIAL,
                ActivityStatus.ACTIVE);
        member = fixtures.account(cell.cell(), record, Role.MEMBER);
        memberSession = SignIn.as(mvc, member);
    }

    @Test
    void memberStatusFormRejectsMemberFirst() throws Exception {
        mvc.perform(post("/cells/{cell}/members/{member}/status", cell.cell().id().value(), cell.member().value())
                .session(memberSession).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void memberStatusFormStillValidatesSecretary() throws Exception {
        Actor secretary = fixtures.account(cell.cell(), fixtures.member(cell.cell(), "Cao Văn Mười Hai",
                MembershipStatus.OFFICIAL, ActivityStatus.ACTIVE), Role.MEMBER, Role.CELL_SECRETARY);

        mvc.perform(post("/cells/{cell}/members/{member}/status", cell.cell().id().value(), cell.member().value())
                .session(SignIn.as(mvc, secretary)).with(csrf()))
                .andExpect(redirectedUrl("/cells/" + cell.cell().id().value() + "/members/" + cell.member().value()));
    }

    @Test
    void sendOutFormRejectsMemberFirst() throws Exception {
        mvc.perform(post("/cells/{cell}/members/{member}/send-out", cell.cell().id().value(), cell.member().value())
                .session(memberSession).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void minutesEditRejectsMemberFirst() throws Exception {
        mvc.perform(post("/meetings/{meeting}/minutes/parts/{code}", cell.closedMeeting().value(),
                NarrativePart.agendaItem(1).code()).session(memberSession).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void minutesApprovalRejectsMemberFirst() throws Exception {
        mvc.perform(post("/meetings/{meeting}/minutes/approval", cell.closedMeeting().value())
                .session(memberSession).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void resolutionEditHidesDraftFromMemberFirst() throws Exception {
        mvc.perform(post("/meetings/{meeting}/resolution", cell.closedMeeting().value())
                .session(memberSession).with(csrf()))
                .andExpect(status().isNotFound());
    }

    @Test
    void apiBallotRejectsNonVoterFirst() throws Exception {
        // The member is not marked present at the open meeting, so may not vote.
        mvc.perform(post("/api/v1/motions/{id}/ballot", cell.motion().value()).with(apiSignIn.as(member))
                .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void pageBallotRejectsNonVoterFirst() throws Exception {
        mvc.perform(post("/motions/{id}/ballot", cell.motion().value()).session(memberSession).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void apiResponseRejectsOfficerFirst() throws Exception {
        Actor officer = fixtures.accountWithoutMember(cell.committee(), Role.COMMITTEE_OFFICER);

        mvc.perform(put("/api/v1/meetings/{id}/response", cell.openMeeting().value()).with(apiSignIn.as(officer))
                .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void apiOpinionEditRejectsNonAuthorFirst() throws Exception {
        mvc.perform(put("/api/v1/opinions/{id}", cell.opinion().value()).with(apiSignIn.as(member))
                .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void apiOpinionPostRejectsOfficerFirst() throws Exception {
        Actor officer = fixtures.accountWithoutMember(cell.committee(), Role.COMMITTEE_OFFICER);
        long item = cell.agendaItems().get(cell.openMeeting());

        mvc.perform(post("/api/v1/meetings/{meeting}/agenda/{item}/opinions", cell.openMeeting().value(), item)
                .with(apiSignIn.as(officer)).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden());
    }
}
