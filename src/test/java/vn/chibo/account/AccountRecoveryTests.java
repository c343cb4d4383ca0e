package vn.chibo.account;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.chibo.audit.AuditEntry;
import vn.chibo.audit.AuditLog;
import vn.chibo.member.ActivityStatus;
import vn.chibo.member.MembershipStatus;
import vn.chibo.organization.Organization;
import vn.chibo.organization.OrganizationKind;
import vn.chibo.organization.Organizations;
import vn.chibo.system.ForbiddenException;
import vn.chibo.system.NotFoundException;
import vn.chibo.testing.ApiSignIn;
import vn.chibo.testing.Fixtures;
import vn.chibo.testing.SignIn;
import vn.chibo.testing.SqlTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The recovery of an account by an officer of a committee above it or an administrator, through the
 * real security configuration and the database session store: the confirmation page, the slip, what
 * the recovery removes, what the next sign-in asks for, and who may recover whom.
 */
@SqlTest
@AutoConfigureMockMvc
class AccountRecoveryTests {

    private static final Pattern SLIP_PASSWORD = Pattern.compile("slip-password\">([^<]+)<");

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    AccountRecovery recovery;

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    @Autowired
    SecondFactors secondFactors;

    @Autowired
    Passkeys passkeys;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApiSignIn apiSignIn;

    @Autowired
    PublicKeyCredentialUserEntityRepository passkeyUsers;

    @Autowired
    UserCredentialRepository passkeyCredentials;

