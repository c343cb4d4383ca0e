package vn.chibo.voting;

import java.util.ArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.chibo.account.Actor;
import vn.chibo.testing.ApiSignIn;
import vn.chibo.testing.SignIn;
import vn.chibo.testing.SqlTest;
import vn.chibo.testing.VillageMeetings;
import vn.chibo.testing.VillageMeetings.Village;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Secret ballots through the motion page and the API: the receipt code shown once, and checked after close. */
@SqlTest
@AutoConfigureMockMvc
class SecretBallotWebTests {

    private static final Pattern RECEIPT = Pattern.compile("id=\"receipt-code\"[^>]*>\\s*([0-9A-Z-]{32})");
    private static final Pattern ATTEMPT = Pattern.compile("name=\"attempt\" value=\"([A-Za-z0-9_.-]+)\"");

    @Autowired
    MockMvc mvc;

    @Autowired
    ApiSignIn api;

    @Autowired
    VillageMeetings villages;

    @Autowired
    MotionManagement management;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void pageShowsReceiptOnceAndChecksIt() throws Exception {
        Village village = villages.startedMeetingWithRoll();
        MotionId id = openSecret(village);
        MockHttpSession voter = SignIn.as(mvc, villages.accountOf(village, "Phạm Thị Ánh"));

        String page = mvc.perform(post("/motions/{id}/ballot", id.value()).session(voter).with(csrf())
                        .param("choice", "AGAINST").param("confirmed", "true"))
                .andExpect(status().isOk())
                .andExpect(flash().attributeCount(0))
                .andExpect(content().string(containsString("Đã ghi nhận phiếu kín của đồng chí.")))
                .andReturn().getResponse().getContentAsString();
        Matcher receipt = RECEIPT.matcher(page);
        assertThat(receipt.find()).as("receipt code on the page").isTrue();
        String code = receipt.group(1);

        mvc.perform(get("/motions/{id}", id.value()).session(voter))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(code))))
                .andExpect(content().string(not(containsString("Không tán thành"))))
                .andExpect(content().string(containsString("Đồng chí đã bỏ phiếu kín cho nội dung này.")));
        mvc.perform(post("/motions/{id}/ballot", id.value()).session(voter).with(csrf())
                        .param("choice", "FOR").param("confirmed", "true"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("Đồng chí đã bỏ phiếu kín cho nội dung này.")));
        mvc.perform(post("/motions/{id}/receipt-check", id.value()).session(voter).with(csrf()).param("code", code))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("Biểu quyết chưa kết thúc")));

        management.close(village.secretary(), id);

        mvc.perform(post("/motions/{id}/receipt-check", id.value()).session(voter).with(csrf()).param("code", code))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Phiếu mang mã này đã được kiểm, với ý kiến: Không tán thành.")));
        mvc.perform(post("/motions/{id}/receipt-check", id.value()).session(voter).with(csrf())
                        .param("code", "0000-0000-0000-0000-0000-0000-00"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Không có phiếu nào mang mã này")));
        mvc.perform(post("/motions/{id}/receipt-check", id.value()).session(voter).with(csrf()).param("code", "x"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Mã biên nhận không hợp lệ")));
    }

    /**
     * The confirmation form carries an attempt. Sent again after its response was lost, it shows the same
     * receipt and notes that the first ballot is kept; the API does the same for the app's attempt.
     */
    @Test
    void repeatedConfirmationShowsTheSameReceipt() throws Exception {
        Village village = villages.startedMeetingWithRoll();
        MotionId id = openSecret(village);
        MockHttpSession voter = SignIn.as(mvc, villages.accountOf(village, "Phạm Thị Ánh"));

        String confirmation = mvc.perform(post("/motions/{id}/ballot", id.value()).session(voter).with(csrf())
                        .param("choice", "FOR"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        Matcher field = ATTEMPT.matcher(confirmation);
        assertThat(field.find()).as("attempt in the confirmation form").isTrue();
        String attempt = field.group(1);
        var answers = new ArrayList<String>();
        for (int send = 0; send < 2; send++) {
            answers.add(mvc.perform(post("/motions/{id}/ballot", id.value()).session(voter).with(csrf())
                            .param("choice", "FOR").param("confirmed", "true").param("attempt", attempt))
                    .andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString());
        }

        assertThat(answers.get(0)).contains("Đã ghi nhận phiếu kín của đồng chí.");
        assertThat(answers.get(1)).contains("Phiếu kín của đồng chí đã được ghi nhận từ lần gửi trước");
        Matcher first = RECEIPT.matcher(answers.get(0));
        Matcher second = RECEIPT.matcher(answers.get(1));
        assertThat(first.find() && second.find()).isTrue();
        assertThat(second.group(1)).isEqualTo(first.group(1));

        Actor member = villages.accountOf(village, "Nguyễn Văn Thắng");
        JsonNode listed = json.readTree(mvc.perform(get("/api/v1/meetings/{id}/motions", village.meeting().value())
                        .with(api.as(member)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).get("motions").get(0);
        String body = "{\"choice\":\"AGAINST\",\"attempt\":\"" + listed.get("ballotAttempt").asString() + "\"}";
        var codes = new ArrayList<String>();
        for (String receipt : new String[] { "RECORDED", "ALREADY_RECORDED" }) {
            JsonNode answer = json.readTree(mvc.perform(post("/api/v1/motions/{id}/ballot", id.value())
                            .with(api.as(member)).contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString());
            assertThat(answer.get("receipt").asString()).isEqualTo(receipt);
            assertThat(answer.get("choice").isNull()).isEqualTo(receipt.equals("ALREADY_RECORDED"));
            codes.add(answer.get("receiptCode").asString());
        }
        assertThat(codes.get(1)).isEqualTo(codes.get(0));
        JsonNode afterwards = json.readTree(mvc.perform(get("/api/v1/meetings/{id}/motions", village.meeting().value())
                        .with(api.as(member)))
                .andReturn().getResponse().getContentAsString()).get("motions").get(0);
        assertThat(afterwards.get("ballotAttempt").isNull()).isTrue();
    }

    @Test
    void apiHidesChoiceAndReturnsReceipt() throws Exception {
        Village village = villages.startedMeetingWithRoll();
        MotionId id = openSecret(village);
        Actor voter = villages.accountOf(village, "Phạm Thị Ánh");

        JsonNode answer = json.readTree(mvc.perform(post("/api/v1/motions/{id}/ballot", id.value())
                        .with(api.as(voter)).contentType(MediaType.APPLICATION_JSON).content("{\"choice\":\"FOR\"}"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        String code = answer.get("receiptCode").asString();
        assertThat(code).hasSize(32);
        mvc.perform(post("/api/v1/motions/{id}/ballot", id.value()).with(api.as(voter))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"choice\":\"FOR\"}"))
                .andExpect(status().isConflict());

        JsonNode motion = json.readTree(mvc.perform(get("/api/v1/meetings/{id}/motions", village.meeting().value())
                        .with(api.as(voter)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).get("motions").get(0);
        assertThat(motion.get("method").asString()).isEqualTo("SECRET");
        assertThat(motion.get("myChoice").isNull()).isTrue();
        assertThat(motion.get("iVoted").asBoolean()).isTrue();
        assertThat(motion.get("progress").get("voted").asInt()).isEqualTo(1);
        assertThat(motion.get("progress").get("eligible").asInt()).isEqualTo(24);
        assertThat(motion.get("result").isNull()).isTrue();

        management.close(village.secretary(), id);

        JsonNode check = json.readTree(mvc.perform(post("/api/v1/motions/{id}/receipt-check", id.value())
                        .with(api.as(village.secretary())).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"" + code + "\"}"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(check.get("counted").asBoolean()).isTrue();
        assertThat(check.get("choice").asString()).isEqualTo("FOR");
        mvc.perform(post("/api/v1/motions/{id}/receipt-check", id.value()).with(api.as(voter))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest());
    }

    private MotionId openSecret(Village village) {
        return management.open(village.secretary(), village.meeting(),
                new MotionRequest(MotionKind.RESOLUTION, VotingMethod.SECRET, "Biểu quyết kín", null, null));
    }
}
