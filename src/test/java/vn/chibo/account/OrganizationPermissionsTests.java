package vn.chibo.account;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import vn.chibo.organization.Organization;
import vn.chibo.organization.OrganizationKind;
import vn.chibo.organization.Organizations;
import vn.chibo.testing.Fixtures;
import vn.chibo.testing.SqlTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may see and change which organization, as a table: a province with communes A and B, a cell and
 * a party group in A, and a cell in B.
 */
@SqlTest
class OrganizationPermissionsTests {

    @Autowired
    OrganizationPermissions permissions;

    @Autowired
    Organizations organizations;

    @Autowired
    Fixtures fixtures;

    Map<String, Organization> tree;
    Map<String, Actor> actors;

    @BeforeEach
    void tree() {
        Organization province = organizations.create(null, OrganizationKind.COMMITTEE, "Đảng bộ tỉnh Thử", null);
        Organization communeA = organizations.create(province.id(), OrganizationKind.COMMITTEE, "Xã A", null);
        Organization communeB = organizations.create(province.id(), OrganizationKind.COMMITTEE, "Xã B", null);
        Organization cellA = fixtures.cellUnder(communeA);
        Organization groupA = organizations.create(cellA.id(), OrganizationKind.GROUP, "Tổ đảng 1", null);
        Organization cellB = fixtures.cellUnder(communeB);
        tree = Map.of("province", province, "communeA", communeA, "communeB", communeB, "cellA", cellA,
                "groupA", groupA, "cellB", cellB);
        actors = Map.of(
                "provinceOfficer", fixtures.accountWithoutMember(province, Role.COMMITTEE_OFFICER),
                "officerA", fixtures.accountWithoutMember(communeA, Role.COMMITTEE_OFFICER),
                "officerB", fixtures.accountWithoutMember(communeB, Role.COMMITTEE_OFFICER),
                "secretaryA", fixtures.accountWithoutMember(cellA, Role.MEMBER, Role.CELL_SECRETARY),
                "memberA", fixtures.accountWithoutMember(cellA, Role.MEMBER),
                "admin", fixtures.accountWithoutMember(fixtures.commune().committee(), Role.SYSTEM_ADMIN));
    }

    @ParameterizedTest(name = "{0} on {1}: view {2}, change {3}, create under {4}")
    @CsvSource({
            "provinceOfficer, province, true,  false, true",
            "provinceOfficer, communeA, true,  true,  true",
            "provinceOfficer, cellB,    true,  true,  true",
            "officerA,        province, true,  false, false",
            "officerA,        communeA, true,  false, true",
            "officerA,        cellA,    true,  true,  true",
            "officerA,        groupA,   true,  true,  true",
            "officerA,        communeB, false, false, false",
            "officerA,        cellB,    false, false, false",
            "officerB,        cellA,    false, false, false",
            "secretaryA,      cellA,    true,  false, false",
            "secretaryA,      groupA,   false, false, false",
            "secretaryA,      communeA, true,  false, false",
            "secretaryA,      province, true,  false, false",
            "secretaryA,      cellB,    false, false, false",
            "memberA,         cellA,    true,  false, false",
            "memberA,         communeB, false, false, false",
            "admin,           province, true,  true,  true",
            "admin,           cellB,    true,  true,  true" })
    void predicatesFollowTheTree(String actor, String organization, boolean view, boolean change,
            boolean createUnder) {
        Actor who = actors.get(actor);
        Organization what = tree.get(organization);

        assertThat(permissions.canView(who, what.id())).as("view").isEqualTo(view);
        assertThat(permissions.canChange(who, what.id())).as("change").isEqualTo(change);
        assertThat(permissions.canCreateUnder(who, what.id())).as("create under").isEqualTo(createUnder);
    }

    @ParameterizedTest(name = "{0} moves {1} under {2}: {3}")
    @CsvSource({
            "provinceOfficer, cellA,    communeB, true",
            "officerA,        cellA,    communeB, false",
            "officerA,        groupA,   cellA,    true",
            "officerB,        cellA,    communeB, false",
            "secretaryA,      groupA,   cellA,    false",
            "admin,           communeA, province, true" })
    void movesNeedBothEnds(String actor, String organization, String target, boolean allowed) {
        assertThat(permissions.canMove(actors.get(actor), tree.get(organization).id(), tree.get(target).id()))
                .isEqualTo(allowed);
    }

    @ParameterizedTest(name = "{0}: tree {1}, top {2}")
    @CsvSource({
            "provinceOfficer, true,  false",
            "officerA,        true,  false",
            "secretaryA,      false, false",
            "memberA,         false, false",
            "admin,           true,  true" })
    void treeIsForOfficersAndAdministrators(String actor, boolean openTree, boolean createAtTop) {
        assertThat(permissions.canOpenTree(actors.get(actor))).isEqualTo(openTree);
        assertThat(permissions.canCreateAtTop(actors.get(actor))).isEqualTo(createAtTop);
    }
}
