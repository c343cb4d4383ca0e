package vn.chibo.member.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import vn.chibo.account.AccountId;
import vn.chibo.account.AccountRecord;
import vn.chibo.account.Accounts;
import vn.chibo.account.Actor;
import vn.chibo.account.Grant;
import vn.chibo.account.Role;
import vn.chibo.member.ActivityStatus;
import vn.chibo.member.CellRole;
import vn.chibo.member.Member;
import vn.chibo.member.MemberId;
import vn.chibo.member.Members;
import vn.chibo.member.MembershipStatus;
import vn.chibo.member.NewMember;
import vn.chibo.member.Sex;
import vn.chibo.organization.Organization;
import vn.chibo.testing.Fixtures;
import vn.chibo.testing.SignIn;
import vn.chibo.testing.SqlTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SqlTest
@AutoConfigureMockMvc
class MemberAccountPagesTests {

    private static final Pattern SLIP = Pattern.compile(
            "<h2 class=\"slip-name\">([^<]+)</h2>.*?<dd class=\"slip-value\">([^<]+)</dd>.*?"
                    + "<dd class=\"slip-value\">([^<]+)</dd>.*?<dd class=\"slip-value slip-password\">([^<]+)</dd>",
            Pattern.DOTALL);

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Members members;

    @Autowired
    Accounts accounts;

