package vn.chibo.privacy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.chibo.account.Actor;
import vn.chibo.account.PasskeyTablesTests;
import vn.chibo.account.Role;
import vn.chibo.audit.AuditEntry;
import vn.chibo.audit.AuditLog;
import vn.chibo.discussion.OpinionManagement;
import vn.chibo.meeting.Meetings;
import vn.chibo.member.MemberId;
import vn.chibo.member.MemberProfiles;
import vn.chibo.member.Members;
import vn.chibo.voting.BallotChoice;
import vn.chibo.voting.MotionId;
import vn.chibo.voting.MotionKind;
import vn.chibo.voting.MotionManagement;
import vn.chibo.voting.MotionRequest;
import vn.chibo.voting.SecretBallots;
import vn.chibo.voting.VotingMethod;
import vn.chibo.testing.ApiSignIn;
import vn.chibo.testing.Fixtures;
import vn.chibo.testing.SignIn;
import vn.chibo.testing.SqlTest;
import vn.chibo.testing.VillageMeetings;
import vn.chibo.testing.VillageMeetings.Village;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A member's own data export, its limit and audit, and the list of who read a profile. */
@SqlTest
@AutoConfigureMockMvc
class PersonalDataTests {

    private static final String VOTER = "Lý Văn Khánh";

    @Autowired
    MockMvc mvc;

    @Autowired
    VillageMeetings villages;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MotionManagement motions;

    @Autowired
    OpinionManagement opinions;

    @Autowired
    Meetings meetings;

    @Autowired
    MemberProfiles profiles;

    @Autowired
    Members members;

    @Autowired
    AuditLog audit;

    @Autowired
    ApiSignIn apiSignIn;

    @Autowired
    SecretBallots secretBallots;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    PublicKeyCredentialUserEntityRepository passkeyUsers;

    @Autowired
    UserCredentialRepository passkeyCredentials;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void exportContainsOwnData() throws Exception {
        Village village = villages.startedMeetingWithRoll();
        Actor voter = villages.accountOf(village, VOTER);
        MemberId voterId = village.member(VOTER);
        MotionId motion = motions.open(village.secretary(), village.meeting(), "Biểu quyết nghị quyết tháng");
        motions.cast(voter, motion, BallotChoice.FOR);
        motions.close(village.secretary(), motion);
        MotionId secret = motions.open(village.secretary(), village.meeting(), new MotionRequest(MotionKind.RESOLUTION,
                VotingMethod.SECRET, "Biểu quyết kín", null, null));
        secretBallots.cast(voter, secret, BallotChoice.AGAINST);
        long item = meetings.get(village.meeting()).agenda().getFirst().id();
        opinions.post(voter, village.meeting(), item, "Đề nghị sửa đường liên thôn");
        profiles.view(village.secretary(), village.commune().cell().id(), voterId);

        MvcResult result = mvc.perform(post("/me/data/export").with(csrf()).session(SignIn.as(mvc, voter)))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/zip"))
                .andExpect(header().string("Content-Disposition",
                        "attachment; filename=\"du-lieu-ca-nhan-" + voterId.value() + ".zip\""))
                .andReturn();
        Map<String, String> files = unzip(result.getResponse().getContentAsByteArray());

        JsonNode sections = json.readTree(files.get(PersonalDataExport.JSON_FILE)).get("sections");
        JsonNode profile = sections.get("profile").get(0);
        assertThat(profile.get("full_name").asString()).isEqualTo(VOTER);
        assertThat(profile.get("phone").asString()).isEqualTo(members.get(voterId).phone());
        assertThat(sections.get("attendance").get(0).get("status").asString()).isEqualTo("PRESENT_ONLINE");
        assertThat(sections.get("ballots").get(0).get("choice").asString()).isEqualTo("FOR");
        assertThat(sections.get("ballots").get(0).get("motion_id").asLong()).isEqualTo(motion.value());
        assertThat(sections.get("secretBallotsVoted").get(0).get("motion_id").asLong()).isEqualTo(secret.value());
        assertThat(sections.get("secretBallotsVoted").get(0).has("choice")).isFalse();
        assertThat(sections.get("opinions").get(0).get("body").asString()).isEqualTo("Đề nghị sửa đường liên thôn");
        assertThat(sections.get("roles").get(0).get("role").asString()).isEqualTo("MEMBER");
        assertThat(sections.get("account").get(0).get("id").asLong()).isEqualTo(voter.accountId().value());
        assertThat(sections.get("account").get(0).has("password_hash")).isFalse();
        assertThat(sections.get("sessions").size()).isGreaterThanOrEqualTo(1);
        assertThat(sections.get("statusHistory").get(0).get("kind").asString()).isEqualTo("RECORDED");
        assertThat(sections.get("profileAccess").get(0).get("reader_account_id").asLong())
                .isEqualTo(village.secretary().accountId().value());
        assertThat(sections.get("profileAccess").get(0).get("kind").asString()).isEqualTo("PROFILE");
        assertThat(sections.get("passkeys").isEmpty()).isTrue();
        assertThat(sections.get("signIns").findValuesAsString("action")).contains("account.signedIn");

        String html = files.get(PersonalDataExport.HTML_FILE);
        assertThat(html).contains("Dữ liệu cá nhân của " + VOTER).contains("Phiếu biểu quyết công khai")
                .contains("Đề nghị sửa đường liên thôn");
        String other = members.get(village.member(VillageMeetings.ABSENT)).phone();
        assertThat(files.get(PersonalDataExport.JSON_FILE)).doesNotContain(other)
                .doesNotContain(VillageMeetings.ABSENT);

        assertThat(audit.entriesFor("member", voterId.value())).extracting(AuditEntry::action)
                .contains(PersonalDataExport.EXPORTED);
    }

