package vn.chibo.account;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import vn.chibo.member.ActivityStatus;
import vn.chibo.member.MembershipStatus;
import vn.chibo.organization.Organization;
import vn.chibo.testing.ApiSignIn;
import vn.chibo.testing.EndpointCatalog;
import vn.chibo.testing.EndpointCatalog.Endpoint;
import vn.chibo.testing.EndpointCatalog.SampleCell;
import vn.chibo.testing.Fixtures;
import vn.chibo.testing.SignIn;
import vn.chibo.testing.SqlTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Requests every endpoint of the application as the secretary of one cell, with the path filled
 * with the ids of another cell's objects, and expects 404 from each: pages, htmx fragments, exports,
 * and every form with its CSRF token. The endpoints come from the handler mappings through
 * {@link EndpointCatalog}, so a new one fails this test until it is listed below and shown to hide
 * other cells' objects.
 */
@SqlTest
@AutoConfigureMockMvc
class CrossCellAccessTests {

    /** What a secretary of another cell must get from an endpoint. */
    enum Expect {
        /** The path names another cell's object: 404, so that its existence does not show. */
        HIDDEN,
        /** The path names nothing of a cell; a GET must not show the other cell's names or links. */
        NOT_CELL_SCOPED,
        /** Not requested, for the reason in the comment beside it. */
        SKIPPED
    }

    /** Every endpoint of the application, as "METHOD pattern"; "*" stands for a mapping of every method. */
    static final Map<String, Expect> KNOWN = new LinkedHashMap<>();

