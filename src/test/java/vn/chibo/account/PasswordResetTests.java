package vn.chibo.account;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;

import vn.chibo.audit.AuditEntry;
import vn.chibo.audit.AuditLog;
import vn.chibo.member.ActivityStatus;
import vn.chibo.member.MemberId;
import vn.chibo.member.MembershipStatus;
import vn.chibo.organization.Organization;
import vn.chibo.system.ForbiddenException;
import vn.chibo.testing.Fixtures;
import vn.chibo.testing.SqlTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SqlTest
class PasswordResetTests {

    @Autowired
    Fixtures fixtures;

    @Autowired
    AccountIssuing issuing;

    @Autowired
    Accounts accounts;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    AuditLog audit;

    @Autowired
    SecondFactors secondFactors;

    @Autowired
    Passkeys passkeys;

    @Autowired
    PublicKeyCredentialUserEntityRepository passkeyUsers;

    @Autowired
    UserCredentialRepository passkeyCredentials;

    @Test
    void resetsPlainMemberAndForcesChange() {
        var commune = fixtures.commune();
        Actor secretary = fixtures.accountWithoutMember(commune.cell(), Role.CELL_SECRETARY);
        MemberId member = official(commune.cell(), "Phạm Thị Ánh");
        Actor account = fixtures.account(commune.cell(), member, Role.MEMBER);

        AccountIssuing.Issued slip = issuing.resetPassword(secretary, commune.cell().id(), member.value());

        assertThat(slip.username()).isEqualTo(account.username());
        assertThat(slip.initialPassword()).hasSize(10).isNotEqualTo(Fixtures.PASSWORD);
        assertThat(passwordEncoder.matches(Fixtures.PASSWORD, accounts.passwordHash(account.accountId()))).isFalse();
        assertThat(passwordEncoder.matches(slip.initialPassword(), accounts.passwordHash(account.accountId())))
                .isTrue();
        assertThat(audit.entriesFor("account", account.accountId().value()))
                .anySatisfy(entry -> assertThat(entry.action()).isEqualTo("account.passwordReset"))
                .allSatisfy(entry -> assertThat(String.valueOf(entry.detail())).doesNotContain(Fixtures.PASSWORD)
                        .doesNotContain(slip.initialPassword()));
        assertThat(accounts.find(account.accountId())).get().extracting(AccountRecord::mustChangePassword)
                .isEqualTo(true);
    }

    @Test
    void resetRemovesLostPhonesCredentials() {
        var commune = fixtures.commune();
        Actor secretary = fixtures.accountWithoutMember(commune.cell(), Role.CELL_SECRETARY);
        MemberId member = official(commune.cell(), "Phạm Thị Ánh");
        Actor account = fixtures.account(commune.cell(), member, Role.MEMBER);
        fixtures.enrolSecondFactor(account.accountId(), account.username());
        var user = PasskeyTablesTests.storedUser(passkeyUsers, account);
        passkeyCredentials.save(PasskeyTablesTests.credential(user.getId(), "Điện thoại bị mất"));
        int generation = accounts.find(account.accountId()).orElseThrow().sessionGeneration();

        issuing.resetPassword(secretary, commune.cell().id(), member.value());

        assertThat(secondFactors.isEnabled(account.accountId())).isFalse();
        assertThat(secondFactors.statusOf(account).recoveryCodesLeft()).isZero();
        assertThat(passkeys.countOf(account.accountId())).isZero();
        assertThat(accounts.find(account.accountId()).orElseThrow().sessionGeneration()).isEqualTo(generation + 1);
        assertThat(audit.entriesFor("account", account.accountId().value()))
                .filteredOn(entry -> entry.action().equals("account.passwordReset"))
                .singleElement()
                .extracting(AuditEntry::detail)
                .isEqualTo("secondFactorRemoved=true passkeysDeleted=1 sessionsEnded=0");
    }

    @Test
    void refusesAccountWithRoleInAnotherOrganization() {
        var commune = fixtures.commune();
        var otherCell = fixtures.cellUnder(commune.committee());
        Actor otherSecretary = fixtures.accountWithoutMember(otherCell, Role.CELL_SECRETARY);
        MemberId officerMember = official(otherCell, "Đoàn Thị Mến");
        Actor officer = fixtures.account(otherCell, officerMember, Role.MEMBER);
        accounts.grant(officer.accountId(), new Grant(commune.committee().id(), Role.COMMITTEE_OFFICER));

        assertThatThrownBy(() -> issuing.resetPassword(otherSecretary, otherCell.id(), officerMember.value()))
                .isInstanceOf(ForbiddenException.class)
                .hasMessage("account.reset.error.beyondCell");
        assertThat(accounts.find(officer.accountId())).get().extracting(AccountRecord::mustChangePassword)
                .isEqualTo(false);
    }

    @Test
    void deputyCannotResetSecretary() {
        var commune = fixtures.commune();
        MemberId secretaryMember = official(commune.cell(), "Nguyễn Văn Thắng");
        fixtures.account(commune.cell(), secretaryMember, Role.MEMBER, Role.CELL_SECRETARY);
        Actor deputy = fixtures.account(commune.cell(), official(commune.cell(), "Trần Thị Hường"), Role.MEMBER,
                Role.CELL_DEPUTY_SECRETARY);

        assertThatThrownBy(() -> issuing.resetPassword(deputy, commune.cell().id(), secretaryMember.value()))
                .isInstanceOf(ForbiddenException.class)
                .hasMessage("account.reset.error.beyondCell");
    }

    @Test
    void secretaryCannotResetOwnAccount() {
        var commune = fixtures.commune();
        MemberId secretaryMember = official(commune.cell(), "Nguyễn Văn Thắng");
        Actor secretary = fixtures.account(commune.cell(), secretaryMember, Role.MEMBER, Role.CELL_SECRETARY);

        assertThatThrownBy(() -> issuing.resetPassword(secretary, commune.cell().id(), secretaryMember.value()))
                .isInstanceOf(ForbiddenException.class)
                .hasMessage("account.reset.error.own");
    }

    private MemberId official(Organization cell, String name) {
        return fixtures.member(cell, name, MembershipStatus.OFFICIAL, ActivityStatus.ACTIVE);
    }
}
