package vn.chibo.voting;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import vn.chibo.account.Actor;
import vn.chibo.account.Role;
import vn.chibo.audit.AuditEntry;
import vn.chibo.audit.AuditLog;
import vn.chibo.meeting.MeetingManagement;
import vn.chibo.meeting.Meetings;
import vn.chibo.member.ActivityStatus;
import vn.chibo.member.MembershipStatus;
import vn.chibo.testing.Fixtures;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SqlTest
@AutoConfigureMockMvc
class VotingWebTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    VillageMeetings villages;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MotionManagement management;

    @Autowired
    Motions motions;

    @Autowired
    AuditLog audit;

    @Autowired
    Meetings meetings;

    @Autowired
    MeetingManagement meetingManagement;

    @Autowired
    JdbcClient jdbc;

    @Test
    void chairOpensVoteWithSuggestedTitle() throws Exception {
        Village village = villages.meetingInProgress();
        MockHttpSession chair = SignIn.as(mvc, village.secretary());

        mvc.perform(get("/meetings/{id}/motions", village.meeting().value()).session(chair))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"Biểu quyết thông qua Nghị quyết chi bộ tháng ")));

        mvc.perform(post("/meetings/{id}/motions", village.meeting().value()).session(chair).with(csrf())
                        .param("title", "Biểu quyết thông qua Nghị quyết chi bộ tháng 12/2026"))
                .andExpect(status().is3xxRedirection());
        Motion motion = motions.openOf(village.meeting()).orElseThrow();
        assertThat(motion.title()).isEqualTo("Biểu quyết thông qua Nghị quyết chi bộ tháng 12/2026");

        mvc.perform(post("/meetings/{id}/motions", village.meeting().value()).session(chair).with(csrf())
                        .param("title", "Lần hai"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("chưa kết thúc")));
    }

    @Test
    void openVoteRejectsEmptyTitle() throws Exception {
        Village village = villages.meetingInProgress();
        MockHttpSession chair = SignIn.as(mvc, village.secretary());

        mvc.perform(post("/meetings/{id}/motions", village.meeting().value()).session(chair).with(csrf())
                        .param("title", "  "))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Xin nhập nội dung biểu quyết.")));
        assertThat(motions.ofMeeting(village.meeting())).isEmpty();
    }

    @Test
    void plainMemberCannotOpenOrClose() throws Exception {
        Village village = villages.meetingInProgress();
        villages.takeRoll(village);
        MotionId id = management.open(village.secretary(), village.meeting(), "Biểu quyết thông qua Nghị quyết");
        MockHttpSession member = SignIn.as(mvc, villages.accountOf(village, "Phạm Thị Ánh"));

        mvc.perform(post("/meetings/{id}/motions", village.meeting().value()).session(member).with(csrf())
                        .param("title", "Biểu quyết"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/motions/{id}/close", id.value()).session(member).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(motions.get(id).isOpen()).isTrue();
    }

    @Test
    void memberConfirmsBeforeBallotCounts() throws Exception {
        Village village = villages.meetingInProgress();
        villages.takeRoll(village);
        MotionId id = management.open(village.secretary(), village.meeting(), "Biểu quyết thông qua Nghị quyết");
        MockHttpSession member = SignIn.as(mvc, villages.accountOf(village, "Phạm Thị Ánh"));

        mvc.perform(get("/motions/{id}", id.value()).session(member))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"choice\" value=\"FOR\"")))
                .andExpect(content().string(containsString("name=\"choice\" value=\"AGAINST\"")))
                .andExpect(content().string(containsString("name=\"choice\" value=\"ABSTAIN\"")));

        mvc.perform(post("/motions/{id}/ballot", id.value()).session(member).with(csrf()).param("choice", "AGAINST"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Đồng chí chọn: Không tán thành")))
                .andExpect(content().string(containsString("type=\"hidden\" name=\"choice\" value=\"AGAINST\"")))
                .andExpect(content().string(containsString("name=\"confirmed\" value=\"true\"")))
                .andExpect(content().string(containsString(">Xác nhận</button>")))
                .andExpect(content().string(containsString(">Chọn lại</a>")))
                .andExpect(content().string(not(containsString("hx-trigger"))));
        assertThat(ballotsOf(id)).isEmpty();

        mvc.perform(get("/motions/{id}", id.value()).session(member).header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"choice\" value=\"FOR\"")))
                .andExpect(content().string(not(containsString("Đồng chí chọn:"))));
        mvc.perform(post("/motions/{id}/ballot", id.value()).session(member).with(csrf()).param("choice", "FOR")
                        .header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"motion-panel\"")))
                .andExpect(content().string(containsString("Đồng chí chọn: Tán thành")))
                .andExpect(content().string(not(containsString("<html"))));
        assertThat(ballotsOf(id)).isEmpty();

        mvc.perform(post("/motions/{id}/ballot", id.value()).session(member).with(csrf()).param("choice", "FOR")
                        .param("confirmed", "true"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/motions/" + id.value()));
        assertThat(ballotsOf(id)).containsExactly("FOR");
        mvc.perform(get("/motions/{id}", id.value()).session(member))
                .andExpect(content().string(containsString("Phiếu của đồng chí đã được ghi nhận: Tán thành.")))
                .andExpect(content().string(not(containsString("name=\"choice\""))));

        mvc.perform(post("/motions/{id}/ballot", id.value()).session(member).with(csrf()).param("choice", "FOR")
                        .param("confirmed", "true").header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Phiếu của đồng chí đã được ghi nhận từ trước: Tán thành.")))
                .andExpect(content().string(containsString("hx-swap-oob=\"true\"")));

        for (String confirmed : new String[] { "true", "false" }) {
            mvc.perform(post("/motions/{id}/ballot", id.value()).session(member).with(csrf())
                            .param("choice", "AGAINST").param("confirmed", confirmed))
                    .andExpect(status().isConflict())
                    .andExpect(content().string(containsString("Đồng chí đã biểu quyết “Tán thành” cho nội dung này.")));
        }
        assertThat(ballotsOf(id)).containsExactly("FOR");
        assertThat(audit.entriesFor("motion", id.value())).extracting(AuditEntry::action)
                .filteredOn("ballot.cast"::equals).hasSize(1);
    }

    @Test
    void unreadableConfirmationAnswers400() throws Exception {
        Village village = villages.meetingInProgress();
        villages.takeRoll(village);
        MotionId id = management.open(village.secretary(), village.meeting(), "Biểu quyết thông qua Nghị quyết");
        MockHttpSession member = SignIn.as(mvc, villages.accountOf(village, "Phạm Thị Ánh"));

        mvc.perform(post("/motions/{id}/ballot", id.value()).session(member).with(csrf()).param("choice", "FOR")
                        .param("confirmed", "abc"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Yêu cầu không hợp lệ.")));
        mvc.perform(post("/motions/{id}/ballot", "99999999999999999999").session(member).with(csrf())
                        .param("choice", "FOR").param("confirmed", "true"))
                .andExpect(status().isNotFound());
        assertThat(ballotsOf(id)).isEmpty();
    }

    @Test
    void voteFormHiddenBeforeMeetingStarts() throws Exception {
        Village village = villages.publishedMeeting();
        MockHttpSession chair = SignIn.as(mvc, village.secretary());
        String expected = "Chỉ mở biểu quyết được khi cuộc họp đang diễn ra: chủ trì bấm &quot;Bắt đầu cuộc họp&quot; "
                + "trên trang cuộc họp trước.";

        mvc.perform(get("/meetings/{id}/motions", village.meeting().value()).session(chair))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(expected)))
                .andExpect(content().string(not(containsString("name=\"title\""))));
        mvc.perform(post("/meetings/{id}/motions", village.meeting().value()).session(chair).with(csrf())
                        .param("title", "Biểu quyết thông qua Nghị quyết"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString(expected)));
        assertThat(motions.ofMeeting(village.meeting())).isEmpty();
    }

    @Test
    void oneBallotUnderConcurrentRequests() throws Exception {
        Village village = villages.meetingInProgress();
        villages.takeRoll(village);
        MotionId id = management.open(village.secretary(), village.meeting(), "Biểu quyết thông qua Nghị quyết");
        MockHttpSession member = SignIn.as(mvc, villages.accountOf(village, "Lê Quốc Long"));

        int requests = 20;
        var start = new CountDownLatch(1);
        var tasks = new ArrayList<Callable<Integer>>();
        for (int i = 0; i < requests; i++) {
            tasks.add(() -> {
                start.await();
                return mvc.perform(post("/motions/{id}/ballot", id.value()).session(member).with(csrf())
                        .param("choice", "FOR").param("confirmed", "true")).andReturn().getResponse().getStatus();
            });
        }
        List<Integer> statuses = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (Callable<Integer> task : tasks) {
                futures.add(pool.submit(task));
            }
            start.countDown();
            for (Future<Integer> future : futures) {
                statuses.add(future.get());
            }
        }
        finally {
            pool.shutdownNow();
        }

        assertThat(statuses).hasSize(requests).containsOnly(302);
        assertThat(ballotsOf(id)).containsExactly("FOR");
        assertThat(audit.entriesFor("motion", id.value())).extracting(AuditEntry::action)
                .filteredOn("ballot.cast"::equals).hasSize(1);
    }

    @Test
    void rejectedBallotsAnswerWithReason() throws Exception {
        Village village = villages.meetingInProgress();
        villages.takeRoll(village);
        MotionId id = management.open(village.secretary(), village.meeting(), "Biểu quyết thông qua Nghị quyết");
        var otherCell = fixtures.cellUnder(village.commune().committee());
        Actor outsider = fixtures.account(otherCell, fixtures.member(otherCell, "Lê Văn Khác",
                MembershipStatus.OFFICIAL, ActivityStatus.ACTIVE), Role.MEMBER);

        MockHttpSession probationary = SignIn.as(mvc, villages.accountOf(village, "Đinh Thị Ỷ Lan"));
        mvc.perform(get("/motions/{id}", id.value()).session(probationary))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("đảng viên dự bị")))
                .andExpect(content().string(not(containsString("name=\"choice\""))));
        mvc.perform(post("/motions/{id}/ballot", id.value()).session(probationary).with(csrf()).param("choice", "FOR"))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString(
                        "Đồng chí là đảng viên dự bị: được dự họp và phát biểu ý kiến nhưng không biểu quyết.")));

        MockHttpSession absent = SignIn.as(mvc, villages.accountOf(village, VillageMeetings.ABSENT));
        mvc.perform(post("/motions/{id}/ballot", id.value()).session(absent).with(csrf()).param("choice", "FOR"))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("chưa được điểm danh có mặt")));

        MockHttpSession stranger = SignIn.as(mvc, outsider);
        mvc.perform(post("/motions/{id}/ballot", id.value()).session(stranger).with(csrf()).param("choice", "FOR"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/motions/{id}", id.value()).session(stranger)).andExpect(status().isNotFound());

        MockHttpSession voter = SignIn.as(mvc, villages.accountOf(village, "Phạm Văn Đức"));
        mvc.perform(post("/motions/{id}/ballot", id.value()).session(voter).with(csrf()).param("choice", "MAYBE"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Lựa chọn không hợp lệ.")));
        mvc.perform(post("/motions/{id}/ballot", id.value()).session(voter).with(csrf()))
                .andExpect(status().isUnprocessableContent());
        assertThat(ballotsOf(id)).isEmpty();

        mvc.perform(post("/motions/{id}/ballot", id.value()).session(probationary).with(csrf()).param("choice", "FOR")
                        .param("confirmed", "true"))
                .andExpect(status().isForbidden());
        assertThat(ballotsOf(id)).isEmpty();

        management.close(village.secretary(), id);
        mvc.perform(post("/motions/{id}/ballot", id.value()).session(voter).with(csrf()).param("choice", "FOR"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("Biểu quyết này đã kết thúc")));
        mvc.perform(post("/motions/{id}/ballot", id.value()).session(voter).with(csrf()).param("choice", "FOR")
                        .param("confirmed", "true"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("Biểu quyết này đã kết thúc")));
        mvc.perform(post("/motions/{id}/ballot", id.value()).session(voter).with(csrf()).param("choice", "FOR")
                        .header("HX-Request", "true"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("Biểu quyết này đã kết thúc")));
        assertThat(ballotsOf(id)).isEmpty();
        assertThat(audit.entriesFor("motion", id.value())).extracting(AuditEntry::action)
                .doesNotContain("ballot.cast");
    }

    @Test
    void resultsHiddenWhileOpenThenShown() throws Exception {
        Village village = villages.meetingInProgress();
        villages.takeRoll(village);
        MotionId id = management.open(village.secretary(), village.meeting(), "Biểu quyết thông qua Nghị quyết");
        management.cast(village.secretary(), id, BallotChoice.FOR);
        management.cast(village.minuteTaker(), id, BallotChoice.AGAINST);
        MockHttpSession chair = SignIn.as(mvc, village.secretary());
        MockHttpSession member = SignIn.as(mvc, villages.accountOf(village, "Phạm Thị Ánh"));

        mvc.perform(get("/motions/{id}", id.value()).session(chair))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Đã có 2/24 đồng chí")))
                .andExpect(content().string(not(containsString("figure-for"))));
        mvc.perform(get("/motions/{id}", id.value()).session(member).header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("hx-trigger=\"every 10s\"")))
                .andExpect(content().string(not(containsString("figure-for"))))
                .andExpect(content().string(not(containsString("Đã có 2/24"))));
        mvc.perform(get("/meetings/{id}/motions", village.meeting().value()).session(member))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Tán thành 1"))));

        mvc.perform(post("/motions/{id}/close", id.value()).session(chair).with(csrf()))
                .andExpect(status().is3xxRedirection());

        mvc.perform(get("/motions/{id}", id.value()).session(member))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<b id=\"figure-for\">1</b>")))
                .andExpect(content().string(containsString("<b id=\"figure-against\">1</b>")))
                .andExpect(content().string(containsString("<b id=\"figure-abstain\">0</b>")))
                .andExpect(content().string(containsString("<b id=\"figure-not-voting\">23</b>")))
                .andExpect(content().string(containsString("<b id=\"figure-denominator\">25</b>")))
                .andExpect(content().string(containsString("<b id=\"figure-needed\">13</b>")))
                .andExpect(content().string(containsString("Không được thông qua")))
                .andExpect(content().string(containsString("ít nhất 13 trên 25 đồng chí")))
                .andExpect(content().string(containsString("Phan Văn Sơn")))
                .andExpect(content().string(containsString("Đang sinh hoạt tạm thời nơi khác")))
                .andExpect(content().string(containsString(VillageMeetings.EXCUSED)))
                .andExpect(content().string(containsString("Vắng mặt cả buổi có lý do được chấp thuận")))
                .andExpect(content().string(containsString("Đặng Văn Ơn")))
                .andExpect(content().string(containsString("Được miễn sinh hoạt và vắng mặt")))
                .andExpect(content().string(not(containsString("hx-trigger"))));
        mvc.perform(get("/meetings/{id}/motions", village.meeting().value()).session(member))
                .andExpect(content().string(containsString(
                        "Tán thành 1, không tán thành 1, không có ý kiến 0, không tham gia biểu quyết 23")));
    }

    @Test
    void resultShownInEnglish() throws Exception {
        Village village = villages.meetingInProgress();
        villages.takeRoll(village);
        MotionId id = management.open(village.secretary(), village.meeting(), "Biểu quyết thông qua Nghị quyết");
        management.close(village.secretary(), id);
        MockHttpSession chair = SignIn.as(mvc, village.secretary());

        mvc.perform(get("/motions/{id}", id.value()).param("lang", "en").session(chair))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Not passed")))
                .andExpect(content().string(containsString("Temporarily active in another unit")));
    }

    private List<String> ballotsOf(MotionId id) {
        return jdbc.sql("select choice from ballot where motion_id = :id")
                .param("id", id.value())
                .query(String.class)
                .list();
    }
}