    @Test
    void officerRecoversSecretaryWhoLostPhone() throws Exception {
        var commune = fixtures.commune();
        Actor officer = fixtures.accountWithoutMember(commune.committee(), Role.COMMITTEE_OFFICER);
        Actor secretary = fixtures.account(commune.cell(), official(commune.cell(), "Nguyễn Văn Thắng"), Role.MEMBER,
                Role.CELL_SECRETARY);
        storePasskey(secretary);
        MockHttpSession lostPhone = SignIn.as(mvc, secretary);
        RequestPostProcessor lostToken = apiSignIn.as(secretary);
        int codesLeft = secondFactors.statusOf(secretary).recoveryCodesLeft();
        MockHttpSession officerSession = SignIn.as(mvc, officer);

        mvc.perform(get("/accounts/{id}/recovery", secretary.accountId().value()).session(officerSession))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Khôi phục tài khoản của " + secretary.displayName())))
                .andExpect(content().string(containsString("Bí thư chi bộ, " + commune.cell().name())))
                .andExpect(content().string(containsString(
                        "Xác thực hai bước bị gỡ, cùng " + codesLeft + " mã khôi phục chưa dùng.")))
                .andExpect(content().string(containsString("Xóa 1 khóa truy cập (passkey) của tài khoản.")))
                .andExpect(content().string(containsString(
                        "Kết thúc 1 phiên đăng nhập trên mọi thiết bị và thu hồi 1 mã ứng dụng.")))
                .andExpect(content().string(containsString("phải cài lại ứng dụng xác thực")));
        assertThat(accounts.find(secretary.accountId())).get().extracting(AccountRecord::mustChangePassword)
                .isEqualTo(false);

        MvcResult slip = mvc.perform(post("/accounts/{id}/recovery", secretary.accountId().value())
                        .session(officerSession).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(content().string(containsString(secretary.username())))
                .andReturn();
        String initialPassword = slipPassword(slip);

        String hash = accounts.passwordHash(secretary.accountId());
        assertThat(passwordEncoder.matches(initialPassword, hash)).isTrue();
        assertThat(passwordEncoder.matches(Fixtures.PASSWORD, hash)).isFalse();
        assertThat(slip.getResponse().getContentAsString()).doesNotContain(Fixtures.PASSWORD);
        assertThat(accounts.find(secretary.accountId())).get().extracting(AccountRecord::mustChangePassword)
                .isEqualTo(true);
        assertThat(secondFactors.isEnabled(secretary.accountId())).isFalse();
        assertThat(recoveryCodeRows(secretary)).isZero();
        assertThat(passkeys.countOf(secretary.accountId())).isZero();
        mvc.perform(get("/").session(lostPhone)).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/api/v1/me").with(lostToken)).andExpect(status().isUnauthorized());

        assertThat(audit.entriesFor("account", secretary.accountId().value()))
                .filteredOn(entry -> entry.action().equals("account.recovered"))
                .singleElement()
                .satisfies(entry -> {
                    assertThat(entry.actorAccountId()).isEqualTo(officer.accountId().value());
                    assertThat(entry.detail()).isEqualTo("secondFactorRemoved=true passkeysDeleted=1 sessionsEnded=1");
                });

        // The next sign-in asks for a new authenticator app first, and the password change follows.
        mvc.perform(formLogin("/login").user(secretary.username()).password(initialPassword))
                .andExpect(redirectedUrl("/account/two-factor/enrol"));
    }

    @Test
    void recoveredMemberMustChangePassword() throws Exception {
        var commune = fixtures.commune();
        Actor officer = fixtures.accountWithoutMember(commune.committee(), Role.COMMITTEE_OFFICER);
        Actor member = fixtures.account(commune.cell(), official(commune.cell(), "Phạm Thị Ánh"), Role.MEMBER);

        AccountRecovery.Recovered recovered = recovery.recover(officer, member.accountId());

        assertThat(recovered.secondFactorRequired()).isFalse();
        MockHttpSession session = SignIn.withPasswordOnly(mvc, member.username(), recovered.initialPassword());
        mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/account/password"));
    }

    @Test
    void administratorRecoversAdministrator() {
        var commune = fixtures.commune();
        Actor administrator = fixtures.accountWithoutMember(commune.committee(), Role.SYSTEM_ADMIN);
        Actor otherAdministrator = fixtures.accountWithoutMember(commune.committee(), Role.SYSTEM_ADMIN);

        AccountRecovery.Recovered recovered = recovery.recover(administrator, otherAdministrator.accountId());

        assertThat(recovered.username()).isEqualTo(otherAdministrator.username());
        assertThat(recovered.secondFactorRequired()).isTrue();
        assertThat(secondFactors.isEnabled(otherAdministrator.accountId())).isFalse();
    }

    @Test
    void officerOfDistrictRecoversCommuneOfficer() {
        Organization district = organizations.create(null, OrganizationKind.COMMITTEE, "Huyện ủy Thử", null);
        Organization commune = organizations.create(district.id(), OrganizationKind.COMMITTEE, "Đảng ủy xã Thử", null);
        Actor districtOfficer = fixtures.accountWithoutMember(district, Role.COMMITTEE_OFFICER);
        Actor communeOfficer = fixtures.accountWithoutMember(commune, Role.COMMITTEE_OFFICER);
        Actor fellowOfficer = fixtures.accountWithoutMember(commune, Role.COMMITTEE_OFFICER);

        assertThat(recovery.canRecover(districtOfficer, communeOfficer.accountId())).isTrue();
        assertThat(recovery.canRecover(fellowOfficer, communeOfficer.accountId())).isFalse();
        assertThatThrownBy(() -> recovery.preview(fellowOfficer, communeOfficer.accountId()))
                .isInstanceOf(ForbiddenException.class)
                .hasMessage("account.recovery.error.beyondCommittee");
        assertThat(recovery.recover(districtOfficer, communeOfficer.accountId()).username())
                .isEqualTo(communeOfficer.username());
    }

    @Test
    void rejectsRecoveryBeyondActorsRights() {
        var commune = fixtures.commune();
        var otherCommune = fixtures.commune();
        Actor officer = fixtures.accountWithoutMember(commune.committee(), Role.COMMITTEE_OFFICER);
        Actor secretary = fixtures.account(commune.cell(), official(commune.cell(), "Trần Thị Hường"), Role.MEMBER,
                Role.CELL_SECRETARY);
        Actor member = fixtures.account(commune.cell(), official(commune.cell(), "Đoàn Thị Mến"), Role.MEMBER);
        Actor administrator = fixtures.accountWithoutMember(commune.committee(), Role.SYSTEM_ADMIN);
        Actor foreignOfficer = fixtures.accountWithoutMember(otherCommune.committee(), Role.COMMITTEE_OFFICER);
        // A member of this commune's cell who is also the secretary of a cell in the other commune.
        Actor twoCommunes = fixtures.account(commune.cell(), official(commune.cell(), "Lương Văn Sở"), Role.MEMBER);
        accounts.grant(twoCommunes.accountId(), new Grant(otherCommune.cell().id(), Role.CELL_SECRETARY));

        assertThatThrownBy(() -> recovery.preview(officer, officer.accountId()))
                .isInstanceOf(ForbiddenException.class)
                .hasMessage("account.recovery.error.own");
        assertThatThrownBy(() -> recovery.recover(officer, administrator.accountId()))
                .isInstanceOf(ForbiddenException.class)
                .hasMessage("account.recovery.error.administrator");
        assertThatThrownBy(() -> recovery.recover(officer, twoCommunes.accountId()))
                .isInstanceOf(ForbiddenException.class)
                .hasMessage("account.recovery.error.beyondCommittee");
        assertThatThrownBy(() -> recovery.recover(foreignOfficer, member.accountId()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> recovery.recover(secretary, member.accountId()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> recovery.preview(officer, AccountId.of(Long.MAX_VALUE)))
                .isInstanceOf(NotFoundException.class);

        assertThat(accounts.find(member.accountId())).get().extracting(AccountRecord::mustChangePassword)
                .isEqualTo(false);
        assertThat(audit.entriesFor("account", twoCommunes.accountId().value())).extracting(AuditEntry::action)
                .doesNotContain("account.recovered");
    }

    @Test
    void rolesPageLinksRecoveryForOfficerOnly() throws Exception {
        var commune = fixtures.commune();
        Actor officer = fixtures.accountWithoutMember(commune.committee(), Role.COMMITTEE_OFFICER);
        Actor secretary = fixtures.account(commune.cell(), official(commune.cell(), "Nguyễn Văn Thắng"), Role.MEMBER,
                Role.CELL_SECRETARY);
        Actor member = fixtures.account(commune.cell(), official(commune.cell(), "Phạm Thị Ánh"), Role.MEMBER);
        String secretaryLink = "/accounts/" + secretary.accountId().value() + "/recovery";
        String memberLink = "/accounts/" + member.accountId().value() + "/recovery";

        mvc.perform(get("/organizations/{id}/roles", commune.cell().id().value()).session(SignIn.as(mvc, officer)))
                .andExpect(content().string(containsString(secretaryLink)))
                .andExpect(content().string(containsString(memberLink)));
        mvc.perform(get("/organizations/{id}/roles", commune.cell().id().value()).session(SignIn.as(mvc, secretary)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("/recovery"))));
    }

    private vn.chibo.member.MemberId official(Organization cell, String name) {
        return fixtures.member(cell, name, MembershipStatus.OFFICIAL, ActivityStatus.ACTIVE);
    }

    private void storePasskey(Actor owner) {
        var user = PasskeyTablesTests.storedUser(passkeyUsers, owner);
        passkeyCredentials.save(PasskeyTablesTests.credential(user.getId(), "Điện thoại"));
    }

    private int recoveryCodeRows(Actor actor) {
        return jdbc.sql("select count(*) from recovery_code where account_id = :account")
                .param("account", actor.accountId().value())
                .query(Integer.class)
                .single();
    }

    private static String slipPassword(MvcResult result) throws Exception {
        Matcher matcher = SLIP_PASSWORD.matcher(result.getResponse().getContentAsString());
        assertThat(matcher.find()).as("the slip shows the new password").isTrue();
        return matcher.group(1);
    }
}
