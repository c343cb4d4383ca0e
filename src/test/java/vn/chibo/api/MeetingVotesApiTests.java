package vn.chibo.api;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.chibo.account.Actor;
import vn.chibo.voting.BallotChoice;
import vn.chibo.voting.MotionId;
import vn.chibo.voting.MotionKind;
import vn.chibo.voting.MotionManagement;
import vn.chibo.voting.MotionRequest;
import vn.chibo.voting.ShowOfHandsCount;
import vn.chibo.voting.VotingMethod;
import vn.chibo.testing.ApiSignIn;
import vn.chibo.testing.SqlTest;
import vn.chibo.testing.VillageMeetings;
import vn.chibo.testing.VillageMeetings.Village;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The votes of a meeting and ballots through the API, at the village meeting with its usual roll. */
@SqlTest
@AutoConfigureMockMvc
class MeetingVotesApiTests {

    private static final String VOTER = "Phạm Thị Ánh";

    @Autowired
    MockMvc mvc;

    @Autowired
    ApiSignIn api;

    @Autowired
    VillageMeetings villages;

    @Autowired
    MotionManagement management;

    @Autowired
    JdbcClient jdbc;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void resultAppearsOnlyAfterClose() throws Exception {
        Village village = villages.startedMeetingWithRoll();
        MotionId id = management.open(village.secretary(), village.meeting(), "Biểu quyết thông qua Nghị quyết");
        Actor voter = villages.accountOf(village, VOTER);
        management.cast(voter, id, BallotChoice.FOR);

        JsonNode open = motionsOf(village, voter).get(0);
        assertThat(open.get("status").asString()).isEqualTo("OPEN");
        assertThat(open.get("result").isNull()).isTrue();
        assertThat(open.get("myChoice").asString()).isEqualTo("FOR");
        assertThat(open.get("myStanding").asString()).isEqualTo("ELIGIBLE");
        assertThat(open.get("kind").asString()).isEqualTo("RESOLUTION");
        assertThat(open.get("method").asString()).isEqualTo("ELECTRONIC");

        management.close(village.secretary(), id);

        JsonNode result = motionsOf(village, voter).get(0).get("result");
        assertThat(result.get("votesFor").asInt()).isEqualTo(1);
        assertThat(result.get("notVoting").asInt()).isEqualTo(24);
        assertThat(result.get("denominator").asInt()).isEqualTo(25);
        assertThat(result.get("threshold").asString()).isEqualTo("MORE_THAN_HALF");
        assertThat(result.get("votesNeeded").asInt()).isEqualTo(13);
        assertThat(result.get("passed").asBoolean()).isFalse();
        assertThat(result.get("eligibleVotersPresent").asInt()).isEqualTo(24);
        assertThat(result.get("participationPercent").asInt()).isEqualTo(4);
        assertThat(result.get("excluded").valueStream().map(each -> each.get("fullName").asString()).toList())
                .hasSize(8)
                .contains(VillageMeetings.EXCUSED);
    }

    @Test
    void personVoteShowsSubjectAndThreshold() throws Exception {
        Village village = villages.startedMeetingWithRoll();
        MotionId id = management.open(village.secretary(), village.meeting(), new MotionRequest(MotionKind.ADMISSION,
                VotingMethod.SHOW_OF_HANDS, null, "Lê Văn Tâm", null));
        management.recordShowOfHands(village.secretary(), id, new ShowOfHandsCount(17, 4, 1));

        JsonNode motion = motionsOf(village, villages.accountOf(village, VOTER)).get(0);

        assertThat(motion.get("kind").asString()).isEqualTo("ADMISSION");
        assertThat(motion.get("method").asString()).isEqualTo("SHOW_OF_HANDS");
        assertThat(motion.get("subject").get("fullName").asString()).isEqualTo("Lê Văn Tâm");
        assertThat(motion.get("subject").get("memberId").isNull()).isTrue();
        assertThat(motion.get("result").get("threshold").asString()).isEqualTo("TWO_THIRDS");
        assertThat(motion.get("result").get("votesNeeded").asInt()).isEqualTo(17);
        assertThat(motion.get("result").get("passed").asBoolean()).isTrue();
        assertThat(motion.get("result").get("notVoting").asInt()).isEqualTo(2);
        assertThat(motion.get("result").get("participationPercent").asInt()).isEqualTo(92);
    }

