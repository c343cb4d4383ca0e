package vn.chibo.api;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.chibo.account.Actor;
import vn.chibo.account.Role;
import vn.chibo.member.ActivityStatus;
import vn.chibo.member.MemberId;
import vn.chibo.member.MembershipStatus;
import vn.chibo.organization.Organization;
import vn.chibo.testing.ApiSignIn;
import vn.chibo.testing.Fixtures;
import vn.chibo.testing.SqlTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The API's endpoints: the signed-in person, a cell's roster and who may read it. */
@SqlTest
@AutoConfigureMockMvc
class ApiEndpointTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ApiSignIn api;

    @Autowired
    JdbcClient jdbc;

    private final JsonMapper json = JsonMapper.builder().build();

    /** A cell of five members with names that Vietnamese order sorts unlike code points do. */
    record Cell(Fixtures.Commune commune, Actor secretary, Actor member, MemberId memberId) {
    }

    private Cell cell() {
        Fixtures.Commune commune = fixtures.commune();
        Organization cell = commune.cell();
        MemberId secretary = fixtures.member(cell, "Trần Văn Bình", MembershipStatus.OFFICIAL, ActivityStatus.ACTIVE);
        MemberId member = fixtures.member(cell, "Phạm Văn Đức", MembershipStatus.OFFICIAL, ActivityStatus.ACTIVE);
        fixtures.member(cell, "Đỗ Văn Dũng", MembershipStatus.PROBATIONARY, ActivityStatus.ACTIVE);
        fixtures.member(cell, "Lê Văn Ánh", MembershipStatus.OFFICIAL, ActivityStatus.EXEMPT);
        fixtures.member(cell, "Nguyễn Thị An", MembershipStatus.OFFICIAL, ActivityStatus.SENT_OUT);
        return new Cell(commune, fixtures.account(cell, secretary, Role.MEMBER, Role.CELL_SECRETARY),
                fixtures.account(cell, member, Role.MEMBER), member);
    }

    @Test
    void membersComeInVietnameseOrder() throws Exception {
        Cell cell = cell();

        JsonNode body = read(mvc.perform(get("/api/v1/cells/{id}/members", cell.commune().cell().id().value())
                        .with(api.as(cell.member())))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/json"))
                .andReturn());

        assertThat(body.get("cell").get("name").asString()).isEqualTo(cell.commune().cell().name());
        assertThat(names(body)).containsExactly("Nguyễn Thị An", "Lê Văn Ánh", "Trần Văn Bình", "Đỗ Văn Dũng",
                "Phạm Văn Đức");
        JsonNode exempt = body.get("members").get(1);
        assertThat(exempt.get("membershipStatus").asString()).isEqualTo("OFFICIAL");
        assertThat(exempt.get("activityStatus").asString()).isEqualTo("EXEMPT");
        assertThat(exempt.get("hasAccount").asBoolean()).isFalse();
        assertThat(body.get("members").get(2).get("hasAccount").asBoolean()).isTrue();
    }

    @Test
    void onlySecretarySeesPhones() throws Exception {
        Cell cell = cell();
        long cellId = cell.commune().cell().id().value();

        JsonNode asMember = read(mvc.perform(get("/api/v1/cells/{id}/members", cellId).with(api.as(cell.member())))
                .andReturn());
        JsonNode asSecretary = read(mvc.perform(get("/api/v1/cells/{id}/members", cellId)
                .with(api.as(cell.secretary()))).andReturn());

        for (JsonNode member : asMember.get("members")) {
            assertThat(member.get("phone").isNull()).as(member.get("fullName").asString()).isTrue();
        }
        for (JsonNode member : asSecretary.get("members")) {
            assertThat(member.get("phone").asString()).as(member.get("fullName").asString()).matches("0970[0-9]{6}");
        }
    }

    @Test
    void rosterReadIsAudited() throws Exception {
        Cell cell = cell();
        long cellId = cell.commune().cell().id().value();

        mvc.perform(get("/api/v1/cells/{id}/members", cellId).with(api.as(cell.member()))).andExpect(status().isOk());

        long entries = jdbc.sql("select count(*) from audit_event where action = 'member.rosterViewed' "
                        + "and actor_account_id = :account and organization_id = :cell")
                .param("account", cell.member().accountId().value())
                .param("cell", cellId)
                .query(Long.class)
                .single();
        assertThat(entries).isEqualTo(1);
    }

    @Test
    void otherCellAnswers404() throws Exception {
        Cell own = cell();
        Cell other = cell();

        mvc.perform(get("/api/v1/cells/{id}/members", other.commune().cell().id().value())
                        .with(api.as(own.secretary())))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.detail").value("Không tìm thấy, hoặc đồng chí không có quyền xem."));
    }

    @Test
    void committeeAndBadIdsAnswer404() throws Exception {
        Cell cell = cell();

        for (String id : List.of(String.valueOf(cell.commune().committee().id().value()), "999999999", "abc")) {
            mvc.perform(get("/api/v1/cells/" + id + "/members").with(api.as(cell.secretary())))
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        }
    }

    @Test
    void committeeOfficerSeesCellsBelow() throws Exception {
        Cell cell = cell();
        Actor officer = fixtures.accountWithoutMember(cell.commune().committee(), Role.COMMITTEE_OFFICER);
        Cell elsewhere = cell();

        mvc.perform(get("/api/v1/cells/{id}/members", cell.commune().cell().id().value()).with(api.as(officer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.members.length()").value(5));
        mvc.perform(get("/api/v1/cells/{id}/members", elsewhere.commune().cell().id().value()).with(api.as(officer)))
                .andExpect(status().isNotFound());
    }

    @Test
    void meShowsAccountMemberAndRoles() throws Exception {
        Cell cell = cell();
        Actor secretary = cell.secretary();

        JsonNode me = read(mvc.perform(get("/api/v1/me").with(api.as(secretary))).andExpect(status().isOk())
                .andReturn());

        assertThat(me.get("account").get("id").asLong()).isEqualTo(secretary.accountId().value());
        assertThat(me.get("account").get("username").asString()).isEqualTo(secretary.username());
        assertThat(me.get("member").get("fullName").asString()).isEqualTo("Trần Văn Bình");
        assertThat(me.get("member").get("cellId").asLong()).isEqualTo(cell.commune().cell().id().value());
        assertThat(me.get("member").get("membershipStatus").asString()).isEqualTo("OFFICIAL");
        assertThat(me.get("organizations")).hasSize(1);
        JsonNode organization = me.get("organizations").get(0);
        assertThat(organization.get("name").asString()).isEqualTo(cell.commune().cell().name());
        assertThat(organization.get("kind").asString()).isEqualTo("CELL");
        assertThat(organization.get("roles").toString()).isEqualTo("[\"MEMBER\",\"CELL_SECRETARY\"]");
        assertThat(me.get("language").asString()).isEqualTo("vi");
    }

    @Test
    void meFollowsChosenLanguage() throws Exception {
        Cell cell = cell();
        jdbc.sql("update account set language = 'de' where id = :id")
                .param("id", cell.member().accountId().value())
                .update();

        mvc.perform(get("/api/v1/me").header("Accept-Language", "en").with(api.as(cell.member())))
                .andExpect(jsonPath("$.language").value("de"));
    }

    @Test
    void meOfAccountWithoutMember() throws Exception {
        Fixtures.Commune commune = fixtures.commune();
        Actor officer = fixtures.accountWithoutMember(commune.committee(), Role.COMMITTEE_OFFICER);

        mvc.perform(get("/api/v1/me").header("Accept-Language", "en").with(api.as(officer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.member").isEmpty())
                .andExpect(jsonPath("$.organizations[0].kind").value("COMMITTEE"))
                .andExpect(jsonPath("$.organizations[0].roles[0]").value("COMMITTEE_OFFICER"))
                .andExpect(jsonPath("$.language").value("en"));
    }

    @Test
    void bearerTokenDoesNotOpenPages() throws Exception {
        Cell cell = cell();

        mvc.perform(get("/cells/{id}/members", cell.commune().cell().id().value()).with(api.as(cell.secretary())))
                .andExpect(status().is3xxRedirection());
    }

    private JsonNode read(MvcResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString());
    }

    private static List<String> names(JsonNode body) {
        return body.get("members").valueStream().map(member -> member.get("fullName").asString()).toList();
    }
}