    @Test
    void exportsLimitedPerWindow() throws Exception {
        Fixtures.Commune commune = fixtures.commune();
        MemberId id = fixtures.member(commune.cell(), "Tạ Văn Tải", vn.chibo.member.MembershipStatus.OFFICIAL,
                vn.chibo.member.ActivityStatus.ACTIVE);
        Actor member = fixtures.account(commune.cell(), id, Role.MEMBER);
        MockHttpSession session = SignIn.as(mvc, member);

        for (int i = 0; i < 3; i++) {
            mvc.perform(post("/me/data/export").with(csrf()).session(session)).andExpect(status().isOk());
        }
        mvc.perform(get("/me/data").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("còn 0 trong 3 lần tải")));
        mvc.perform(post("/me/data/export").with(csrf()).session(session))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("đã tải dữ liệu 3 lần")));

        assertThat(audit.entriesFor("member", id.value())).extracting(AuditEntry::action)
                .containsOnly(PersonalDataExport.EXPORTED).hasSize(3);
    }

    @Test
    void exportByApi() throws Exception {
        Fixtures.Commune commune = fixtures.commune();
        MemberId id = fixtures.member(commune.cell(), "Mai Văn Api", vn.chibo.member.MembershipStatus.OFFICIAL,
                vn.chibo.member.ActivityStatus.ACTIVE);
        Actor member = fixtures.account(commune.cell(), id, Role.MEMBER);

        MvcResult result = mvc.perform(post("/api/v1/me/data-export").with(apiSignIn.as(member)))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/zip"))
                .andReturn();

        Map<String, String> files = unzip(result.getResponse().getContentAsByteArray());
        assertThat(files).containsOnlyKeys(PersonalDataExport.JSON_FILE, PersonalDataExport.HTML_FILE);
        assertThat(json.readTree(files.get(PersonalDataExport.JSON_FILE)).get("memberId").asLong())
                .isEqualTo(id.value());
    }

    @Test
    void exportOfAccountWithoutMember() throws Exception {
        Fixtures.Commune commune = fixtures.commune();
        Actor officer = fixtures.accountWithoutMember(commune.committee(), Role.COMMITTEE_OFFICER);
        Actor administrator = fixtures.accountWithoutMember(commune.committee(), Role.SYSTEM_ADMIN);
        var user = PasskeyTablesTests.storedUser(passkeyUsers, officer);
        passkeyCredentials.save(PasskeyTablesTests.credential(user.getId(), "Điện thoại công vụ"));
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> audit.record(new AuditEntry(
                administrator.accountId().value(), commune.committee().id().value(), "account.roleGranted", "account",
                officer.accountId().value(), "role=COMMITTEE_OFFICER")));
        MockHttpSession session = SignIn.as(mvc, officer);

        mvc.perform(get("/me/data").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("lịch sử đăng nhập")))
                .andExpect(content().string(org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString("/corrections"))));
        MvcResult result = mvc.perform(post("/me/data/export").with(csrf()).session(session))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition",
                        "attachment; filename=\"du-lieu-ca-nhan-tai-khoan-" + officer.accountId().value() + ".zip\""))
                .andReturn();

        Map<String, String> files = unzip(result.getResponse().getContentAsByteArray());
        JsonNode document = json.readTree(files.get(PersonalDataExport.JSON_FILE));
        assertThat(document.get("accountId").asLong()).isEqualTo(officer.accountId().value());
        assertThat(document.has("memberId")).isFalse();
        JsonNode sections = document.get("sections");
        assertThat(sections.get("account").get(0).get("username").asString()).isEqualTo(officer.username());
        assertThat(sections.get("roles").get(0).get("role").asString()).isEqualTo("COMMITTEE_OFFICER");
        assertThat(sections.get("sessions").size()).isGreaterThanOrEqualTo(1);
        assertThat(sections.get("passkeys").get(0).get("label").asString()).isEqualTo("Điện thoại công vụ");
        assertThat(sections.get("passkeys").get(0).has("credential_id")).isFalse();
        assertThat(sections.get("signIns").findValuesAsString("action")).contains("account.signedIn");
        assertThat(sections.get("notifications").isArray()).isTrue();
        assertThat(sections.get("auditEntries").findValuesAsString("action")).contains("account.roleGranted");
        assertThat(sections.has("profile")).isFalse();
        assertThat(files.get(PersonalDataExport.HTML_FILE)).contains("Dữ liệu cá nhân của " + officer.displayName())
                .contains("Lịch sử đăng nhập");

        mvc.perform(post("/api/v1/me/data-export").with(apiSignIn.as(officer)))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/zip"));
        assertThat(audit.entriesFor("account", officer.accountId().value()))
                .filteredOn(entry -> entry.action().equals(PersonalDataExport.EXPORTED))
                .hasSize(2)
                .allSatisfy(entry -> assertThat(entry.actorAccountId()).isEqualTo(officer.accountId().value()));
    }

    @Test
    void accessListShownToMemberAndSecretary() throws Exception {
        Village village = villages.publishedMeeting();
        MemberId memberId = village.member(VOTER);
        Actor member = villages.accountOf(village, VOTER);
        Actor neighbour = villages.accountOf(village, VillageMeetings.ABSENT);
        profiles.view(village.secretary(), village.commune().cell().id(), memberId);
        mvc.perform(get("/cells/{cell}/members", village.commune().cell().id().value())
                .session(SignIn.as(mvc, village.secretary()))).andExpect(status().isOk());

        mvc.perform(get("/members/{id}/access", memberId.value()).session(SignIn.as(mvc, member)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(village.secretary().displayName())))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Hồ sơ đảng viên")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString(
                        "Danh sách chi bộ kèm số điện thoại và email")));
        mvc.perform(get("/members/{id}/access", memberId.value()).session(SignIn.as(mvc, village.secretary())))
                .andExpect(status().isOk());
        mvc.perform(get("/members/{id}/access", memberId.value()).session(SignIn.as(mvc, neighbour)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/members/{id}/access", memberId.value()).with(apiSignIn.as(member)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].kind").value("ROSTER_WITH_CONTACTS"))
                .andExpect(jsonPath("$[1].kind").value("PROFILE"))
                .andExpect(jsonPath("$[1].readerAccountId").value(village.secretary().accountId().value()));

        Fixtures.Commune elsewhere = fixtures.commune();
        Actor outsider = fixtures.accountWithoutMember(elsewhere.cell(), Role.CELL_SECRETARY);
        mvc.perform(get("/members/{id}/access", memberId.value()).session(SignIn.as(mvc, outsider)))
                .andExpect(status().isNotFound());
    }

    private static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> files = new HashMap<>();
        try (var input = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = input.getNextEntry()) != null) {
                files.put(entry.getName(), new String(input.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
