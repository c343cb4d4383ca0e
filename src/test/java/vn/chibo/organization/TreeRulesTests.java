package vn.chibo.organization;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.chibo.system.DomainException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TreeRulesTests {

    private static final Instant ARCHIVED = Instant.parse("2026-11-30T03:00:00Z");

    /** province 1 › commune 2 › cell 3 › group 4; commune 5 beside commune 2; an archived commune 6. */
    private static final Organization PROVINCE = organization(1, null, OrganizationKind.COMMITTEE, null);
    private static final Organization COMMUNE = organization(2, 1L, OrganizationKind.COMMITTEE, null);
    private static final Organization CELL = organization(3, 2L, OrganizationKind.CELL, null);
    private static final Organization GROUP = organization(4, 3L, OrganizationKind.GROUP, null);
    private static final Organization OTHER_COMMUNE = organization(5, 1L, OrganizationKind.COMMITTEE, null);
    private static final Organization ARCHIVED_COMMUNE = organization(6, 1L, OrganizationKind.COMMITTEE, ARCHIVED);
    private static final List<Organization> ALL = List.of(PROVINCE, COMMUNE, CELL, GROUP, OTHER_COMMUNE,
            ARCHIVED_COMMUNE);

    @ParameterizedTest(name = "{0} under {1}: {2}")
    @CsvSource(nullValues = "top", value = {
            "COMMITTEE, top,       ok",
            "COMMITTEE, COMMITTEE, ok",
            "COMMITTEE, CELL,      organization.error.placement.COMMITTEE",
            "COMMITTEE, GROUP,     organization.error.placement.COMMITTEE",
            "CELL,      top,       organization.error.placement.CELL",
            "CELL,      COMMITTEE, ok",
            "CELL,      CELL,      organization.error.placement.CELL",
            "CELL,      GROUP,     organization.error.placement.CELL",
            "GROUP,     top,       organization.error.placement.GROUP",
            "GROUP,     COMMITTEE, organization.error.placement.GROUP",
            "GROUP,     CELL,      ok",
            "GROUP,     GROUP,     organization.error.placement.GROUP" })
    void placementFollowsKinds(OrganizationKind kind, @Nullable OrganizationKind parentKind, String expected) {
        Organization parent = parentKind == null ? null : organization(9, null, parentKind, null);

        assertOutcome(() -> TreeRules.checkPlacement(kind, parent), expected);
    }

    @Test
    void placementUnderArchivedParentIsRejected() {
        assertOutcome(() -> TreeRules.checkPlacement(OrganizationKind.CELL, ARCHIVED_COMMUNE),
                "organization.error.archived");
    }

    @ParameterizedTest(name = "move {0} under {1}: {2}")
    @CsvSource({
            "3, 5, ok",
            "3, 2, ok",
            "2, 5, ok",
            "5, 2, ok",
            "2, 2, organization.error.cycle",
            "1, 2, organization.error.cycle",
            "1, 4, organization.error.cycle",
            "2, 3, organization.error.cycle",
            "3, 4, organization.error.cycle",
            "3, 3, organization.error.cycle",
            "3, 1, ok",
            "4, 3, ok",
            "4, 2, organization.error.placement.GROUP",
            "2, 4, organization.error.cycle",
            "5, 3, organization.error.placement.COMMITTEE",
            "5, 4, organization.error.placement.COMMITTEE",
            "3, 6, organization.error.archived",
            "6, 5, organization.error.archived" })
    void moveRejectsCyclesKindsAndArchived(long nodeId, long targetId, String expected) {
        Organization node = byId(nodeId);
        Organization target = byId(targetId);

        assertOutcome(() -> TreeRules.checkMove(node, target, chainUp(target)), expected);
    }

    @ParameterizedTest(name = "archive {0} with {1} active children: {2}")
    @CsvSource({
            "3, 0, ok",
            "3, 1, organization.error.activeChildren",
            "2, 2, organization.error.activeChildren",
            "2, 0, ok",
            "6, 0, organization.error.archived" })
    void archiveNeedsNoActiveChildren(long nodeId, int activeChildren, String expected) {
        assertOutcome(() -> TreeRules.checkArchive(byId(nodeId), activeChildren), expected);
    }

    @Test
    void activeChildrenMessageNamesNodeAndCount() {
        assertThatThrownBy(() -> TreeRules.checkArchive(COMMUNE, 2))
                .isInstanceOfSatisfying(OrganizationHasActiveChildren.class,
                        failure -> assertThat(failure.messageArguments()).containsExactly("Xã 2", 2));
    }

    @Test
    void namesAreCleanedAndLimited() {
        assertThat(TreeRules.cleanName("  Chi bộ\u00a0thôn   Đông Xuân ")).isEqualTo("Chi bộ thôn Đông Xuân");
        assertThat(TreeRules.cleanName("Chi bo\u0302\u0323")).isEqualTo("Chi bộ");
        assertThat(TreeRules.cleanLocality("   ")).isNull();
        assertOutcome(() -> TreeRules.cleanName(" "), "organization.error.nameMissing");
        assertOutcome(() -> TreeRules.cleanName(null), "organization.error.nameMissing");
        assertOutcome(() -> TreeRules.cleanName("x".repeat(201)), "organization.error.nameTooLong");
        assertThatCode(() -> TreeRules.cleanName("x".repeat(200))).doesNotThrowAnyException();
        assertOutcome(() -> TreeRules.cleanLocality("x".repeat(101)), "organization.error.localityTooLong");
    }

    private static void assertOutcome(Runnable check, String expected) {
        if (expected.equals("ok")) {
            assertThatCode(check::run).doesNotThrowAnyException();
        }
        else {
            assertThatThrownBy(check::run).isInstanceOfSatisfying(DomainException.class,
                    failure -> assertThat(failure.messageKey()).isEqualTo(expected));
        }
    }

    private static Organization byId(long id) {
        return ALL.stream().filter(each -> each.id().value() == id).findFirst().orElseThrow();
    }

    private static List<Organization> chainUp(Organization organization) {
        var chain = new java.util.ArrayList<Organization>();
        for (Organization each = organization; each != null;
                each = each.parentId() == null ? null : byId(each.parentId().value())) {
            chain.add(each);
        }
        return chain;
    }

    private static Organization organization(long id, @Nullable Long parent, OrganizationKind kind,
            @Nullable Instant archivedAt) {
        return new Organization(OrganizationId.of(id), parent == null ? null : OrganizationId.of(parent), kind,
                "Xã " + id, null, archivedAt);
    }
}
