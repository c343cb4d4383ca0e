package vn.chibo.account;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import vn.chibo.audit.AuditLog;
import vn.chibo.member.ActivityStatus;
import vn.chibo.member.MemberId;
import vn.chibo.member.MembershipStatus;
import vn.chibo.organization.Organization;
import vn.chibo.organization.OrganizationKind;
import vn.chibo.organization.Organizations;
import vn.chibo.system.ForbiddenException;
import vn.chibo.system.NotFoundException;
import vn.chibo.testing.Fixtures;
import vn.chibo.testing.SignIn;
import vn.chibo.testing.SqlTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SqlTest
@AutoConfigureMockMvc
class RoleGrantsTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Organizations organizations;

    @Autowired
    Accounts accounts;

    @Autowired
    RoleGrants roleGrants;

    @Autowired
    RolePermissions permissions;

    @Autowired
    AuditLog audit;

    Fixtures.Commune commune;
    Organization siblingCell;
    Organization subCommittee;
    Organization cellBelowSub;
    Actor secretary;
    Actor member;
    Actor outsider;
    Actor officer;
    Actor admin;

    @BeforeEach
    void commune() {
        commune = fixtures.commune();
        siblingCell = fixtures.cellUnder(commune.committee());
        subCommittee = organizations.create(commune.committee().id(), OrganizationKind.COMMITTEE, "Đảng bộ bộ phận",
                null);
        cellBelowSub = fixtures.cellUnder(subCommittee);
        secretary = fixtures.account(commune.cell(), official(commune.cell(), "Nguyễn Văn Thắng"), Role.MEMBER,
                Role.CELL_SECRETARY);
        member = fixtures.account(commune.cell(), official(commune.cell(), "Trần Thị Hường"), Role.MEMBER);
        outsider = fixtures.account(siblingCell, official(siblingCell, "Đặng Văn Ngoài"), Role.MEMBER);
        officer = fixtures.accountWithoutMember(commune.committee(), Role.COMMITTEE_OFFICER);
        admin = fixtures.accountWithoutMember(commune.committee(), Role.SYSTEM_ADMIN);
    }

    @Test
    void manageableRolesFollowTheRules() {
        Set<Role> cellRoles = EnumSet.of(Role.MEMBER, Role.CELL_COMMITTEE_MEMBER, Role.CELL_DEPUTY_SECRETARY);
        Actor deputy = fixtures.account(commune.cell(), official(commune.cell(), "Lê Văn Phó"), Role.MEMBER,
                Role.CELL_DEPUTY_SECRETARY);
        Actor subOfficer = fixtures.accountWithoutMember(subCommittee, Role.COMMITTEE_OFFICER);

        assertThat(permissions.manageable(secretary, commune.cell())).isEqualTo(cellRoles);
        assertThat(permissions.manageable(secretary, siblingCell)).isEmpty();
        assertThat(permissions.manageable(deputy, commune.cell())).isEmpty();
        assertThat(permissions.manageable(member, commune.cell())).isEmpty();
        assertThat(permissions.manageable(officer, commune.cell())).containsExactly(Role.CELL_SECRETARY);
        assertThat(permissions.manageable(officer, cellBelowSub)).containsExactly(Role.CELL_SECRETARY);
        assertThat(permissions.manageable(officer, subCommittee)).containsExactly(Role.COMMITTEE_OFFICER);
        assertThat(permissions.manageable(officer, commune.committee())).isEmpty();
        assertThat(permissions.manageable(subOfficer, cellBelowSub)).containsExactly(Role.CELL_SECRETARY);
        assertThat(permissions.manageable(subOfficer, commune.cell())).isEmpty();
        assertThat(permissions.manageable(subOfficer, subCommittee)).isEmpty();
        assertThat(permissions.manageable(admin, commune.cell())).isEqualTo(EnumSet.of(Role.MEMBER,
                Role.CELL_COMMITTEE_MEMBER, Role.CELL_DEPUTY_SECRETARY, Role.CELL_SECRETARY));
        assertThat(permissions.manageable(admin, commune.committee()))
                .isEqualTo(EnumSet.of(Role.COMMITTEE_OFFICER, Role.SYSTEM_ADMIN));
    }

    @Test
    void secretaryGrantsDeputyWithEffectNextRequest() throws Exception {
        // A deputy needs a second factor. This member has one, so the role works from the next request
        // on; without one, that request goes to enrolment (SecondFactorTests).
        fixtures.enrolSecondFactor(member.accountId(), member.username());
        MockHttpSession secretarySession = SignIn.as(mvc, secretary);
        MockHttpSession memberSession = SignIn.as(mvc, member);
        String accounts = "/cells/" + commune.cell().id() + "/members/accounts";
        mvc.perform(get(accounts).session(memberSession)).andExpect(status().isForbidden());

        mvc.perform(post("/organizations/{id}/roles/grant", commune.cell().id().value()).session(secretarySession)
                        .with(csrf())
                        .param("accountId", member.accountId().toString())
                        .param("role", "CELL_DEPUTY_SECRETARY"))
                .andExpect(redirectedUrl("/organizations/" + commune.cell().id() + "/roles"))
                .andExpect(flash().attributeExists("flash"));

        mvc.perform(get(accounts).session(memberSession)).andExpect(status().isOk());
        assertThat(audit.entriesFor("account", member.accountId().value()))
                .anySatisfy(entry -> {
                    assertThat(entry.action()).isEqualTo("account.roleGranted");
                    assertThat(entry.detail()).isEqualTo("role=CELL_DEPUTY_SECRETARY");
                    assertThat(entry.organizationId()).isEqualTo(commune.cell().id().value());
                });

        mvc.perform(post("/organizations/{id}/roles/revoke", commune.cell().id().value()).session(secretarySession)
                        .with(csrf())
                        .param("accountId", member.accountId().toString())
                        .param("role", "CELL_DEPUTY_SECRETARY"))
                .andExpect(status().is3xxRedirection());

        mvc.perform(get(accounts).session(memberSession)).andExpect(status().isForbidden());
        assertThat(audit.entriesFor("account", member.accountId().value()))
                .anySatisfy(entry -> assertThat(entry.action()).isEqualTo("account.roleRevoked"));
    }

    @Test
    void pageListsCellMembersAccounts() throws Exception {
        MemberId withoutRole = official(commune.cell(), "Phạm Văn Chưa");
        Actor unassigned = fixtures.account(siblingCell, withoutRole);
        MockHttpSession session = SignIn.as(mvc, secretary);

        mvc.perform(get("/organizations/{id}/roles", commune.cell().id().value()).session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(member.displayName())))
                .andExpect(content().string(containsString(unassigned.displayName())))
                .andExpect(content().string(containsString("Giao vai trò Phó bí thư chi bộ")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString(outsider.displayName()))));
    }

    @Test
    void secretaryCannotGrantAboveOwnRole() {
        assertThatThrownBy(() -> roleGrants.grant(secretary, commune.cell().id(), member.accountId(),
                Role.CELL_SECRETARY))
                .isInstanceOf(ForbiddenException.class)
                .hasMessage("account.roles.error.notAllowed");
        assertThatThrownBy(() -> roleGrants.grant(secretary, commune.cell().id(), member.accountId(),
                Role.COMMITTEE_OFFICER))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void secretaryCannotGrantToOutsider() {
        assertThatThrownBy(() -> roleGrants.grant(secretary, commune.cell().id(), outsider.accountId(),
                Role.CELL_COMMITTEE_MEMBER))
                .isInstanceOf(NotFoundException.class);

        assertThat(accounts.grantsOf(outsider.accountId())).containsExactly(new Grant(siblingCell.id(), Role.MEMBER));
    }

    @Test
    void outsiderGets404AndMember403() throws Exception {
        mvc.perform(get("/organizations/{id}/roles", commune.cell().id().value()).session(SignIn.as(mvc, outsider)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/organizations/{id}/roles", commune.cell().id().value()).session(SignIn.as(mvc, member)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/organizations/{id}/roles", 999_999).session(SignIn.as(mvc, admin)))
                .andExpect(status().isNotFound());
    }

    @Test
    void officerGrantsSecretaryOfCellBelow() {
        assertThat(roleGrants.grant(officer, commune.cell().id(), member.accountId(), Role.CELL_SECRETARY)).isTrue();
        assertThat(roleGrants.grant(officer, commune.cell().id(), member.accountId(), Role.CELL_SECRETARY)).isFalse();

        assertThat(accounts.grantsOf(member.accountId())).contains(new Grant(commune.cell().id(),
                Role.CELL_SECRETARY));
        assertThatThrownBy(() -> roleGrants.grant(officer, commune.cell().id(), member.accountId(),
                Role.CELL_DEPUTY_SECRETARY))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void officerFindsAccountsBelowOnly() {
        Organization elsewhere = organizations.create(null, OrganizationKind.COMMITTEE, "Đảng bộ xã khác", null);
        Actor stranger = fixtures.accountWithoutMember(fixtures.cellUnder(elsewhere), Role.MEMBER);

        RoleGrants.RolesPage found = roleGrants.page(officer, subCommittee.id(), secretary.username());
        RoleGrants.RolesPage hidden = roleGrants.page(officer, subCommittee.id(), stranger.username());

        assertThat(found.holders()).extracting(holder -> holder.account().id()).containsExactly(secretary.accountId());
        assertThat(hidden.holders()).isEmpty();
        assertThat(roleGrants.grant(officer, subCommittee.id(), secretary.accountId(), Role.COMMITTEE_OFFICER)).isTrue();
        assertThatThrownBy(() -> roleGrants.grant(officer, subCommittee.id(), stranger.accountId(),
                Role.COMMITTEE_OFFICER))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void nobodyRevokesOwnLastRunningRole() {
        Actor officerAndSecretary = fixtures.account(cellBelowSub, official(cellBelowSub, "Vũ Văn Kiêm"),
                Role.MEMBER, Role.CELL_SECRETARY);
        accounts.grant(officerAndSecretary.accountId(), new Grant(commune.committee().id(), Role.COMMITTEE_OFFICER));
        Actor reloaded = reload(officerAndSecretary);

        assertThatThrownBy(() -> roleGrants.revoke(reloaded, cellBelowSub.id(), reloaded.accountId(),
                Role.CELL_SECRETARY))
                .isInstanceOf(ForbiddenException.class)
                .hasMessage("account.roles.error.ownLast");
        assertThatThrownBy(() -> roleGrants.revoke(admin, commune.committee().id(), admin.accountId(),
                Role.SYSTEM_ADMIN))
                .isInstanceOf(ForbiddenException.class)
                .hasMessage("account.roles.error.ownLast");
        assertThat(roleGrants.revoke(officer, cellBelowSub.id(), reloaded.accountId(), Role.CELL_SECRETARY)).isTrue();
    }

    @Test
    void adminGrantsAnyRole() {
        assertThat(roleGrants.grant(admin, commune.committee().id(), member.accountId(), Role.SYSTEM_ADMIN)).isTrue();
        assertThat(roleGrants.grant(admin, commune.cell().id(), member.accountId(), Role.CELL_SECRETARY)).isTrue();

        assertThat(accounts.grantsOf(member.accountId())).contains(
                new Grant(commune.committee().id(), Role.SYSTEM_ADMIN),
                new Grant(commune.cell().id(), Role.CELL_SECRETARY));
    }

    private Actor reload(Actor actor) {
        return new Actor(actor.accountId(), actor.username(), actor.displayName(), actor.memberId(),
                Set.copyOf(accounts.grantsOf(actor.accountId())), false);
    }

    private MemberId official(Organization cell, String name) {
        return fixtures.member(cell, name, MembershipStatus.OFFICIAL, ActivityStatus.ACTIVE);
    }
}