    static {
        hidden("GET /cells/{cellId}", "GET /cells/{cellId}/meetings", "GET /cells/{cellId}/meetings/new",
                "POST /cells/{cellId}/meetings", "GET /cells/{cellId}/members", "GET /cells/{cellId}/members/accounts",
                "POST /cells/{cellId}/members/accounts", "GET /cells/{cellId}/members/{memberId}/password",
                "POST /cells/{cellId}/members/{memberId}/password", "GET /cells/{cellId}/members/import",
                "POST /cells/{cellId}/members/import", "GET /cells/{cellId}/members/import/{importId}",
                "POST /cells/{cellId}/members/import/{importId}/confirm",
                "POST /cells/{cellId}/members/import/{importId}/discard");
        hidden("GET /cells/{cellId}/members/{memberId}", "GET /cells/{cellId}/members/{memberId}/edit",
                "POST /cells/{cellId}/members/{memberId}/edit", "POST /cells/{cellId}/members/{memberId}/status",
                "POST /cells/{cellId}/members/{memberId}/send-out", "POST /cells/{cellId}/members/{memberId}/return",
                "POST /cells/{cellId}/members/{memberId}/transfer", "POST /cells/{cellId}/members/export.xlsx",
                "POST /cells/{cellId}/members/export.csv", "POST /cells/{cellId}/members");
        hidden("GET /meetings/{meetingId}", "GET /meetings/{meetingId}/edit", "POST /meetings/{meetingId}/edit",
                "POST /meetings/{meetingId}/publish", "POST /meetings/{meetingId}/start",
                "GET /meetings/{meetingId}/cancel", "POST /meetings/{meetingId}/cancel", "GET /meetings/{meetingId}/close",
                "POST /meetings/{meetingId}/close", "GET /meetings/{meetingId}/attendance",
                "POST /meetings/{meetingId}/attendance/{memberId}", "POST /meetings/{meetingId}/documents",
                "GET /meetings/{meetingId}/documents/{documentId}",
                "POST /meetings/{meetingId}/documents/{documentId}/remove", "POST /meetings/{meetingId}/response",
                "POST /meetings/{meetingId}/responses/{memberId}/approve",
                "POST /meetings/{meetingId}/responses/{memberId}/reject");
        hidden("GET /meetings/{meetingId}/check-in/screen", "GET /meetings/{meetingId}/check-in/code",
                "GET /meetings/{meetingId}/check-in", "POST /meetings/{meetingId}/check-in",
                "POST /meetings/{meetingId}/join-online", "POST /meetings/{meetingId}/leave",
                "POST /meetings/{meetingId}/attendance/{memberId}/leave",
                "GET /cells/{cellId}/members/{memberId}/attendance", "POST /meetings/{meetingId}/agenda/{itemId}/discuss");
        hidden("GET /meetings/{meetingId}/motions", "POST /meetings/{meetingId}/motions", "GET /motions/{id}",
                "POST /motions/{id}/ballot", "POST /motions/{id}/close", "POST /motions/{id}/show-of-hands",
                "GET /api/v1/meetings/{meetingId}/motions", "POST /api/v1/motions/{id}/ballot",
                "POST /motions/{id}/receipt-check", "POST /api/v1/motions/{id}/receipt-check",
                "GET /meetings/{meetingId}/motions.csv", "POST /motions/{id}/list-ballot",
                "POST /motions/{id}/next-round");
        hidden("GET /meetings/{meetingId}/minutes", "POST /meetings/{meetingId}/minutes/parts/{code}",
                "POST /meetings/{meetingId}/minutes/approval", "GET /meetings/{meetingId}/minutes.pdf",
                "GET /meetings/{meetingId}/minutes.docx", "GET /meetings/{meetingId}/minutes/versions/{versionNo}",
                "GET /meetings/{meetingId}/minutes/versions/{versionNo}.pdf",
                "GET /meetings/{meetingId}/minutes/versions/{versionNo}.docx",
                "POST /meetings/{meetingId}/minutes/corrections");
        hidden("GET /meetings/{meetingId}/resolution", "POST /meetings/{meetingId}/resolution",
                "POST /meetings/{meetingId}/resolution/issue", "GET /meetings/{meetingId}/resolution.pdf",
                "GET /meetings/{meetingId}/resolution.docx", "GET /cells/{cellId}/resolutions");
        hidden("GET /meetings/{meetingId}/live", "GET /meetings/{meetingId}/parts/{part}",
                "GET /meetings/{meetingId}/opinions", "GET /meetings/{meetingId}/projector",
                "GET /meetings/{meetingId}/projector/parts/{part}", "GET /meetings/{meetingId}/attendance/rows");
        hidden("POST /meetings/{meetingId}/agenda/{itemId}/opinions", "GET /opinions/{id}/edit",
                "POST /opinions/{id}/edit", "POST /opinions/{id}/withdraw", "POST /opinions/{id}/spoken",
                "POST /opinions/{id}/unspoken");
        hidden("GET /meetings/{meetingId}/speakers", "POST /meetings/{meetingId}/agenda/{itemId}/speakers",
                "POST /meetings/{meetingId}/agenda/{itemId}/speaker-limit", "POST /speaker-requests/{id}/lower",
                "POST /speaker-requests/{id}/up", "POST /speaker-requests/{id}/down",
                "POST /speaker-requests/{id}/position", "POST /speaker-requests/{id}/grant",
                "POST /speaker-requests/{id}/end", "POST /speaker-requests/{id}/decline");
        hidden("GET /accounts/{accountId}/recovery", "POST /accounts/{accountId}/recovery");
        hidden("GET /organizations/{organizationId}/roles", "POST /organizations/{organizationId}/roles/grant",
                "POST /organizations/{organizationId}/roles/revoke");
        hidden("GET /organizations/{organizationId}", "POST /organizations/{organizationId}/children",
                "POST /organizations/{organizationId}/rename", "POST /organizations/{organizationId}/move",
                "POST /organizations/{organizationId}/archive");

        hidden("GET /documents/{id}", "GET /documents/{id}/file", "GET /documents/{id}/download",
                "GET /documents/{id}/edit", "POST /documents/{id}/edit", "GET /documents/{id}/versions/new",
                "POST /documents/{id}/versions/new", "POST /documents/{id}/withdraw", "POST /documents/{id}/purge", "POST /documents/{id}/restore",
                "POST /documents/{id}/distribution");

        KNOWN.put("GET /", Expect.NOT_CELL_SCOPED);
        KNOWN.put("GET /documents", Expect.NOT_CELL_SCOPED);
        KNOWN.put("GET /api/v1/documents", Expect.NOT_CELL_SCOPED);
        KNOWN.put("GET /documents/new", Expect.NOT_CELL_SCOPED);
        KNOWN.put("GET /documents/withdrawn", Expect.NOT_CELL_SCOPED);
        KNOWN.put("POST /documents/new", Expect.NOT_CELL_SCOPED);
        KNOWN.put("GET /login", Expect.NOT_CELL_SCOPED);
        // The tree page and top-level creation: a cell secretary gets 403 and sees no cell's names.
        KNOWN.put("GET /organizations", Expect.NOT_CELL_SCOPED);
        KNOWN.put("POST /organizations", Expect.NOT_CELL_SCOPED);
        KNOWN.put("GET /account/password", Expect.NOT_CELL_SCOPED);
        // The audit page, its chain check and backups: a cell secretary gets 403 and sees no entries.
        KNOWN.put("GET /admin/audit", Expect.NOT_CELL_SCOPED);
        KNOWN.put("POST /admin/audit/verification", Expect.NOT_CELL_SCOPED);
        KNOWN.put("POST /admin/backups", Expect.NOT_CELL_SCOPED);
        // The actor's own passkeys; another account's passkey is hidden like another cell's object.
        KNOWN.put("GET /account/passkeys", Expect.NOT_CELL_SCOPED);
        KNOWN.put("POST /account/passkeys", Expect.NOT_CELL_SCOPED);
        hidden("POST /account/passkeys/{passkeyId}/delete");
        // The actor's own notifications; another account's notification is hidden like another cell's object.
        KNOWN.put("GET /notifications", Expect.NOT_CELL_SCOPED);
        KNOWN.put("POST /notifications/read-all", Expect.NOT_CELL_SCOPED);
        hidden("POST /notifications/{notificationId}/read");
        // The actor's own profile: a redirect to the page of the actor's own member record.
        // Document search: no cell in the path; LibrarySearchTests proves that results hold no other cell's document.
        KNOWN.put("GET /documents/search", Expect.NOT_CELL_SCOPED);
        KNOWN.put("GET /documents/suggestions", Expect.NOT_CELL_SCOPED);
        KNOWN.put("GET /api/v1/documents/search", Expect.NOT_CELL_SCOPED);
        KNOWN.put("GET /members/me", Expect.NOT_CELL_SCOPED);
        // The actor's own data page and export; another member's access list is hidden like their profile.
        KNOWN.put("GET /me/data", Expect.NOT_CELL_SCOPED);
        KNOWN.put("POST /me/data/export", Expect.NOT_CELL_SCOPED);
        hidden("GET /members/{memberId}/access", "GET /api/v1/members/{memberId}/access");
        hidden("GET /members/{memberId}/corrections", "POST /members/{memberId}/corrections",
                "GET /cells/{cellId}/corrections", "POST /corrections/{id}/approve", "POST /corrections/{id}/reject");
        KNOWN.put("POST /api/v1/me/data-export", Expect.NOT_CELL_SCOPED);
        // The actor's own password and sessions: changing them would end the test's session.
        KNOWN.put("POST /account/password", Expect.SKIPPED);
        KNOWN.put("POST /account/sign-out-everywhere", Expect.SKIPPED);
        // The actor's own second factor: a signed-in secretary is enrolled already, may not turn it
        // off, and is sent from the second-factor page to the home page.
        KNOWN.put("GET /account/two-factor", Expect.NOT_CELL_SCOPED);
        KNOWN.put("GET /account/two-factor/enrol", Expect.NOT_CELL_SCOPED);
        KNOWN.put("POST /account/two-factor/enrol", Expect.NOT_CELL_SCOPED);
        KNOWN.put("POST /account/two-factor/disable", Expect.NOT_CELL_SCOPED);
        KNOWN.put("GET /second-factor", Expect.NOT_CELL_SCOPED);
        KNOWN.put("POST /second-factor", Expect.NOT_CELL_SCOPED);
        // New recovery codes would void those that the sign-in helper keeps for the test account.
        KNOWN.put("POST /account/two-factor/recovery-codes", Expect.SKIPPED);
        // The actor's own sessions and app tokens: a session or token of another account is never
        // found by its handle or id (see DeviceSessionsTests).
        KNOWN.put("GET /account/sessions", Expect.NOT_CELL_SCOPED);
        KNOWN.put("POST /account/sessions/revoke", Expect.NOT_CELL_SCOPED);
        KNOWN.put("POST /account/sessions/revoke-others", Expect.SKIPPED);
        KNOWN.put("POST /account/tokens/revoke", Expect.NOT_CELL_SCOPED);
        // Spring Boot's error page, which renders whatever error the request carries.
        KNOWN.put("* /error", Expect.SKIPPED);
        // The member handbook belongs to no cell, and bookmarks and notes are the actor's own.
        for (String handbook : new String[] { "GET /handbook", "GET /handbook/{slug}", "POST /handbook/{slug}/bookmark",
            "POST /handbook/{slug}/note", "GET /handbook/mine", "POST /handbook/mine/delete", "GET /handbook/{slug}/edit",
            "POST /handbook/{slug}/edit" }) {
            KNOWN.put(handbook, Expect.NOT_CELL_SCOPED);
        }
        // The offline app: files without data, and the list of the actor's own pages to keep.
        for (String offline : new String[] { "GET /manifest.webmanifest", "GET /icons/icon-{size}.png", "GET /sw.js",
            "GET /offline/contents" }) {
            KNOWN.put(offline, Expect.NOT_CELL_SCOPED);
        }

        // The JSON API: GET /api/v1/me shows only the actor's own organizations. A token request needs a
        // password, and revoking the request's token would sign the test out.
        KNOWN.put("GET /api/v1/me", Expect.NOT_CELL_SCOPED);
        KNOWN.put("GET /api/v1/me/meetings", Expect.NOT_CELL_SCOPED);
        KNOWN.put("GET /api/v1/me/notifications", Expect.NOT_CELL_SCOPED);
        KNOWN.put("POST /api/v1/auth/token", Expect.SKIPPED);
        KNOWN.put("DELETE /api/v1/auth/token", Expect.SKIPPED);
        // BigBlueButton's callbacks are not session endpoints: the server proves each call with its shared
        // secret, so a secretary's session gets 401, or 404 while BigBlueButton is not the provider, and no data.
        KNOWN.put("POST /video/bbb/meetings/{meetingId}/events", Expect.NOT_CELL_SCOPED);
        // The OpenAPI document describes the API and contains no data.
        KNOWN.put("GET /v3/api-docs", Expect.NOT_CELL_SCOPED);
        KNOWN.put("GET /v3/api-docs.yaml", Expect.NOT_CELL_SCOPED);
    }