    @Test
    void retriedBallotReturnsAcceptedOne() throws Exception {
        Village village = villages.startedMeetingWithRoll();
        MotionId id = management.open(village.secretary(), village.meeting(), "Biểu quyết thông qua Nghị quyết");
        Actor voter = villages.accountOf(village, VOTER);

        JsonNode first = read(ballot(voter, id, "{\"choice\":\"AGAINST\"}").andExpect(status().isOk()));
        JsonNode retry = read(ballot(voter, id, "{\"choice\":\"AGAINST\"}").andExpect(status().isOk()));
        ballot(voter, id, "{\"choice\":\"FOR\"}").andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));

        assertThat(first.get("receipt").asString()).isEqualTo("RECORDED");
        assertThat(first.get("choice").asString()).isEqualTo("AGAINST");
        assertThat(first.get("motionId").asLong()).isEqualTo(id.value());
        assertThat(retry.get("receipt").asString()).isEqualTo("ALREADY_RECORDED");
        assertThat(retry.get("choice").asString()).isEqualTo("AGAINST");
        assertThat(ballotsOf(id)).containsExactly("AGAINST");
    }

    @Test
    void invalidBallotsRejectedWithReason() throws Exception {
        Village village = villages.startedMeetingWithRoll();
        MotionId id = management.open(village.secretary(), village.meeting(), "Biểu quyết thông qua Nghị quyết");
        Actor voter = villages.accountOf(village, VOTER);
        Actor probationary = villages.accountOf(village, VillageMeetings.PROBATIONARY.get(0));

        ballot(voter, id, "{}").andExpect(status().isBadRequest());
        ballot(voter, id, "{\"choice\":\"MAYBE\"}").andExpect(status().isUnprocessableContent());
        String detail = read(ballot(probationary, id, "{\"choice\":\"FOR\"}").andExpect(status().isForbidden()))
                .get("detail").asString();

        assertThat(detail).isEqualTo("Đồng chí là đảng viên dự bị: được dự họp và phát biểu ý kiến nhưng không "
                + "biểu quyết.");
        assertThat(ballotsOf(id)).isEmpty();
    }

    @Test
    void showOfHandsTakesNoBallot() throws Exception {
        Village village = villages.startedMeetingWithRoll();
        MotionId id = management.open(village.secretary(), village.meeting(), new MotionRequest(MotionKind.RESOLUTION,
                VotingMethod.SHOW_OF_HANDS, "Biểu quyết giơ tay", null, null));

        ballot(villages.accountOf(village, VOTER), id, "{\"choice\":\"FOR\"}").andExpect(status().isConflict());

        assertThat(ballotsOf(id)).isEmpty();
    }

    @Test
    void otherCellAnswers404() throws Exception {
        Village village = villages.startedMeetingWithRoll();
        Village other = villages.publishedMeeting();
        MotionId id = management.open(village.secretary(), village.meeting(), "Biểu quyết thông qua Nghị quyết");

        mvc.perform(get("/api/v1/meetings/{id}/motions", village.meeting().value()).with(api.as(other.secretary())))
                .andExpect(status().isNotFound());
        ballot(other.secretary(), id, "{\"choice\":\"FOR\"}").andExpect(status().isNotFound());
    }

    private JsonNode motionsOf(Village village, Actor actor) throws Exception {
        JsonNode body = read(mvc.perform(get("/api/v1/meetings/{id}/motions", village.meeting().value())
                .with(api.as(actor))).andExpect(status().isOk()));
        assertThat(body.get("meetingId").asLong()).isEqualTo(village.meeting().value());
        return body.get("motions");
    }

    private ResultActions ballot(Actor actor, MotionId id, String body) throws Exception {
        return mvc.perform(post("/api/v1/motions/{id}/ballot", id.value()).with(api.as(actor))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private List<String> ballotsOf(MotionId id) {
        return jdbc.sql("select choice from ballot where motion_id = :motion")
                .param("motion", id.value())
                .query(String.class)
                .list();
    }

    private JsonNode read(ResultActions actions) throws Exception {
        return json.readTree(actions.andReturn().getResponse().getContentAsString());
    }
}
