package vn.chibo.member.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import vn.chibo.account.Accounts;
import vn.chibo.account.Actor;
import vn.chibo.account.Role;
import vn.chibo.audit.AuditEntry;
import vn.chibo.audit.AuditLog;
import vn.chibo.member.ActivityStatus;
import vn.chibo.member.MemberId;
import vn.chibo.member.Members;
import vn.chibo.member.MembershipStatus;
import vn.chibo.member.NewMember;
import vn.chibo.member.Sex;
import vn.chibo.member.StatusChangeKind;
import vn.chibo.organization.Organization;
import vn.chibo.testing.Fixtures;
import vn.chibo.testing.SignIn;
import vn.chibo.testing.SqlTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SqlTest
@AutoConfigureMockMvc
class MemberProfilePagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Members members;

    @Autowired
    Accounts accounts;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    @Test
    void secretarySeesProfileWithHistory() throws Exception {
        Fixtures.Commune commune = fixtures.commune();
        Actor secretary = fixtures.accountWithoutMember(commune.cell(), Role.CELL_SECRETARY);
        MemberId on = probationary(commune.cell(), "Đặng Văn Ơn");

        String page = page(SignIn.as(mvc, secretary), commune.cell(), on);

        assertThat(page).contains("Đặng Văn Ơn", "Xã Minh An", "Ghi vào danh sách", "Sửa hồ sơ",
                "Ghi quyết định", "/cells/" + commune.cell().id().value() + "/members/" + on.value() + "/status");
        assertThat(audit.entriesFor("member", on.value())).extracting(AuditEntry::action).contains("member.viewed");
    }

    @Test
    void memberSeesOwnProfileReadOnly() throws Exception {
        Fixtures.Commune commune = fixtures.commune();
        MemberId own = probationary(commune.cell(), "Hoàng Văn Ẩn");
        Actor member = fixtures.account(commune.cell(), own, Role.MEMBER);
        MemberId other = probationary(commune.cell(), "Lê Thị Khác");
        MockHttpSession session = SignIn.as(mvc, member);

        mvc.perform(get("/members/me").session(session))
                .andExpect(redirectedUrl("/cells/" + commune.cell().id().value() + "/members/" + own.value()));
        String page = page(session, commune.cell(), own);

        assertThat(page).contains("Hoàng Văn Ẩn", "Đây là hồ sơ của đồng chí").doesNotContain("Sửa hồ sơ",
                "Ghi quyết định");
        assertThat(audit.entriesFor("member", own.value())).extracting(AuditEntry::action)
                .doesNotContain("member.viewed");
        mvc.perform(get("/cells/{cell}/members/{member}", commune.cell().id().value(), other.value()).session(session))
                .andExpect(status().isForbidden());
        mvc.perform(get("/cells/{cell}/members/{member}/edit", commune.cell().id().value(), own.value())
                .session(session)).andExpect(status().isForbidden());
    }

    @Test
    void editAuditsFieldNamesOnly() throws Exception {
        Fixtures.Commune commune = fixtures.commune();
        Actor secretary = fixtures.accountWithoutMember(commune.cell(), Role.CELL_SECRETARY);
        MemberId id = fixtures.member(commune.cell(), "Trần Văn Sửa", MembershipStatus.OFFICIAL, ActivityStatus.ACTIVE);
        Actor owner = fixtures.account(commune.cell(), id, Role.MEMBER);
        var before = members.get(id);

        mvc.perform(post("/cells/{cell}/members/{member}/edit", commune.cell().id().value(), id.value())
                        .session(SignIn.as(mvc, secretary)).with(csrf())
                        .param("fullName", before.fullName()).param("sex", "MALE").param("birthDate", "01/01/1980")
                        .param("hometown", "Xã Minh An, huyện Yên Định").param("admissionDate", "01/01/2005")
                        .param("officialDate", "01/01/2006").param("partyCardNumber", before.partyCardNumber())
                        .param("phone", "0913.555.666").param("cellRole", ""))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attributeExists("flash"));

        var after = members.get(id);
        assertThat(after.phone()).isEqualTo("0913555666");
        assertThat(after.hometown()).isEqualTo("Xã Minh An, huyện Yên Định");
        String rawPhone = jdbc.sql("select phone from member where id = :id").param("id", id.value())
                .query(String.class).single();
        assertThat(rawPhone).doesNotContain("0913555666");
        assertThat(audit.entriesFor("member", id.value()))
                .filteredOn(entry -> entry.action().equals("member.updated"))
                .extracting(AuditEntry::detail).containsExactly("fields=PHONE,HOMETOWN");
        // The account signs in with the new number, and still with its user name.
        assertThat(accounts.findForSignIn("0913 555 666")).hasValueSatisfying(account ->
                assertThat(account.id()).isEqualTo(owner.accountId()));
        assertThat(accounts.findForSignIn(owner.username())).isPresent();
    }

    @Test
    void invalidEditShowsFieldErrors() throws Exception {
        Fixtures.Commune commune = fixtures.commune();
        Actor secretary = fixtures.accountWithoutMember(commune.cell(), Role.CELL_SECRETARY);
        MemberId id = fixtures.member(commune.cell(), "Ngô Văn Sai", MembershipStatus.OFFICIAL, ActivityStatus.ACTIVE);
        MemberId other = fixtures.member(commune.cell(), "Ngô Văn Thẻ", MembershipStatus.OFFICIAL, ActivityStatus.ACTIVE);

        String page = mvc.perform(post("/cells/{cell}/members/{member}/edit", commune.cell().id().value(), id.value())
                        .session(SignIn.as(mvc, secretary)).with(csrf())
                        .param("fullName", "Ngô Văn Sai").param("birthDate", "31/02/1980").param("phone", "12345"))
                .andExpect(status().isUnprocessableContent())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String taken = mvc.perform(post("/cells/{cell}/members/{member}/edit", commune.cell().id().value(), id.value())
                        .session(SignIn.as(mvc, secretary)).with(csrf())
                        .param("fullName", "Ngô Văn Sai").param("birthDate", "01/01/1980")
                        .param("partyCardNumber", members.get(other).partyCardNumber()))
                .andExpect(status().isUnprocessableContent())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("Ngày «31/02/1980» không đúng", "Số điện thoại không đúng");
        assertThat(taken).contains("Số thẻ này đã thuộc một đảng viên khác của chi bộ");
        assertThat(members.get(id).birthDate()).isEqualTo(LocalDate.of(1980, 1, 1));
    }

    @Test
    void statusDecisionRecordedOrRefused() throws Exception {
        Fixtures.Commune commune = fixtures.commune();
        Actor secretary = fixtures.accountWithoutMember(commune.cell(), Role.CELL_SECRETARY);
        MemberId id = probationary(commune.cell(), "Vũ Thị Dự");
        MockHttpSession session = SignIn.as(mvc, secretary);
        String path = "/cells/" + commune.cell().id().value() + "/members/" + id.value() + "/status";

        mvc.perform(post(path).session(session).with(csrf()).param("membership", "OFFICIAL")
                        .param("activity", "ACTIVE").param("effectiveDate", "01/02/2025").param("decidedBy", "Chi bộ"))
                .andExpect(flash().attributeExists("flashError"));
        mvc.perform(post(path).session(session).with(csrf()).param("membership", "OFFICIAL")
                        .param("activity", "ACTIVE").param("effectiveDate", "10/03/2025").param("decidedBy", "Chi bộ")
                        .param("resolution", "05-NQ/CB ngày 10/03/2025"))
                .andExpect(flash().attributeExists("flash"));

        assertThat(members.get(id).membershipStatus()).isEqualTo(MembershipStatus.OFFICIAL);
        String page = page(session, commune.cell(), id);
        assertThat(page).contains("05-NQ/CB ngày 10/03/2025", "10/03/2025");
        assertThat(StatusChangeKind.STATUS.messageKey()).isEqualTo("member.history.kind.STATUS");
    }

    @Test
    void rosterFiltersByStatus() throws Exception {
        Fixtures.Commune commune = fixtures.commune();
        fixtures.villageRoster(commune.cell());
        Actor secretary = fixtures.accountWithoutMember(commune.cell(), Role.CELL_SECRETARY);
        MockHttpSession session = SignIn.as(mvc, secretary);

        assertThat(RosterPageTests.names(roster(session, commune.cell(), "membership", "PROBATIONARY"))).hasSize(3);
        assertThat(RosterPageTests.names(roster(session, commune.cell(), "activity", "EXEMPT"))).hasSize(5);
        assertThat(RosterPageTests.names(roster(session, commune.cell(), "transfer", "AWAY")))
                .hasSize(RosterPageTests.names(roster(session, commune.cell(), "activity", "SENT_OUT")).size())
                .isNotEmpty();
        assertThat(RosterPageTests.names(roster(session, commune.cell(), "q", "dang van on")))
                .containsExactly("Đặng Văn Ơn");
    }

    private MemberId probationary(Organization cell, String name) {
        return members.add(cell.id(), new NewMember(name, Sex.MALE, LocalDate.of(1995, 1, 1), LocalDate.of(2024, 3, 1),
                null, null, null, MembershipStatus.PROBATIONARY, ActivityStatus.ACTIVE, Fixtures.phone(), null, null,
                null, null, "Xã Minh An"));
    }

    private String page(MockHttpSession session, Organization cell, MemberId member) throws Exception {
        return mvc.perform(get("/cells/{cell}/members/{member}", cell.id().value(), member.value()).session(session))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private String roster(MockHttpSession session, Organization cell, String parameter, String value) throws Exception {
        return mvc.perform(post("/cells/{cell}/members", cell.id().value()).param(parameter, value).with(csrf())
                        .session(session))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