    private static void hidden(String... endpoints) {
        for (String endpoint : endpoints) {
            KNOWN.put(endpoint, Expect.HIDDEN);
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    EndpointCatalog catalog;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ObjectProvider<ApiSignIn> apiSignIn;

    @Test
    void everyEndpointIsListed() {
        Set<String> mapped = catalog.keys();
        Set<String> unlisted = new TreeSet<>(mapped);
        unlisted.removeIf(key -> KNOWN.containsKey(key) || isApi(key) && key.contains("{"));
        Set<String> unmapped = new TreeSet<>(KNOWN.keySet());
        unmapped.removeAll(mapped);

        assertThat(unlisted).as("Endpoints missing from CrossCellAccessTests.KNOWN: list each and check that it "
                + "hides other cells' objects").isEmpty();
        assertThat(unmapped).as("Endpoints in CrossCellAccessTests.KNOWN that are no longer mapped").isEmpty();
    }

    @Test
    void secretaryGets404ForOtherCell() throws Exception {
        SampleCell other = catalog.sampleCell();
        Organization ownCell = fixtures.cellUnder(other.committee());
        Actor secretary = fixtures.account(ownCell, fixtures.member(ownCell, "Lương Văn Sở", MembershipStatus.OFFICIAL,
                ActivityStatus.ACTIVE), Role.MEMBER, Role.CELL_SECRETARY);
        MockHttpSession session = SignIn.as(mvc, secretary);

        List<String> failures = new ArrayList<>();
        int requests = 0;
        for (Endpoint endpoint : catalog.endpoints()) {
            Expect expect = expectationOf(endpoint);
            if (expect == Expect.SKIPPED) {
                continue;
            }
            for (Map<String, Object> variables : other.fill(endpoint.pattern(), ownCell)) {
                String uri = endpoint.uri(variables);
                for (boolean htmx : endpoint.isSafe() ? List.of(false, true) : List.of(false)) {
                    MvcResult result = mvc.perform(request(endpoint, variables, htmx, secretary, session)).andReturn();
                    requests++;
                    check(endpoint, uri, htmx, expect, result, other).ifPresent(failures::add);
                }
            }
        }

        assertThat(requests).isGreaterThan(KNOWN.size());
        assertThat(failures).as("Endpoints that showed another cell's objects to a secretary").isEmpty();
    }

    private Optional<String> check(Endpoint endpoint, String uri, boolean htmx, Expect expect,
            MvcResult result, SampleCell other) throws Exception {
        int status = result.getResponse().getStatus();
        String label = endpoint.method() + " " + uri + (htmx ? " (htmx)" : "");
        if (expect == Expect.HIDDEN) {
            return status == 404 ? Optional.empty()
                    : Optional.of(label + " answered " + status + ", expected 404");
        }
        String body = result.getResponse().getContentAsString();
        for (String secret : other.secrets()) {
            if (body.contains(secret)) {
                return Optional.of(label + " shows " + secret + " of the other cell");
            }
        }
        return Optional.empty();
    }

    private AbstractMockHttpServletRequestBuilder<?> request(Endpoint endpoint, Map<String, Object> variables,
            boolean htmx, Actor actor, MockHttpSession session) throws Exception {
        // A request body is an empty JSON object: the endpoint must reject the other cell's ids before it reads fields.
        AbstractMockHttpServletRequestBuilder<?> request = EndpointCatalog.request(endpoint, variables);
        if (htmx) {
            request.header("HX-Request", "true");
        }
        if (!endpoint.isSafe()) {
            request.with(csrf());
        }
        if (endpoint.isApi()) {
            ApiSignIn api = apiSignIn.getIfAvailable();
            assertThat(api).as("API endpoints need a vn.chibo.testing.ApiSignIn bean in the test sources").isNotNull();
            return request.with(api.as(actor));
        }
        return request.session(session);
    }

    private static boolean isApi(String key) {
        return key.substring(key.indexOf(' ') + 1).startsWith("/api/");
    }

    /**
     * Returns the expected outcome of the endpoint. API endpoints need no listing: with ids in the path they
     * must hide other cells' objects, and without they must not show them.
     */
    private static Expect expectationOf(Endpoint endpoint) {
        Expect listed = KNOWN.get(endpoint.key());
        if (listed != null) {
            return listed;
        }
        if (isApi(endpoint.key())) {
            return endpoint.pattern().contains("{") ? Expect.HIDDEN
                    : endpoint.method().equals("GET") ? Expect.NOT_CELL_SCOPED : Expect.SKIPPED;
        }
        throw new AssertionError("Unlisted endpoint " + endpoint.key() + ": add it to CrossCellAccessTests.KNOWN");
    }
}
