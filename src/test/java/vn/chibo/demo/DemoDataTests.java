package vn.chibo.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import vn.chibo.account.AccountId;
import vn.chibo.account.AccountRecord;
import vn.chibo.account.Accounts;
import vn.chibo.account.Grant;
import vn.chibo.account.Role;
import vn.chibo.account.SecondFactors;
import vn.chibo.account.TestTotp;
import vn.chibo.discussion.Opinion;
import vn.chibo.discussion.Opinions;
import vn.chibo.meeting.Meeting;
import vn.chibo.meeting.MeetingKind;
import vn.chibo.meeting.MeetingStatus;
import vn.chibo.meeting.Meetings;
import vn.chibo.member.ActivityStatus;
import vn.chibo.member.CellRole;
import vn.chibo.member.Member;
import vn.chibo.member.MemberId;
import vn.chibo.member.Members;
import vn.chibo.member.MembershipStatus;
import vn.chibo.organization.Organization;
import vn.chibo.organization.OrganizationKind;
import vn.chibo.organization.Organizations;
import vn.chibo.testing.SecondFactorCodes;
import vn.chibo.testing.SignIn;
import vn.chibo.testing.SqlTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SqlTest
@AutoConfigureMockMvc
@TestPropertySource(properties = "chibo.demo.enabled=true")
class DemoDataTests {

    @Autowired
    DemoData demoData;

    @Autowired
    Organizations organizations;

    @Autowired
    Members members;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Meetings meetings;

    @Autowired
    Opinions opinions;

    @Autowired
    MockMvc mvc;

    @Autowired
    SecondFactors secondFactors;

    @Test
    void loadsCommuneWithThreeCells() {
        Organization commune = onlyTopOrganization();
        List<Organization> cells = organizations.children(commune.id());

        assertThat(commune.name()).isEqualTo("Đảng bộ xã Minh An");
        assertThat(commune.kind()).isEqualTo(OrganizationKind.COMMITTEE);
        assertThat(commune.locality()).isEqualTo("Minh An");
        assertThat(cells).extracting(Organization::name)
                .containsExactlyInAnyOrder("Chi bộ thôn Hòa Bình 3", "Chi bộ thôn Tân Lập", "Chi bộ thôn Phú Xuân");
        assertThat(cells).allSatisfy(cell -> assertThat(cell.kind()).isEqualTo(OrganizationKind.CELL));
    }

    @Test
    void villageCellHasPublishedMeetingWithOpinions() {
        Organization village = cell("Chi bộ thôn Hòa Bình 3");
        List<Meeting> villageMeetings = meetings.ofCell(village.id());

        assertThat(villageMeetings).extracting(Meeting::status)
                .containsExactly(MeetingStatus.PUBLISHED, MeetingStatus.PUBLISHED);
        assertThat(villageMeetings).filteredOn(meeting -> meeting.kind() == MeetingKind.REGULAR).singleElement()
                .satisfies(meeting -> {
                    assertThat(meeting.agenda()).hasSize(7);
                    assertThat(opinions.ofMeeting(meeting.id())).extracting(Opinion::agendaItemId).containsExactly(
                            meeting.agenda().get(3).id(), meeting.agenda().get(4).id(),
                            meeting.agenda().get(4).id());
                });
    }