    @Test
    void issuedAccountsSignInAndMustChangePassword() throws Exception {
        var commune = fixtures.commune();
        fixtures.villageRoster(commune.cell());
        Actor bootstrap = fixtures.accountWithoutMember(commune.cell(), Role.CELL_SECRETARY);

        String page = mvc.perform(post("/cells/{cell}/members/accounts", commune.cell().id().value())
                        .session(SignIn.as(mvc, bootstrap)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        Map<String, Slip> slips = slips(page);
        assertThat(slips).hasSize(36);
        Slip thang = slips.get("Nguyễn Văn Thắng");
        assertThat(thang.username()).isEqualTo("0912104729");
        assertThat(thang.address()).isEqualTo("http://localhost/login");
        assertThat(page).contains(commune.cell().name(), "In phiếu", "data-print",
                "Ở lần đăng nhập đầu tiên, đồng chí phải đặt mật khẩu mới của riêng mình.");

        // The roster names him secretary, a role that requires a second factor, which comes first.
        MockHttpSession secretary = SignIn.as(mvc, thang.username(), thang.password());
        mvc.perform(get("/").session(secretary)).andExpect(redirectedUrl("/account/two-factor/enrol"));

        Slip anh = slips.get("Phạm Thị Ánh");
        MockHttpSession session = SignIn.as(mvc, anh.username(), anh.password());
        mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/account/password"));
        mvc.perform(post("/account/password").param("currentPassword", anh.password())
                        .param("newPassword", "mat-khau-rieng-cua-toi").param("confirmation", "mat-khau-rieng-cua-toi")
                        .session(session).with(csrf()))
                .andExpect(redirectedUrl("/"));
        mvc.perform(get("/").session(session)).andExpect(status().isOk());
    }

    @Test
    void officesBecomeAccountRoles() throws Exception {
        var commune = fixtures.commune();
        MemberId secretaryMember = memberWithOffice(commune.cell(), "Nguyễn Văn Bí", CellRole.CELL_SECRETARY);
        MemberId deputy = memberWithOffice(commune.cell(), "Trần Thị Phó", CellRole.CELL_DEPUTY_SECRETARY);
        MemberId committeeMember = memberWithOffice(commune.cell(), "Lê Văn Ủy", CellRole.CELL_COMMITTEE_MEMBER);
        MemberId plain = memberWithOffice(commune.cell(), "Phạm Thị Thường", null);
        Actor bootstrap = fixtures.accountWithoutMember(commune.cell(), Role.CELL_SECRETARY);

        mvc.perform(post("/cells/{cell}/members/accounts", commune.cell().id().value())
                .session(SignIn.as(mvc, bootstrap)).with(csrf())).andExpect(status().isOk());

        var cell = commune.cell().id();
        assertThat(grantsOf(secretaryMember)).containsExactlyInAnyOrder(new Grant(cell, Role.MEMBER),
                new Grant(cell, Role.CELL_SECRETARY));
        assertThat(grantsOf(deputy)).containsExactlyInAnyOrder(new Grant(cell, Role.MEMBER),
                new Grant(cell, Role.CELL_DEPUTY_SECRETARY));
        assertThat(grantsOf(committeeMember)).containsExactlyInAnyOrder(new Grant(cell, Role.MEMBER),
                new Grant(cell, Role.CELL_COMMITTEE_MEMBER));
        assertThat(grantsOf(plain)).containsExactly(new Grant(cell, Role.MEMBER));
        AccountRecord account = accounts.findByMember(plain.value()).orElseThrow();
        assertThat(account.username()).isEqualTo(members.get(plain).phone());
        assertThat(account.displayName()).isEqualTo("Phạm Thị Thường");
        assertThat(account.mustChangePassword()).isTrue();
    }

    @Test
    void skippedMembersListedWithReason() throws Exception {
        var commune = fixtures.commune();
        members.add(commune.cell().id(), new NewMember("Cao Văn Không", null, LocalDate.of(1960, 1, 1),
                LocalDate.of(1985, 1, 1), LocalDate.of(1986, 1, 1), "77000001", null,
                MembershipStatus.OFFICIAL, ActivityStatus.EXEMPT, null, null, null, null, null));
        MemberId withAccount = fixtures.member(commune.cell(), "Lê Văn Có", MembershipStatus.OFFICIAL,
                ActivityStatus.ACTIVE);
        Actor secretary = fixtures.account(commune.cell(), withAccount, Role.MEMBER, Role.CELL_SECRETARY);
        MemberId taken = fixtures.member(commune.cell(), "Trần Thị Trùng", MembershipStatus.OFFICIAL,
                ActivityStatus.ACTIVE);
        Member takenMember = members.get(taken);
        accounts.create(takenMember.phone(), "mat-khau-khac", "Người khác", null, false, List.of());
        MockHttpSession session = SignIn.as(mvc, secretary);

        String plan = mvc.perform(get("/cells/{cell}/members/accounts", commune.cell().id().value()).session(session))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String issued = mvc.perform(post("/cells/{cell}/members/accounts", commune.cell().id().value())
                        .session(session).with(csrf()))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        for (String page : List.of(plan, issued)) {
            assertThat(page).contains("Không cấp tài khoản cho 3 đảng viên",
                    "Cao Văn Không: chưa có số điện thoại trong danh sách.",
                    "Lê Văn Có: đã có tài khoản.",
                    "Trần Thị Trùng: không cấp được tài khoản với số điện thoại này. "
                            + "Xin liên hệ Đảng ủy cấp trên để được giúp.");
            assertThat(page).doesNotContain("tên đăng nhập của", "tài khoản khác");
        }
        assertThat(slips(issued)).isEmpty();
        assertThat(issued).contains("Không có tài khoản mới nào được cấp.");
    }

    @Test
    void phoneOfOtherCellsAccountNotRevealed() throws Exception {
        var commune = fixtures.commune();
        Organization otherCell = fixtures.cellUnder(commune.committee());
        MemberId elsewhere = fixtures.member(otherCell, "Trần Văn Khác", MembershipStatus.OFFICIAL,
                ActivityStatus.ACTIVE);
        String phone = members.get(elsewhere).phone();
        AccountId otherAccount = accounts.create(phone, "mat-khau-khac", "Trần Văn Khác", elsewhere.value(), false,
                List.of(new Grant(otherCell.id(), Role.MEMBER)));
        MemberId trung = members.add(commune.cell().id(), new NewMember("Trần Thị Trùng", Sex.FEMALE,
                LocalDate.of(1980, 5, 1), LocalDate.of(2005, 5, 1), LocalDate.of(2006, 5, 1), null, null,
                MembershipStatus.OFFICIAL, ActivityStatus.ACTIVE, phone, null, null, null, null));
        Actor secretary = fixtures.accountWithoutMember(commune.cell(), Role.CELL_SECRETARY);
        MockHttpSession session = SignIn.as(mvc, secretary);
        long cell = commune.cell().id().value();

        String english = page(get("/cells/{cell}/members/accounts", cell).param("lang", "en").session(session));
        String german = page(get("/cells/{cell}/members/accounts", cell).param("lang", "de").session(session));
        String issued = page(post("/cells/{cell}/members/accounts", cell).param("lang", "vi").session(session)
                .with(csrf()));

        assertThat(english).contains("Trần Thị Trùng: no account could be issued with this phone number. "
                + "Please contact the Party committee above (Đảng ủy cấp trên).").doesNotContain("of another account");
        assertThat(german).contains("Trần Thị Trùng: mit dieser Telefonnummer konnte kein Konto ausgestellt "
                + "werden. Bitte wenden Sie sich an das übergeordnete Parteikomitee (Đảng ủy cấp trên).")
                .doesNotContain("eines anderen Kontos");
        assertThat(issued).contains("Trần Thị Trùng: không cấp được tài khoản với số điện thoại này.");
        assertThat(slips(issued)).isEmpty();
        assertThat(accounts.findByMember(trung.value())).isEmpty();
        AccountRecord otherCellsAccount = accounts.findByUsername(phone).orElseThrow();
        assertThat(otherCellsAccount.id()).isEqualTo(otherAccount);
        assertThat(otherCellsAccount.memberId()).isEqualTo(elsewhere.value());
        assertThat(accounts.grantsOf(otherAccount)).containsExactly(new Grant(otherCell.id(), Role.MEMBER));
    }

    @Test
    void phoneSharedInCellNamedAsSuch() throws Exception {
        var commune = fixtures.commune();
        String phone = Fixtures.phone();
        MemberId husband = members.add(commune.cell().id(), new NewMember("Lê Văn Chồng", Sex.MALE,
                LocalDate.of(1970, 5, 1), LocalDate.of(1995, 5, 1), LocalDate.of(1996, 5, 1), null, null,
                MembershipStatus.OFFICIAL, ActivityStatus.ACTIVE, phone, null, null, null, null));
        MemberId wife = members.add(commune.cell().id(), new NewMember("Nguyễn Thị Vợ", Sex.FEMALE,
                LocalDate.of(1972, 5, 1), LocalDate.of(1998, 5, 1), LocalDate.of(1999, 5, 1), null, null,
                MembershipStatus.OFFICIAL, ActivityStatus.ACTIVE, phone, null, null, null, null));
        Actor secretary = fixtures.accountWithoutMember(commune.cell(), Role.CELL_SECRETARY);
        MockHttpSession session = SignIn.as(mvc, secretary);
        long cell = commune.cell().id().value();

        String plan = page(get("/cells/{cell}/members/accounts", cell).session(session));
        String issued = page(post("/cells/{cell}/members/accounts", cell).param("lang", "vi").session(session)
                .with(csrf()));

        String shared = "Nguyễn Thị Vợ: một đảng viên khác trong chi bộ cũng ghi số điện thoại này, mà mỗi số chỉ "
                + "dùng được cho một tài khoản. Xin ghi số riêng của đồng chí này vào danh sách.";
        assertThat(plan).contains(shared);
        assertThat(issued).contains(shared);
        assertThat(slips(issued)).containsOnlyKeys("Lê Văn Chồng");
        assertThat(accounts.findByMember(husband.value())).isPresent();
        assertThat(accounts.findByMember(wife.value())).isEmpty();
    }

    @Test
    void slipAddressFollowsRequestWithoutPublicUrl() throws Exception {
        var commune = fixtures.commune();
        fixtures.member(commune.cell(), "Lê Văn Thường", MembershipStatus.OFFICIAL, ActivityStatus.ACTIVE);
        Actor secretary = fixtures.accountWithoutMember(commune.cell(), Role.CELL_SECRETARY);

        String issued = page(post("/cells/{cell}/members/accounts", commune.cell().id().value())
                .header("Host", "chibo.xa-minh-an.vn").session(SignIn.as(mvc, secretary)).with(csrf()));

        assertThat(slips(issued).get("Lê Văn Thường").address()).isEqualTo("http://chibo.xa-minh-an.vn/login");
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void newInitialPasswordReplacesOld() throws Exception {
        var commune = fixtures.commune();
        MemberId forgetful = fixtures.member(commune.cell(), "Phạm Thị Quên", MembershipStatus.OFFICIAL,
                ActivityStatus.ACTIVE);
        Actor member = fixtures.account(commune.cell(), forgetful, Role.MEMBER);
        Actor secretary = fixtures.accountWithoutMember(commune.cell(), Role.CELL_SECRETARY);
        MockHttpSession session = SignIn.as(mvc, secretary);

        mvc.perform(get("/cells/{cell}/members/{member}/password", commune.cell().id().value(), forgetful.value())
                .session(session)).andExpect(status().isOk());
        String page = mvc.perform(post("/cells/{cell}/members/{member}/password", commune.cell().id().value(),
                        forgetful.value()).session(session).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        Slip slip = slips(page).get("Phạm Thị Quên");
        assertThat(slip.username()).isEqualTo(member.username());
        assertThat(slip.password()).hasSize(10).isNotEqualTo(Fixtures.PASSWORD);
        assertThat(page).doesNotContain(Fixtures.PASSWORD);
        mvc.perform(formLogin("/login").user(member.username()).password(Fixtures.PASSWORD))
                .andExpect(unauthenticated());
        MockHttpSession memberSession = SignIn.as(mvc, slip.username(), slip.password());
        mvc.perform(get("/").session(memberSession)).andExpect(redirectedUrl("/account/password"));
    }

    @Test
    void accountPagesAnswerByRole() throws Exception {
        var commune = fixtures.commune();
        var otherCell = fixtures.cellUnder(commune.committee());
        MemberId plain = fixtures.member(commune.cell(), "Lê Văn Thường", MembershipStatus.OFFICIAL,
                ActivityStatus.ACTIVE);
        Actor member = fixtures.account(commune.cell(), plain, Role.MEMBER);
        MemberId elsewhere = fixtures.member(otherCell, "Trần Văn Khác", MembershipStatus.OFFICIAL,
                ActivityStatus.ACTIVE);
        Actor otherSecretary = fixtures.account(otherCell, elsewhere, Role.MEMBER, Role.CELL_SECRETARY);
        long cell = commune.cell().id().value();

        mvc.perform(post("/cells/{cell}/members/accounts", cell).session(SignIn.as(mvc, member)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/cells/{cell}/members/accounts", cell).session(SignIn.as(mvc, otherSecretary)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/cells/{cell}/members/{member}/password", otherCell.id().value(), plain.value())
                .session(SignIn.as(mvc, otherSecretary)).with(csrf())).andExpect(status().isNotFound());
        assertThat(accounts.findByMember(elsewhere.value())).isPresent();
    }

    private List<Grant> grantsOf(MemberId member) {
        return accounts.grantsOf(accounts.findByMember(member.value()).orElseThrow().id());
    }

    private MemberId memberWithOffice(Organization cell, String name, @Nullable CellRole office) {
        return members.add(cell.id(), new NewMember(name, Sex.FEMALE, LocalDate.of(1980, 5, 1),
                LocalDate.of(2005, 5, 1), LocalDate.of(2006, 5, 1), null, office, MembershipStatus.OFFICIAL,
                ActivityStatus.ACTIVE, Fixtures.phone(), null, null, null, null));
    }

    private record Slip(String address, String username, String password) {
    }

    private static Map<String, Slip> slips(String page) {
        var slips = new LinkedHashMap<String, Slip>();
        Matcher matcher = SLIP.matcher(page);
        while (matcher.find()) {
            slips.put(matcher.group(1), new Slip(matcher.group(2), matcher.group(3), matcher.group(4)));
        }
        return slips;
    }
}
