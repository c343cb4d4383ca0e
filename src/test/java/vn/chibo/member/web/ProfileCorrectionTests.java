package vn.chibo.member.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

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
import vn.chibo.member.ActivityStatus;
import vn.chibo.member.CorrectionStatus;
import vn.chibo.member.MemberId;
import vn.chibo.member.Members;
import vn.chibo.member.MembershipStatus;
import vn.chibo.member.ProfileCorrection;
import vn.chibo.member.ProfileCorrections;
import vn.chibo.member.importing.RosterColumn;
import vn.chibo.notification.NotificationKind;
import vn.chibo.notification.NotificationView;
import vn.chibo.notification.Notifications;
import vn.chibo.testing.Fixtures;
import vn.chibo.testing.SignIn;
import vn.chibo.testing.SqlTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A member's correction request, and the secretary's approval or rejection with its history. */
@SqlTest
@AutoConfigureMockMvc
class ProfileCorrectionTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Members members;

    @Autowired
    ProfileCorrections corrections;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Notifications notifications;

    record Cell(Fixtures.Commune commune, MemberId memberId, Actor member, Actor secretary) {
    }

    private Cell cell() {
        Fixtures.Commune commune = fixtures.commune();
        MemberId id = fixtures.member(commune.cell(), "Kiều Văn Sửa", MembershipStatus.OFFICIAL, ActivityStatus.ACTIVE);
        Actor member = fixtures.account(commune.cell(), id, Role.MEMBER);
        Actor secretary = fixtures.accountWithoutMember(commune.cell(), Role.CELL_SECRETARY);
        return new Cell(commune, id, member, secretary);
    }

    @Test
    void approvedCorrectionChangesProfile() throws Exception {
        Cell cell = cell();
        MockHttpSession member = SignIn.as(mvc, cell.member());

        mvc.perform(post("/members/{id}/corrections", cell.memberId().value()).with(csrf()).session(member)
                        .param("field", "PHONE").param("value", "0912 333 444").param("reason", "Đổi số điện thoại"))
                .andExpect(status().is3xxRedirection());
        ProfileCorrection request = corrections.of(cell.member(), cell.memberId()).getFirst();
        String stored = jdbc.sql("select requested_value from profile_correction where id = :id")
                .param("id", request.id()).query(String.class).single();
        assertThat(stored).startsWith("v1:").doesNotContain("0912 333 444");
        assertThat(request.status()).isEqualTo(CorrectionStatus.PENDING);

        MockHttpSession secretary = SignIn.as(mvc, cell.secretary());
        mvc.perform(get("/cells/{cell}/corrections", cell.commune().cell().id().value()).session(secretary))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Kiều Văn Sửa")));
        mvc.perform(post("/corrections/{id}/approve", request.id()).with(csrf()).session(secretary))
                .andExpect(status().is3xxRedirection());

        assertThat(members.get(cell.memberId()).phone()).isEqualTo("0912333444");
        ProfileCorrection decided = corrections.of(cell.member(), cell.memberId()).getFirst();
        assertThat(decided.status()).isEqualTo(CorrectionStatus.APPROVED);
        assertThat(decided.decidedBy()).isEqualTo(cell.secretary().accountId().value());
        assertThat(audit.entriesFor("member", cell.memberId().value())).extracting(AuditEntry::action)
                .contains("member.correctionRequested", "member.updated", "member.correctionApproved");
        mvc.perform(get("/members/{id}/corrections", cell.memberId().value()).session(member))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Đã chấp nhận")));
        mvc.perform(post("/corrections/{id}/approve", request.id()).with(csrf()).session(secretary))
                .andExpect(status().is3xxRedirection());
        assertThat(audit.entriesFor("member", cell.memberId().value())).extracting(AuditEntry::action)
                .filteredOn("member.correctionApproved"::equals).hasSize(1);

        List<NotificationView> notices = await().atMost(Duration.ofSeconds(20))
                .until(() -> notifications.of(cell.member(), Locale.of("vi")), list -> !list.isEmpty());
        assertThat(notices).hasSize(1);
        assertThat(notices.getFirst().kind()).isEqualTo(NotificationKind.CORRECTION_APPROVED);
        assertThat(notices.getFirst().headline()).isEqualTo("Đề nghị sửa hồ sơ của đồng chí đã được chấp nhận");
        assertThat(notices.getFirst().path()).isEqualTo("/members/" + cell.memberId().value() + "/corrections");
        assertThat(notices.getFirst().meetingId()).isNull();
        mvc.perform(get("/notifications").session(member))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Đề nghị sửa hồ sơ của đồng chí đã được chấp nhận")));
    }

    @Test
    void rejectionKeepsProfileAndReason() throws Exception {
        Cell cell = cell();
        long id = corrections.request(cell.member(), RosterColumn.BIRTH_DATE, "02/03/1981", "Sai ngày sinh");
        MockHttpSession secretary = SignIn.as(mvc, cell.secretary());

        mvc.perform(post("/corrections/{id}/reject", id).with(csrf()).session(secretary).param("reason", ""))
                .andExpect(status().is3xxRedirection());
        assertThat(corrections.of(cell.member(), cell.memberId()).getFirst().isPending()).isTrue();
        mvc.perform(post("/corrections/{id}/reject", id).with(csrf()).session(secretary)
                        .param("reason", "Giấy khai sinh ghi ngày khác"))
                .andExpect(status().is3xxRedirection());

        ProfileCorrection decided = corrections.of(cell.secretary(), cell.memberId()).getFirst();
        assertThat(decided.status()).isEqualTo(CorrectionStatus.REJECTED);
        List<NotificationView> notices = await().atMost(Duration.ofSeconds(20))
                .until(() -> notifications.of(cell.member(), Locale.of("en")), list -> !list.isEmpty());
        assertThat(notices.getFirst().headline()).isEqualTo("Your profile correction request was rejected");
        assertThat(decided.decisionReason()).isEqualTo("Giấy khai sinh ghi ngày khác");
        assertThat(members.get(cell.memberId()).birthDate()).isEqualTo(java.time.LocalDate.of(1980, 1, 1));
        mvc.perform(get("/members/{id}/corrections", cell.memberId().value()).session(SignIn.as(mvc, cell.member())))
                .andExpect(content().string(containsString("Giấy khai sinh ghi ngày khác")));
    }

    @Test
    void invalidRequestsRejected() throws Exception {
        Cell cell = cell();
        MockHttpSession member = SignIn.as(mvc, cell.member());

        String page = mvc.perform(post("/members/{id}/corrections", cell.memberId().value()).with(csrf())
                        .session(member).param("field", "BIRTH_DATE").param("value", "31/02/1980")
                        .param("reason", "Sai ngày"))
                .andExpect(status().isUnprocessableContent())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"value-error\"");
        mvc.perform(post("/members/{id}/corrections", cell.memberId().value()).with(csrf()).session(member)
                        .param("field", "MEMBERSHIP_STATUS").param("value", "OFFICIAL").param("reason", "x"))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(post("/members/{id}/corrections", cell.memberId().value()).with(csrf()).session(member)
                        .param("field", "OCCUPATION").param("value", "Thợ mộc").param("reason", " "))
                .andExpect(status().isUnprocessableContent());
        corrections.request(cell.member(), RosterColumn.OCCUPATION, "Thợ mộc", "Đổi nghề");
        mvc.perform(post("/members/{id}/corrections", cell.memberId().value()).with(csrf()).session(member)
                        .param("field", "OCCUPATION").param("value", "Thợ xây").param("reason", "Đổi nghề"))
                .andExpect(status().isConflict());

        assertThat(corrections.of(cell.member(), cell.memberId())).hasSize(1);
    }

    @Test
    void onlyOwnMemberRequestsAndSecretaryDecides() throws Exception {
        Cell cell = cell();
        MemberId neighbourId = fixtures.member(cell.commune().cell(), "Lò Văn Bên", MembershipStatus.OFFICIAL,
                ActivityStatus.ACTIVE);
        Actor neighbour = fixtures.account(cell.commune().cell(), neighbourId, Role.MEMBER);
        long id = corrections.request(cell.member(), RosterColumn.ADDRESS, "Thôn 4", "Đã chuyển nhà");
        MockHttpSession other = SignIn.as(mvc, neighbour);

        mvc.perform(post("/members/{id}/corrections", cell.memberId().value()).with(csrf()).session(other)
                        .param("field", "ADDRESS").param("value", "Thôn 9").param("reason", "x"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/members/{id}/corrections", cell.memberId().value()).session(other))
                .andExpect(status().isForbidden());
        mvc.perform(post("/corrections/{id}/approve", id).with(csrf()).session(other))
                .andExpect(status().isForbidden());
        mvc.perform(post("/corrections/{id}/approve", id).with(csrf()).session(SignIn.as(mvc, cell.member())))
                .andExpect(status().isForbidden());
        mvc.perform(get("/cells/{cell}/corrections", cell.commune().cell().id().value()).session(other))
                .andExpect(status().isForbidden());

        assertThat(corrections.of(cell.secretary(), cell.memberId())).extracting(ProfileCorrection::status)
                .isEqualTo(List.of(CorrectionStatus.PENDING));
    }
}