    @Test
    void librariesHoldIssuedAndOwnDocuments() {
        Organization commune = onlyTopOrganization();
        Organization village = cell("Chi bộ thôn Hòa Bình 3");

        assertThat(jdbc.sql("select classification from library_document where owner_id = :owner order by id")
                .param("owner", commune.id().value()).query(String.class).list())
                .containsExactly("INTERNAL", "PUBLIC");
        assertThat(jdbc.sql("select count(*) from library_distribution").query(Long.class).single()).isEqualTo(6);
        assertThat(jdbc.sql("select title from library_document where owner_id = :owner")
                .param("owner", village.id().value()).query(String.class).list())
                .containsExactly("Dự thảo nghị quyết chi bộ tháng 12/2026");
        assertThat(jdbc.sql("select count(*) from library_read").query(Long.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from library_access where watermarked").query(Long.class).single())
                .isEqualTo(3);
    }

    @Test
    void villageCellHoldsSampleRoster() {
        List<Member> village = members.ofCell(cell("Chi bộ thôn Hòa Bình 3").id());

        assertThat(village).hasSize(36);
        assertThat(village).filteredOn(Member::isOfficial).hasSize(33);
        assertThat(village).filteredOn(Member::isProbationary).hasSize(3);
        assertThat(village).filteredOn(member -> member.activityStatus() == ActivityStatus.EXEMPT).hasSize(5);
        assertThat(village).filteredOn(member -> member.activityStatus() == ActivityStatus.SENT_OUT).hasSize(2);
        assertThat(village).filteredOn(member -> member.cellRole() == CellRole.CELL_SECRETARY)
                .extracting(Member::fullName).containsExactly("Nguyễn Văn Thắng");
    }

    @Test
    void secondCellHasInventedMembers() {
        List<Member> tanLap = members.ofCell(cell("Chi bộ thôn Tân Lập").id());

        assertThat(tanLap).hasSize(6);
        assertThat(tanLap).allSatisfy(member -> {
            assertThat(member.phone()).matches("0916\\d{6}");
            if (member.email() != null) {
                assertThat(member.email()).endsWith("@example.com");
            }
        });
        assertThat(tanLap).filteredOn(member -> member.cellRole() == CellRole.CELL_SECRETARY)
                .extracting(Member::fullName).containsExactly("Trương Văn Hòa");
        assertThat(tanLap).filteredOn(member -> member.membershipStatus() == MembershipStatus.PROBATIONARY)
                .hasSize(1);
    }

    @Test
    void thirdCellHasInventedMembers() {
        List<Member> phuXuan = members.ofCell(cell("Chi bộ thôn Phú Xuân").id());

        assertThat(phuXuan).hasSize(9);
        assertThat(phuXuan).allSatisfy(member -> assertThat(member.phone()).matches("0917\\d{6}"));
        assertThat(phuXuan).extracting(Member::cellRole).contains(CellRole.CELL_SECRETARY,
                CellRole.CELL_DEPUTY_SECRETARY, CellRole.CELL_COMMITTEE_MEMBER);
        assertThat(phuXuan).filteredOn(member -> member.activityStatus() == ActivityStatus.EXEMPT).hasSize(1);
        assertThat(phuXuan).filteredOn(member -> member.activityStatus() == ActivityStatus.SENT_OUT).hasSize(1);
        assertThat(phuXuan).filteredOn(Member::isProbationary).hasSize(1);
    }

    @Test
    void demoAccountsHaveRolesAndMembers() {
        Organization commune = onlyTopOrganization();
        Organization village = cell("Chi bộ thôn Hòa Bình 3");
        Organization tanLap = cell("Chi bộ thôn Tân Lập");

        assertAccount("0912104729", "Nguyễn Văn Thắng", new Grant(village.id(), Role.MEMBER),
                new Grant(village.id(), Role.CELL_SECRETARY));
        assertAccount("0912418916", "Phạm Thị Ánh", new Grant(village.id(), Role.MEMBER));
        assertAccount("0915665515", "Hoàng Văn Ẩn", new Grant(village.id(), Role.MEMBER));
        assertAccount("0916201408", "Trương Văn Hòa", new Grant(tanLap.id(), Role.MEMBER),
                new Grant(tanLap.id(), Role.CELL_SECRETARY));
        assertAccount("0916203317", "Đoàn Thị Mến", new Grant(tanLap.id(), Role.MEMBER),
                new Grant(commune.id(), Role.COMMITTEE_OFFICER));
        AccountRecord admin = accounts.findByUsername("quantri").orElseThrow();
        assertThat(admin.memberId()).isNull();
        assertThat(accounts.grantsOf(admin.id())).containsExactly(new Grant(commune.id(), Role.SYSTEM_ADMIN));
        assertThat(jdbc.sql("select count(*) from account").query(Long.class).single()).isEqualTo(6);
    }

    @Test
    void demoAccountsSignInWithoutPasswordChange() throws Exception {
        for (String username : List.of("0912418916", "0915665515")) {
            mvc.perform(formLogin("/login").user(username).password("chibo-demo")).andExpect(redirectedUrl("/"));
        }
        // The accounts whose roles require a second factor are enrolled, so none is sent to set one up.
        for (String username : List.of("0912104729", "0916201408", "0916203317", "quantri")) {
            mvc.perform(formLogin("/login").user(username).password("chibo-demo"))
                    .andExpect(redirectedUrl("/second-factor"));
        }
    }

    @Test
    void demoSecretsAreThoseInReadmes() throws Exception {
        assertThat(DemoData.TOTP_SECRETS).isEqualTo(SecondFactorCodes.DEMO_SECRETS);
        String readme = Files.readString(Path.of("README.md"));
        String readmeVi = Files.readString(Path.of("README.vi.md"));
        for (var secret : DemoData.TOTP_SECRETS.entrySet()) {
            assertThat(readme).as(secret.getKey()).contains(secret.getValue());
            assertThat(readmeVi).as(secret.getKey()).contains(secret.getValue());
            assertThat(secondFactors.isEnabled(accounts.findByUsername(secret.getKey()).orElseThrow().id()))
                    .as(secret.getKey()).isTrue();
        }
    }

    @Test
    void secondFactorPageShowsCurrentDemoCode() throws Exception {
        MockHttpSession session = SignIn.withPasswordOnly(mvc, "0916201408", "chibo-demo");
        long before = TestTotp.step(Instant.now());

        String page = mvc.perform(get("/second-factor").session(session))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        long after = TestTotp.step(Instant.now());
        String secret = DemoData.TOTP_SECRETS.get("0916201408");
        assertThat(page).contains("demo-code").containsAnyOf(
                "mã hiện tại của tài khoản mẫu này là " + TestTotp.code(secret, before) + ".",
                "mã hiện tại của tài khoản mẫu này là " + TestTotp.code(secret, after) + ".");
    }

    @Test
    void noDemoCodeForDemoMember() throws Exception {
        AccountId member = accounts.findByUsername("0912418916").orElseThrow().id();

        assertThat(secondFactors.demoCode(member)).isEmpty();
    }

    @Test
    void demoMeetingsNotifyDemoAccounts() {
        for (String username : List.of("0912104729", "0912418916", "0915665515", "0916203317")) {
            AccountRecord account = accounts.findByUsername(username).orElseThrow();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.sql(
                            "select kind from notification where account_id = :account")
                    .param("account", account.id().value())
                    .query(String.class)
                    .list()).as(username).containsExactlyInAnyOrder("PUBLISHED", "PUBLISHED", "CHANGED"));
        }
        AccountRecord otherCellSecretary = accounts.findByUsername("0916201408").orElseThrow();
        assertThat(jdbc.sql("select count(*) from notification where account_id = :account")
                .param("account", otherCellSecretary.id().value())
                .query(Integer.class)
                .single()).isZero();
    }

