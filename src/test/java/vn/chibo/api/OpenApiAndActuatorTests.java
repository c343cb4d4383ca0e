package vn.chibo.api;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.chibo.account.Actor;
import vn.chibo.account.Role;
import vn.chibo.testing.ApiSignIn;
import vn.chibo.testing.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The OpenAPI document of the API, and which actuator endpoints respond. */
@SpringBootTest
@AutoConfigureMockMvc
class OpenApiAndActuatorTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ApiSignIn api;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void documentDescribesApiOnly() throws Exception {
        JsonNode document = document();

        assertThat(document.get("openapi").asString()).startsWith("3.");
        assertThat(document.get("info").get("title").asString()).isEqualTo("Chi bộ số API");
        assertThat(document.get("paths").propertyNames()).containsExactlyInAnyOrder("/api/v1/auth/token",
                "/api/v1/me", "/api/v1/cells/{cellId}/members", "/api/v1/me/meetings", "/api/v1/meetings/{meetingId}",
                "/api/v1/meetings/{meetingId}/opinions", "/api/v1/meetings/{meetingId}/agenda/{itemId}/opinions",
                "/api/v1/opinions/{id}", "/api/v1/meetings/{meetingId}/check-in",
                "/api/v1/meetings/{meetingId}/join-online", "/api/v1/meetings/{meetingId}/minutes",
                "/api/v1/meetings/{meetingId}/minutes.pdf", "/api/v1/meetings/{meetingId}/minutes/versions/{versionNo}.pdf",
                "/api/v1/meetings/{meetingId}/resolution.pdf", "/api/v1/cells/{cellId}/resolutions",
                "/api/v1/meetings/{meetingId}/motions", "/api/v1/motions/{id}/ballot",
                "/api/v1/motions/{id}/receipt-check", "/api/v1/meetings/{meetingId}/response", "/api/v1/me/notifications",
                "/api/v1/me/notifications/{notificationId}/read", "/api/v1/me/data-export",
                "/api/v1/members/{memberId}/access", "/api/v1/meetings/{meetingId}/speakers",
                "/api/v1/meetings/{meetingId}/speakers/mine", "/api/v1/documents", "/api/v1/documents/{id}",
                "/api/v1/documents/{id}/file", "/api/v1/documents/search");
    }

    @Test
    void documentDescribesTheAnswer() throws Exception {
        JsonNode answer = document().get("paths").get("/api/v1/meetings/{meetingId}/response").get("put");
        assertThat(answer.get("responses").propertyNames()).contains("200", "400", "401", "403", "404", "409");
    }

    @Test
    void documentDescribesOpinions() throws Exception {
        JsonNode paths = document().get("paths");

        assertThat(paths.get("/api/v1/meetings/{meetingId}/opinions").get("get").get("responses").propertyNames())
                .contains("200", "401", "404");
        JsonNode post = paths.get("/api/v1/meetings/{meetingId}/agenda/{itemId}/opinions").get("post");
        assertThat(post.get("responses").propertyNames()).contains("201", "400", "401", "403", "404", "409", "422");
        assertThat(post.get("requestBody").get("content").propertyNames()).containsExactly("application/json");
        assertThat(post.get("security").toString()).isEqualTo("[{\"bearerToken\":[]}]");
        assertThat(paths.get("/api/v1/opinions/{id}").propertyNames()).containsExactlyInAnyOrder("put", "delete");
        assertThat(paths.get("/api/v1/opinions/{id}").get("delete").get("responses").propertyNames())
                .contains("204", "401", "403", "404", "409");
    }

    @Test
    void documentDescribesCheckIn() throws Exception {
        JsonNode paths = document().get("paths");
        JsonNode checkIn = paths.get("/api/v1/meetings/{meetingId}/check-in").get("post");
        JsonNode join = paths.get("/api/v1/meetings/{meetingId}/join-online").get("post");

        assertThat(checkIn.get("security").toString()).isEqualTo("[{\"bearerToken\":[]}]");
        assertThat(checkIn.get("requestBody").get("content").get("application/json").get("schema").get("$ref")
                .asString()).isEqualTo("#/components/schemas/CheckInRequest");
        assertThat(checkIn.get("responses").propertyNames()).contains("200", "401", "403", "404", "409", "422");
        assertThat(join.get("responses").propertyNames()).contains("200", "401", "403", "404", "409");
        assertThat(join.get("responses").get("409").get("content").propertyNames())
                .containsExactly("application/problem+json");
        assertThat(document().get("components").get("schemas").get("CheckInRequest").get("properties")
                .propertyNames()).containsExactly("token");
    }

    @Test
    void documentDeclaresBearerScheme() throws Exception {
        JsonNode document = document();

        JsonNode scheme = document.get("components").get("securitySchemes").get("bearerToken");
        assertThat(scheme.get("type").asString()).isEqualTo("http");
        assertThat(scheme.get("scheme").asString()).isEqualTo("bearer");
        JsonNode paths = document.get("paths");
        assertThat(paths.get("/api/v1/me").get("get").get("security").toString()).isEqualTo("[{\"bearerToken\":[]}]");
        assertThat(paths.get("/api/v1/cells/{cellId}/members").get("get").get("security").toString())
                .isEqualTo("[{\"bearerToken\":[]}]");
        assertThat(paths.get("/api/v1/auth/token").get("post").get("security").toString()).isEqualTo("[]");
        assertThat(paths.get("/api/v1/auth/token").get("delete").get("security").toString())
                .isEqualTo("[{\"bearerToken\":[]}]");
    }

    @Test
    void documentHidesActorAndListsProblems() throws Exception {
        JsonNode members = document().get("paths").get("/api/v1/cells/{cellId}/members").get("get");

        List<String> parameters = members.get("parameters").valueStream().map(p -> p.get("name").asString()).toList();
        assertThat(parameters).containsExactly("cellId");
        assertThat(members.get("responses").get("404").get("content").propertyNames())
                .containsExactly("application/problem+json");
        assertThat(members.get("responses").get("404").get("content").get("application/problem+json").get("schema")
                .get("$ref").asString()).isEqualTo("#/components/schemas/Problem");
        assertThat(members.get("responses").propertyNames()).contains("200", "401", "404");
        JsonNode token = document().get("paths").get("/api/v1/auth/token").get("post");
        assertThat(token.get("responses").propertyNames()).contains("200", "400", "401", "403", "429");
        assertThat(token.get("requestBody").get("content").propertyNames()).containsExactly("application/json");
    }

    @Test
    void documentDescribesBallot() throws Exception {
        JsonNode ballot = document().get("paths").get("/api/v1/motions/{id}/ballot").get("post");

        assertThat(ballot.get("security").toString()).isEqualTo("[{\"bearerToken\":[]}]");
        assertThat(ballot.get("responses").propertyNames()).contains("200", "400", "401", "403", "404", "409", "422");
        assertThat(ballot.get("requestBody").get("content").propertyNames()).containsExactly("application/json");
        JsonNode list = document().get("paths").get("/api/v1/meetings/{meetingId}/motions").get("get");
        assertThat(list.get("responses").propertyNames()).contains("200", "401", "404");
    }

    @Test
    void documentDescribesProblemShape() throws Exception {
        JsonNode problem = document().get("components").get("schemas").get("Problem");

        assertThat(problem.get("properties").propertyNames()).containsExactlyInAnyOrder("type", "title", "status",
                "detail", "instance");
        assertThat(document().get("paths").get("/api/v1/me").get("get").get("responses").propertyNames())
                .contains("200", "401");
    }

    @Test
    void healthIsPublicWithoutDetails() throws Exception {
        String body = mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        // The names of the probes' groups are all that is shown besides the status.
        assertThat(json.readTree(body).propertyNames()).containsExactlyInAnyOrder("status", "groups");
        assertThat(json.readTree(body).get("status").asString()).isEqualTo("UP");
        assertThat(json.readTree(body).get("groups").toString()).isEqualTo("[\"liveness\",\"readiness\"]");
    }

    @Test
    void probesArePublicWithoutDetails() throws Exception {
        for (String path : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
            String body = mvc.perform(get(path))
                    .andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();

            assertThat(json.readTree(body).propertyNames()).as(path).containsExactly("status");
        }
    }

    @Test
    void otherActuatorEndpointsAreClosed() throws Exception {
        Fixtures.Commune commune = fixtures.commune();
        Actor admin = fixtures.accountWithoutMember(commune.committee(), Role.SYSTEM_ADMIN);

        for (String path : List.of("/actuator", "/actuator/env", "/actuator/beans", "/actuator/health/db",
                "/actuator/info", "/actuator/metrics", "/actuator/loggers", "/actuator/heapdump",
                "/actuator/threaddump", "/actuator/mappings", "/actuator/configprops", "/actuator/shutdown")) {
            int anonymous = mvc.perform(get(path)).andReturn().getResponse().getStatus();
            int signedIn = mvc.perform(get(path).with(api.as(admin))).andReturn().getResponse().getStatus();

            assertThat(anonymous).as("anonymous " + path).isEqualTo(401);
            assertThat(signedIn).as("signed in " + path).isEqualTo(404);
        }
        String health = mvc.perform(get("/actuator/health").with(api.as(admin))).andReturn().getResponse()
                .getContentAsString();
        assertThat(json.readTree(health).propertyNames()).containsExactlyInAnyOrder("status", "groups");
    }

    private JsonNode document() throws Exception {
        String body = mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return json.readTree(body);
    }
}
