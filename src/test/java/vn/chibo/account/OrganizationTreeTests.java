package vn.chibo.account;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import vn.chibo.audit.AuditEntry;
import vn.chibo.audit.AuditLog;
import vn.chibo.member.ActivityStatus;
import vn.chibo.member.MembershipStatus;
import vn.chibo.organization.Organization;
import vn.chibo.organization.OrganizationKind;
import vn.chibo.organization.Organizations;
import vn.chibo.system.FlashMessage;
import vn.chibo.testing.Fixtures;
import vn.chibo.testing.SignIn;
import vn.chibo.testing.SqlTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The organization tree pages: who may change which part of the tree, the rules a change obeys, and
 * the audit entry each change writes. The tree is a province with two communes, each with one cell.
 */
@SqlTest
@AutoConfigureMockMvc
class OrganizationTreeTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Organizations organizations;

    @Autowired
    AuditLog audit;

    Organization province;
    Organization communeA;
    Organization communeB;
    Organization cellA;
    Organization cellB;
    Actor provinceOfficer;
    Actor officerA;
    Actor officerB;
    Actor secretaryA;
    Actor admin;

    @BeforeEach
    void tree() {
        province = organizations.create(null, OrganizationKind.COMMITTEE, "Đảng bộ tỉnh Thử " + System.nanoTime(),
                null);
        communeA = organizations.create(province.id(), OrganizationKind.COMMITTEE, "Đảng bộ xã Minh An", "Minh An");
        communeB = organizations.create(province.id(), OrganizationKind.COMMITTEE, "Đảng bộ xã Hòa Lạc", "Hòa Lạc");
        cellA = fixtures.cellUnder(communeA);
        cellB = fixtures.cellUnder(communeB);
        provinceOfficer = fixtures.accountWithoutMember(province, Role.COMMITTEE_OFFICER);
        officerA = fixtures.accountWithoutMember(communeA, Role.COMMITTEE_OFFICER);
        officerB = fixtures.accountWithoutMember(communeB, Role.COMMITTEE_OFFICER);
        secretaryA = fixtures.account(cellA, fixtures.member(cellA, "Nguyễn Văn Thắng", MembershipStatus.OFFICIAL,
                ActivityStatus.ACTIVE), Role.MEMBER, Role.CELL_SECRETARY);
        admin = fixtures.accountWithoutMember(fixtures.commune().committee(), Role.SYSTEM_ADMIN);
    }

    @Test
    void officerOfCommuneCreatesRenamesArchivesCell() throws Exception {
        MockHttpSession session = SignIn.as(mvc, officerA);

        mvc.perform(post("/organizations/{id}/children", communeA.id().value()).session(session).with(csrf())
                        .param("kind", "CELL").param("name", "  Chi bộ thôn Đông Xuân ").param("locality", "Minh An"))
                .andExpect(redirectedUrl("/organizations/" + communeA.id()));
        Organization created = childNamed(communeA, "Chi bộ thôn Đông Xuân");
        assertThat(created.kind()).isEqualTo(OrganizationKind.CELL);
        assertThat(created.locality()).isEqualTo("Minh An");

        mvc.perform(post("/organizations/{id}/rename", created.id().value()).session(session).with(csrf())
                        .param("name", "Chi bộ thôn Đông Xuân 2").param("locality", "Minh An"))
                .andExpect(redirectedUrl("/organizations/" + created.id()));
        assertThat(organizations.get(created.id()).name()).isEqualTo("Chi bộ thôn Đông Xuân 2");

        mvc.perform(post("/organizations/{id}/archive", created.id().value()).session(session).with(csrf()))
                .andExpect(redirectedUrl("/organizations/" + communeA.id()));
        assertThat(organizations.get(created.id()).isArchived()).isTrue();
        assertThat(organizations.children(communeA.id())).extracting(Organization::id).doesNotContain(created.id());

        List<AuditEntry> entries = audit.entriesFor("organization", created.id().value());
        assertThat(entries).extracting(AuditEntry::action)
                .containsExactly("organization.created", "organization.renamed", "organization.archived");
        assertThat(entries).allSatisfy(entry -> {
            assertThat(entry.actorAccountId()).isEqualTo(officerA.accountId().value());
            assertThat(entry.organizationId()).isEqualTo(created.id().value());
        });
        assertThat(entries.get(0).detail()).isEqualTo("kind=CELL,parent=" + communeA.id());
        assertThat(entries.get(1).detail()).isEqualTo("name=changed,locality=same");
    }

    @Test
    void provinceOfficerMovesCellBetweenCommunes() throws Exception {
        MockHttpSession session = SignIn.as(mvc, provinceOfficer);

        mvc.perform(post("/organizations/{id}/move", cellA.id().value()).session(session).with(csrf())
                        .param("targetId", communeB.id().toString()))
                .andExpect(redirectedUrl("/organizations/" + cellA.id()));

        assertThat(organizations.get(cellA.id()).parentId()).isEqualTo(communeB.id());
        assertThat(audit.entriesFor("organization", cellA.id().value())).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("organization.moved");
            assertThat(entry.detail()).isEqualTo("from=" + communeA.id() + ",to=" + communeB.id());
            assertThat(entry.actorAccountId()).isEqualTo(provinceOfficer.accountId().value());
        });
    }

    @Test
    void officerOfSiblingCommuneGets404() throws Exception {
        MockHttpSession session = SignIn.as(mvc, officerB);
        long cell = cellA.id().value();

        mvc.perform(get("/organizations/{id}", cell).session(session)).andExpect(status().isNotFound());
        mvc.perform(post("/organizations/{id}/rename", cell).session(session).with(csrf()).param("name", "Khác"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/organizations/{id}/archive", cell).session(session).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/organizations/{id}/move", cell).session(session).with(csrf())
                        .param("targetId", communeB.id().toString()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/organizations/{id}/children", communeA.id().value()).session(session).with(csrf())
                        .param("kind", "CELL").param("name", "Chi bộ lạ"))
                .andExpect(status().isNotFound());

        assertThat(organizations.get(cellA.id())).isEqualTo(cellA);
        assertThat(audit.entriesFor("organization", cell)).isEmpty();
    }

    @Test
    void officerCannotMoveCellOutOfOwnCommune() throws Exception {
        mvc.perform(post("/organizations/{id}/move", cellA.id().value()).session(SignIn.as(mvc, officerA))
                        .with(csrf()).param("targetId", communeB.id().toString()))
                .andExpect(status().isNotFound());

        assertThat(organizations.get(cellA.id()).parentId()).isEqualTo(communeA.id());
    }

    @Test
    void officerCannotChangeOwnCommittee() throws Exception {
        MockHttpSession session = SignIn.as(mvc, officerA);

        mvc.perform(post("/organizations/{id}/rename", communeA.id().value()).session(session).with(csrf())
                        .param("name", "Đảng bộ xã Mới"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/organizations/{id}/archive", communeA.id().value()).session(session).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/organizations/{id}", communeA.id().value()).session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Thêm tổ chức trực thuộc")))
                .andExpect(content().string(not(containsString("Đổi tên"))))
                .andExpect(content().string(not(containsString("/organizations/" + communeA.id() + "/roles"))));
        mvc.perform(get("/organizations/{id}", communeA.id().value()).session(SignIn.as(mvc, provinceOfficer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/organizations/" + communeA.id() + "/roles")));
    }

    @Test
    void cellSecretaryGets403OnVisibleAnd404OnHidden() throws Exception {
        MockHttpSession session = SignIn.as(mvc, secretaryA);

        mvc.perform(get("/organizations").session(session)).andExpect(status().isForbidden());
        mvc.perform(get("/organizations/{id}", cellA.id().value()).session(session)).andExpect(status().isForbidden());
        mvc.perform(get("/organizations/{id}", communeA.id().value()).session(session))
                .andExpect(status().isForbidden());
        mvc.perform(post("/organizations/{id}/rename", cellA.id().value()).session(session).with(csrf())
                        .param("name", "Chi bộ đổi tên"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/organizations/{id}/archive", cellA.id().value()).session(session).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/organizations/{id}/children", cellA.id().value()).session(session).with(csrf())
                        .param("kind", "GROUP").param("name", "Tổ đảng số 1"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/organizations/{id}", cellB.id().value()).session(session)).andExpect(status().isNotFound());
        mvc.perform(get("/organizations/{id}", communeB.id().value()).session(session))
                .andExpect(status().isNotFound());

        assertThat(organizations.get(cellA.id()).name()).isEqualTo(cellA.name());
        assertThat(organizations.children(cellA.id())).isEmpty();
    }

    @Test
    void adminCreatesAtTopAndChangesAnywhere() throws Exception {
        MockHttpSession session = SignIn.as(mvc, admin);
        String provinceName = "Đảng bộ tỉnh Mới " + System.nanoTime();

        MvcResult created = mvc.perform(post("/organizations").session(session).with(csrf())
                        .param("kind", "COMMITTEE").param("name", provinceName))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        mvc.perform(post("/organizations/{id}/rename", cellB.id().value()).session(session).with(csrf())
                        .param("name", "Chi bộ thôn Hòa Lạc 1"))
                .andExpect(redirectedUrl("/organizations/" + cellB.id()));

        Organization top = organizations.roots().stream().filter(root -> root.name().equals(provinceName))
                .findFirst().orElseThrow();
        assertThat(top.parentId()).isNull();
        assertThat(created.getResponse().getRedirectedUrl()).isEqualTo("/organizations/" + top.id());
        assertThat(organizations.get(cellB.id()).name()).isEqualTo("Chi bộ thôn Hòa Lạc 1");
        assertThat(audit.entriesFor("organization", top.id().value())).extracting(AuditEntry::actorAccountId)
                .containsExactly(admin.accountId().value());
    }

    @Test
    void onlyAdminCreatesAtTop() throws Exception {
        mvc.perform(post("/organizations").session(SignIn.as(mvc, provinceOfficer)).with(csrf())
                        .param("kind", "COMMITTEE").param("name", "Đảng bộ tỉnh Khác"))
                .andExpect(status().isForbidden());
    }

    @Test
    void brokenRulesComeBackAsMessages() throws Exception {
        MockHttpSession session = SignIn.as(mvc, provinceOfficer);

        assertRejected(mvc.perform(post("/organizations/{id}/move", communeA.id().value()).session(session)
                .with(csrf()).param("targetId", cellA.id().toString())).andReturn(), communeA,
                "organization.error.cycle");
        assertRejected(mvc.perform(post("/organizations/{id}/move", cellB.id().value()).session(session)
                .with(csrf()).param("targetId", cellA.id().toString())).andReturn(), cellB,
                "organization.error.placement.CELL");
        assertRejected(mvc.perform(post("/organizations/{id}/children", cellA.id().value()).session(session)
                .with(csrf()).param("kind", "COMMITTEE").param("name", "Đảng bộ dưới chi bộ")).andReturn(), cellA,
                "organization.error.placement.COMMITTEE");
        assertRejected(mvc.perform(post("/organizations/{id}/children", communeA.id().value()).session(session)
                .with(csrf()).param("kind", "GROUP").param("name", "Tổ đảng lạc chỗ")).andReturn(), communeA,
                "organization.error.placement.GROUP");
        assertRejected(mvc.perform(post("/organizations/{id}/archive", communeA.id().value()).session(session)
                .with(csrf())).andReturn(), communeA, "organization.error.activeChildren");
        assertRejected(mvc.perform(post("/organizations/{id}/rename", cellA.id().value()).session(session)
                .with(csrf()).param("name", " ")).andReturn(), cellA, "organization.error.nameMissing");

        assertThat(organizations.get(communeA.id())).isEqualTo(communeA);
        assertThat(organizations.get(cellB.id())).isEqualTo(cellB);
        assertThat(organizations.children(cellA.id())).isEmpty();
    }

    @Test
    void rejectedChangeShowsMessageOnPage() throws Exception {
        MockHttpSession session = SignIn.as(mvc, provinceOfficer);

        MvcResult rejected = mvc.perform(post("/organizations/{id}/archive", communeA.id().value()).session(session)
                .with(csrf())).andReturn();

        mvc.perform(get("/organizations/{id}", communeA.id().value()).session(session)
                        .flashAttrs(rejected.getFlashMap()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Chưa thể lưu trữ &quot;Đảng bộ xã Minh An&quot; vì "
                        + "còn 1 tổ chức trực thuộc đang hoạt động.")));
    }

    @Test
    void archivedCellTakesNothingNewButStaysReadable() throws Exception {
        MockHttpSession officer = SignIn.as(mvc, officerA);
        mvc.perform(post("/organizations/{id}/archive", cellA.id().value()).session(officer).with(csrf()))
                .andExpect(status().is3xxRedirection());

        assertRejected(mvc.perform(post("/organizations/{id}/children", cellA.id().value()).session(officer)
                .with(csrf()).param("kind", "GROUP").param("name", "Tổ đảng số 1")).andReturn(), cellA,
                "organization.error.archived");
        assertRejected(mvc.perform(post("/organizations/{id}/rename", cellA.id().value()).session(officer)
                .with(csrf()).param("name", "Chi bộ mới")).andReturn(), cellA, "organization.error.archived");
        mvc.perform(get("/organizations").session(officer))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(cellA.name()))));
        mvc.perform(get("/cells/{id}", cellA.id().value()).session(SignIn.as(mvc, secretaryA)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(cellA.name())))
                .andExpect(content().string(containsString("Đã lưu trữ ngày ")))
                .andExpect(content().string(not(containsString("/cells/" + cellA.id() + "/meetings/new"))));
    }

    @Test
    void treePageShowsOnlyManagedPart() throws Exception {
        mvc.perform(get("/organizations").session(SignIn.as(mvc, officerA)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(cellA.name())))
                .andExpect(content().string(not(containsString(cellB.name()))))
                .andExpect(content().string(not(containsString("Thêm đảng bộ cấp cao nhất"))));
        mvc.perform(get("/organizations").session(SignIn.as(mvc, admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(cellA.name())))
                .andExpect(content().string(containsString(cellB.name())))
                .andExpect(content().string(containsString("Thêm đảng bộ cấp cao nhất")));
    }

    @Test
    void movePickerOffersOnlyFittingTargets() throws Exception {
        Organization group = organizations.create(cellA.id(), OrganizationKind.GROUP, "Tổ đảng số 2", null);

        String page = mvc.perform(get("/organizations/{id}", communeA.id().value())
                        .session(SignIn.as(mvc, provinceOfficer)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        String picker = page.substring(page.indexOf("name=\"targetId\""));
        assertThat(picker).contains("value=\"" + communeB.id() + "\"")
                .doesNotContain("value=\"" + cellA.id() + "\"")
                .doesNotContain("value=\"" + group.id() + "\"")
                .doesNotContain("value=\"" + province.id() + "\"");
    }

    @Test
    void cellPagesShowChainOfCommittees() throws Exception {
        MockHttpSession session = SignIn.as(mvc, secretaryA);

        for (String page : List.of("/cells/" + cellA.id(), "/cells/" + cellA.id() + "/meetings",
                "/cells/" + cellA.id() + "/members", "/cells/" + cellA.id() + "/members/import",
                "/cells/" + cellA.id() + "/members/accounts")) {
            String html = mvc.perform(get(page).session(session)).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            String breadcrumb = html.substring(html.indexOf("<nav class=\"breadcrumb\""));
            breadcrumb = breadcrumb.substring(0, breadcrumb.indexOf("</nav>"));

            assertThat(breadcrumb).as(page).containsSubsequence(province.name(), "›", communeA.name(), "›",
                    cellA.name());
        }
    }

    private void assertRejected(MvcResult result, Organization page, String messageKey) {
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/organizations/" + page.id());
        assertThat(result.getFlashMap().get(FlashMessage.ERROR)).isInstanceOfSatisfying(FlashMessage.class,
                message -> assertThat(message.key()).isEqualTo(messageKey));
    }

    private Organization childNamed(Organization parent, String name) {
        return organizations.children(parent.id()).stream().filter(child -> child.name().equals(name)).findFirst()
                .orElseThrow();
    }
}