    @Test
    void loaderRunsOnlyOnce() {
        Map<String, Long> before = counts();

        boolean loadedAgain = demoData.load();

        assertThat(loadedAgain).isFalse();
        assertThat(counts()).isEqualTo(before);
        assertThat(before).containsEntry("organization", 4L).containsEntry("member", 51L).containsEntry("account", 6L);
    }

    private void assertAccount(String username, String name, Grant... grants) {
        AccountRecord account = accounts.findByUsername(username).orElseThrow();
        assertThat(account.displayName()).isEqualTo(name);
        assertThat(account.mustChangePassword()).isFalse();
        assertThat(account.memberId()).isNotNull();
        assertThat(members.get(MemberId.of(account.memberId())).fullName()).isEqualTo(name);
        assertThat(accounts.grantsOf(account.id())).containsExactlyInAnyOrder(grants);
    }

    private Organization onlyTopOrganization() {
        List<Long> top = jdbc.sql("select id from organization where parent_id is null").query(Long.class).list();
        assertThat(top).hasSize(1);
        return organizations.get(vn.chibo.organization.OrganizationId.of(top.getFirst()));
    }

    private Organization cell(String name) {
        return organizations.children(onlyTopOrganization().id()).stream()
                .filter(cell -> cell.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private Map<String, Long> counts() {
        return List.of("organization", "member", "account", "role_grant").stream()
                .collect(Collectors.toMap(table -> table,
                        table -> jdbc.sql("select count(*) from " + table).query(Long.class).single()));
    }
}
