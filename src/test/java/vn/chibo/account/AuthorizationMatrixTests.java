package vn.chibo.account;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.chibo.meeting.AttendanceStatus;
import vn.chibo.meeting.MeetingId;
import vn.chibo.meeting.MeetingManagement;
import vn.chibo.member.ActivityStatus;
import vn.chibo.member.MemberId;
import vn.chibo.member.MembershipStatus;
import vn.chibo.organization.Organization;
import vn.chibo.testing.ApiSignIn;
import vn.chibo.testing.EndpointCatalog;
import vn.chibo.testing.EndpointCatalog.Endpoint;
import vn.chibo.testing.EndpointCatalog.SampleCell;
import vn.chibo.testing.Fixtures;
import vn.chibo.testing.SignIn;
import vn.chibo.testing.SqlTest;
import vn.chibo.testing.TestDatabaseInitializer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Calls every endpoint of the application as every kind of user, against the data of the user's own
 * cell and of a cell under another committee. The test compares who got through with {@link #EXPECTED}.
 * Pages are called with a session from the real sign-in form, the API with a bearer token. Each run
 * writes the whole matrix to target/authorization-matrix.md and target/authorization-matrix.csv, so the
 * PostgreSQL run of the build replaces the H2 run's files.
 *
 * <p>A response of 401, 403, 404 or a redirect to the sign-in page counts as a denial; any status
 * below 500 else counts as access, because the request passed authorization and only the input or
 * the object's state (400, 409, 422) stopped it. An endpoint counts as reached when at least one of
 * its sample fillings (the open and the closed meeting) got through. A status of 500 always fails.
 * Signed-in users must be denied with 403 or 404, anonymous users with 401 (API) or a redirect to the
 * sign-in page.
 *
 * <p>Requests that may change data run in a transaction that is rolled back, so that every user
 * finds the sample cells as they were built. The sign-out and password endpoints run outside it with
 * a session of their own, because they end sessions that Spring Session commits apart.
 *
 * <p><b>Adding an endpoint:</b> put its "METHOD pattern" (as in the handler mapping, for example
 * {@code "POST /account/totp"}) into {@link #EXPECTED} with the {@link Access} that the module's
 * permission class grants. Add an {@code Access} value only for a rule that no existing one states.
 * A path variable that {@link EndpointCatalog.SampleCell} cannot fill fails the run with a message
 * saying to add it there. An endpoint missing from {@code EXPECTED} fails {@link #everyEndpointHasRow}.
 */
@SqlTest
@AutoConfigureMockMvc
class AuthorizationMatrixTests {

    /** The users the matrix calls every endpoint as. */
    enum Subject {
        ANONYMOUS,
        MEMBER,
        PROBATIONARY_MEMBER,
        CELL_COMMITTEE_MEMBER,
        CELL_DEPUTY_SECRETARY,
        CELL_SECRETARY,
        /** An officer of the committee that the own cell lies under. */
        COMMITTEE_OFFICER,
        /** An officer of a sibling committee, whose own cell is the other sample cell. */
        OTHER_COMMITTEE_OFFICER,
        /** An administrator granted on the own cell's committee. */
        SYSTEM_ADMIN
    }

    /** Whose data the path variables point at. Endpoints without path variables are called once, as OWN. */
    enum Scope {
        OWN, FOREIGN
    }

    /** A subject's relation to the cell whose data a request names. */
    enum Relation {
        ANONYMOUS, OUTSIDER, OFFICIAL_MEMBER, PROBATIONARY_MEMBER, CELL_COMMITTEE_MEMBER, CELL_DEPUTY_SECRETARY,
        CELL_SECRETARY, OFFICER_ABOVE, ADMINISTRATOR
    }

    /** Who passes authorization on an endpoint, named after the permission that decides it. */
    enum Access {
        /** Everyone, signed in or not. */
        PUBLIC(Relation.values()),
        /** Everyone signed in; the endpoint shows or changes only the user's own account. */
        SIGNED_IN(EnumSet.complementOf(EnumSet.of(Relation.ANONYMOUS)).toArray(Relation[]::new)),
        /** CellAccess.canView: a role in the cell, or an officer of a committee above it. */
        CELL_VIEW(Relation.OFFICIAL_MEMBER, Relation.PROBATIONARY_MEMBER, Relation.CELL_COMMITTEE_MEMBER,
                Relation.CELL_DEPUTY_SECRETARY, Relation.CELL_SECRETARY, Relation.OFFICER_ABOVE),
        /**
         * CellAccess.canRun: the secretary and the deputy secretary. The chair and the minute taker of the
         * sample meetings are other members, so the rights of MeetingPermissions.canChair and
         * MinutesPermissions.isEditor reduce to this for the subjects.
         */
        CELL_RUN(Relation.CELL_DEPUTY_SECRETARY, Relation.CELL_SECRETARY),
        /** MeetingPermissions.memberOf: the user's member record is on the cell's roster. */
        ON_ROSTER(Relation.OFFICIAL_MEMBER, Relation.PROBATIONARY_MEMBER, Relation.CELL_COMMITTEE_MEMBER,
                Relation.CELL_DEPUTY_SECRETARY, Relation.CELL_SECRETARY),
        /** VotingPermissions: an official member of the cell marked present; probationary members never vote. */
        VOTER(Relation.OFFICIAL_MEMBER, Relation.CELL_COMMITTEE_MEMBER, Relation.CELL_DEPUTY_SECRETARY,
                Relation.CELL_SECRETARY),
        /**
         * MemberPermissions.canViewProfile for another member, and canTransferAtAll for sending out,
         * bringing back and moving a member: those who run the cell and officers above it.
         */
        MEMBER_PROFILE(Relation.CELL_DEPUTY_SECRETARY, Relation.CELL_SECRETARY, Relation.OFFICER_ABOVE),
        /**
         * LibraryVisibility for the sample document, which lies in the cell's own library and was issued to
         * nobody: the roles of the cell, and no officer above it.
         */
        LIBRARY_READ(Relation.OFFICIAL_MEMBER, Relation.PROBATIONARY_MEMBER, Relation.CELL_COMMITTEE_MEMBER,
                Relation.CELL_DEPUTY_SECRETARY, Relation.CELL_SECRETARY),
        /** LibraryPermissions.managedLibraries: those who run a cell and committee officers, each in their own. */
        LIBRARY_MANAGE(Relation.CELL_DEPUTY_SECRETARY, Relation.CELL_SECRETARY, Relation.OFFICER_ABOVE),
        /** OrganizationPermissions.canOpenTree: officers and administrators. */
        ORGANIZATION_TREE(Relation.OFFICER_ABOVE, Relation.ADMINISTRATOR),
        /** System administration (the audit page, its chain check and backups): administrators only. */
        ADMINISTRATION(Relation.ADMINISTRATOR),
        /** OrganizationPermissions.canCreateAtTop: administrators only. */
        ORGANIZATION_TOP(Relation.ADMINISTRATOR),
        /** OrganizationPermissions.canChange and canCreateUnder: officers above and administrators. */
        ORGANIZATION_CHANGE(Relation.OFFICER_ABOVE, Relation.ADMINISTRATOR),
        /** RolePermissions.canRecover for a plain member's account: officers above and administrators. */
        ACCOUNT_RECOVERY(Relation.OFFICER_ABOVE, Relation.ADMINISTRATOR),
        /** RolePermissions.manageable: the secretary, officers above and administrators. */
        ROLE_MANAGE(Relation.CELL_SECRETARY, Relation.OFFICER_ABOVE, Relation.ADMINISTRATOR),
        /**
         * Nobody among the subjects: the object belongs to another person (an opinion's author, a
         * notification's recipient), or the action is the named chair's and minute taker's signature.
         */
        NOBODY(),
        /**
         * Nobody among the subjects: a callback of the video provider's server, which proves itself with a
         * checksum made with the provider's shared secret, not with a session or token. Every subject, anonymous
         * or signed in, is denied with 401 (no valid checksum) or 404 (the provider is not configured, which is
         * the case in this test).
         */
        PROVIDER_CALLBACK(),
        /** Listed but not called, for the reason beside its row, so the report has no outcome for it. */
        NOT_CALLED();

        private final Set<Relation> allowed;

        Access(Relation... allowed) {
            this.allowed = allowed.length == 0 ? EnumSet.noneOf(Relation.class) : EnumSet.of(allowed[0], allowed);
        }

        boolean allows(Relation relation) {
            return allowed.contains(relation);
        }
    }

    /** Every endpoint of the application as "METHOD pattern", with who may pass its authorization. */
    static final Map<String, Access> EXPECTED = new LinkedHashMap<>();

    static {
        expect(Access.PUBLIC, "GET /login", "POST /api/v1/auth/token", "GET /v3/api-docs", "GET /v3/api-docs.yaml");
        // Spring Boot's error page renders the error that the request carries. Called directly it carries
        // none and reports 500, so the matrix lists it without calling it.
        expect(Access.NOT_CALLED, "* /error");
        expect(Access.SIGNED_IN, "GET /", "GET /account/password", "POST /account/password",
                "POST /account/sign-out-everywhere", "GET /notifications",
                "POST /notifications/read-all", "GET /api/v1/me", "GET /api/v1/me/meetings",
                "GET /api/v1/me/notifications", "DELETE /api/v1/auth/token");
        // The sample passkey belongs to the sample cell's own secretary, who is none of the subjects.
        expect(Access.SIGNED_IN, "GET /account/passkeys", "POST /account/passkeys");
        // The user's own second factor. The secretaries among the subjects are enrolled already and may not
        // turn it off; the second-factor page sends a complete sign-in on to the home page.
        expect(Access.SIGNED_IN, "GET /account/two-factor", "GET /account/two-factor/enrol",
                "POST /account/two-factor/enrol", "POST /account/two-factor/disable", "GET /second-factor",
                "POST /second-factor");
        // New recovery codes would void the ones that the sign-in helper keeps for the subject's next sign-in.
        expect(Access.NOT_CALLED, "POST /account/two-factor/recovery-codes");
        // The user's own sessions and app tokens.
        expect(Access.SIGNED_IN, "GET /account/sessions", "POST /account/sessions/revoke",
                "POST /account/sessions/revoke-others", "POST /account/tokens/revoke");
        // The export of one's own data: a member's data, or an account's for accounts of no member.
        expect(Access.SIGNED_IN, "GET /me/data", "POST /me/data/export", "POST /api/v1/me/data-export");
        // Search in the document library: open to everyone signed in; the results hold only what each may open.
        expect(Access.SIGNED_IN, "GET /documents/search", "GET /documents/suggestions", "GET /api/v1/documents/search");
        expect(Access.ADMINISTRATION, "GET /admin/audit", "POST /admin/audit/verification", "POST /admin/backups");
        expect(Access.NOBODY, "POST /account/passkeys/{passkeyId}/delete");
        expect(Access.NOBODY, "POST /notifications/{notificationId}/read",
                "POST /api/v1/me/notifications/{notificationId}/read");
        // The page of the user's own member record: accounts without one get 404.
        expect(Access.ON_ROSTER, "GET /members/me");

        // The organization tree and roles.
        expect(Access.ORGANIZATION_TREE, "GET /organizations");
        expect(Access.ORGANIZATION_TOP, "POST /organizations");
        // The page of one organization is a management page: those who may only see the cell get 403.
        expect(Access.ORGANIZATION_CHANGE, "GET /organizations/{organizationId}",
                "POST /organizations/{organizationId}/children",
                "POST /organizations/{organizationId}/rename", "POST /organizations/{organizationId}/move",
                "POST /organizations/{organizationId}/archive");
        // The recovery of the sample member's account, whose only role is in the sample cell.
        expect(Access.ACCOUNT_RECOVERY, "GET /accounts/{accountId}/recovery", "POST /accounts/{accountId}/recovery");
        expect(Access.ROLE_MANAGE, "GET /organizations/{organizationId}/roles",
                "POST /organizations/{organizationId}/roles/grant", "POST /organizations/{organizationId}/roles/revoke");

        // The cell and its roster.
        expect(Access.CELL_VIEW, "GET /cells/{cellId}", "GET /cells/{cellId}/members", "GET /api/v1/cells/{cellId}/members");
        expect(Access.MEMBER_PROFILE, "GET /cells/{cellId}/members/{memberId}",
                "GET /cells/{cellId}/members/{memberId}/attendance", "POST /cells/{cellId}/members/{memberId}/transfer",
                "POST /cells/{cellId}/members/{memberId}/send-out", "POST /cells/{cellId}/members/{memberId}/return");
        expect(Access.CELL_RUN, "GET /cells/{cellId}/members/accounts", "POST /cells/{cellId}/members/accounts",
                "GET /cells/{cellId}/members/{memberId}/password", "POST /cells/{cellId}/members/{memberId}/password",
                "GET /cells/{cellId}/members/import", "POST /cells/{cellId}/members/import",
                "GET /cells/{cellId}/members/import/{importId}", "POST /cells/{cellId}/members/import/{importId}/confirm",
                "POST /cells/{cellId}/members/import/{importId}/discard", "GET /cells/{cellId}/members/{memberId}/edit",
                "POST /cells/{cellId}/members/{memberId}/edit", "POST /cells/{cellId}/members/{memberId}/status",
                "POST /cells/{cellId}/members/export.xlsx", "POST /cells/{cellId}/members/export.csv");
        // The roster search is a POST, so that names typed into it stay out of addresses and logs.
        expect(Access.CELL_VIEW, "POST /cells/{cellId}/members");

        // Personal data: who read a profile is shown to those who may read it (and to the member, who is
        // none of the subjects); corrections are asked for by the member and decided by those who run the cell.
        expect(Access.MEMBER_PROFILE, "GET /members/{memberId}/access", "GET /api/v1/members/{memberId}/access",
                "GET /members/{memberId}/corrections");
        expect(Access.NOBODY, "POST /members/{memberId}/corrections");
        expect(Access.CELL_RUN, "GET /cells/{cellId}/corrections", "POST /corrections/{id}/approve",
                "POST /corrections/{id}/reject");

        // Meetings: pages, planning, the roll and check-in.
        expect(Access.CELL_VIEW, "GET /meetings/{meetingId}/live", "GET /meetings/{meetingId}/parts/{part}",
                "GET /meetings/{meetingId}/opinions");
        expect(Access.CELL_RUN, "GET /meetings/{meetingId}/projector", "GET /meetings/{meetingId}/projector/parts/{part}",
                "GET /meetings/{meetingId}/attendance/rows");
        expect(Access.CELL_VIEW, "GET /cells/{cellId}/meetings", "GET /meetings/{meetingId}",
                "GET /meetings/{meetingId}/documents/{documentId}", "GET /api/v1/meetings/{meetingId}");
        expect(Access.CELL_RUN, "GET /cells/{cellId}/meetings/new", "POST /cells/{cellId}/meetings",
                "GET /meetings/{meetingId}/edit", "POST /meetings/{meetingId}/edit", "POST /meetings/{meetingId}/publish",
                "POST /meetings/{meetingId}/start", "GET /meetings/{meetingId}/cancel", "POST /meetings/{meetingId}/cancel",
                "GET /meetings/{meetingId}/close", "POST /meetings/{meetingId}/close", "GET /meetings/{meetingId}/attendance",
                "POST /meetings/{meetingId}/attendance/{memberId}", "POST /meetings/{meetingId}/documents",
                "POST /meetings/{meetingId}/documents/{documentId}/remove",
                "POST /meetings/{meetingId}/responses/{memberId}/approve",
                "POST /meetings/{meetingId}/responses/{memberId}/reject", "GET /meetings/{meetingId}/check-in/screen",
                "GET /meetings/{meetingId}/check-in/code", "POST /meetings/{meetingId}/attendance/{memberId}/leave",
                "POST /meetings/{meetingId}/agenda/{itemId}/discuss");
        expect(Access.ON_ROSTER, "POST /meetings/{meetingId}/response", "GET /meetings/{meetingId}/check-in",
                "POST /meetings/{meetingId}/check-in", "POST /meetings/{meetingId}/join-online",
                "POST /meetings/{meetingId}/leave", "PUT /api/v1/meetings/{meetingId}/response",
                "POST /api/v1/meetings/{meetingId}/check-in", "POST /api/v1/meetings/{meetingId}/join-online");

        // Votes.
        expect(Access.CELL_VIEW, "GET /meetings/{meetingId}/motions", "GET /motions/{id}",
                "GET /api/v1/meetings/{meetingId}/motions", "POST /motions/{id}/receipt-check",
                "POST /api/v1/motions/{id}/receipt-check", "GET /meetings/{meetingId}/motions.csv");
        expect(Access.CELL_RUN, "POST /meetings/{meetingId}/motions", "POST /motions/{id}/close",
                "POST /motions/{id}/show-of-hands", "POST /motions/{id}/next-round");
        expect(Access.VOTER, "POST /motions/{id}/ballot", "POST /api/v1/motions/{id}/ballot",
                "POST /motions/{id}/list-ballot");

        // Opinions: every viewer reads them, members of the cell post them, only the author changes one.
        expect(Access.CELL_VIEW, "GET /api/v1/meetings/{meetingId}/opinions");
        expect(Access.ON_ROSTER, "POST /meetings/{meetingId}/agenda/{itemId}/opinions",
                "POST /api/v1/meetings/{meetingId}/agenda/{itemId}/opinions");
        expect(Access.NOBODY, "GET /opinions/{id}/edit", "POST /opinions/{id}/edit", "POST /opinions/{id}/withdraw",
                "PUT /api/v1/opinions/{id}", "DELETE /api/v1/opinions/{id}");
        expect(Access.CELL_RUN, "POST /opinions/{id}/spoken", "POST /opinions/{id}/unspoken");

        // The speaker list: every viewer reads it, members of the cell marked present raise and lower their own
        // hand (every subject on the roster is present), and the chair runs the queue. The sample request is
        // the sample secretary's, who is none of the subjects.
        expect(Access.CELL_VIEW, "GET /meetings/{meetingId}/speakers", "GET /api/v1/meetings/{meetingId}/speakers");
        expect(Access.ON_ROSTER, "POST /meetings/{meetingId}/agenda/{itemId}/speakers",
                "POST /api/v1/meetings/{meetingId}/speakers", "DELETE /api/v1/meetings/{meetingId}/speakers/mine");
        expect(Access.NOBODY, "POST /speaker-requests/{id}/lower");
        expect(Access.CELL_RUN, "POST /speaker-requests/{id}/up", "POST /speaker-requests/{id}/down",
                "POST /speaker-requests/{id}/position", "POST /speaker-requests/{id}/grant",
                "POST /speaker-requests/{id}/end", "POST /speaker-requests/{id}/decline",
                "POST /meetings/{meetingId}/agenda/{itemId}/speaker-limit");

        // Minutes and resolutions: the sample minutes are drafts, which only their editors read. The minutes
        // page and its API show every viewer the state of the minutes, and the text only once approved.
        expect(Access.CELL_VIEW, "GET /meetings/{meetingId}/minutes", "GET /api/v1/meetings/{meetingId}/minutes");
        // The API serves the current minutes only once approved, so nobody reaches the sample's drafts.
        expect(Access.NOBODY, "GET /api/v1/meetings/{meetingId}/minutes.pdf");
        expect(Access.CELL_RUN, "POST /meetings/{meetingId}/minutes/parts/{code}",
                "GET /meetings/{meetingId}/minutes.pdf", "GET /meetings/{meetingId}/minutes.docx",
                "GET /meetings/{meetingId}/minutes/versions/{versionNo}",
                "GET /meetings/{meetingId}/minutes/versions/{versionNo}.pdf",
                "GET /meetings/{meetingId}/minutes/versions/{versionNo}.docx",
                "POST /meetings/{meetingId}/minutes/corrections",
                "GET /api/v1/meetings/{meetingId}/minutes/versions/{versionNo}.pdf");
        expect(Access.NOBODY, "POST /meetings/{meetingId}/minutes/approval");
        expect(Access.CELL_RUN, "GET /meetings/{meetingId}/resolution", "POST /meetings/{meetingId}/resolution",
                "POST /meetings/{meetingId}/resolution/issue", "GET /meetings/{meetingId}/resolution.pdf",
                "GET /meetings/{meetingId}/resolution.docx", "GET /api/v1/meetings/{meetingId}/resolution.pdf");
        expect(Access.CELL_VIEW, "GET /cells/{cellId}/resolutions", "GET /api/v1/cells/{cellId}/resolutions");

        // The document library: the list shows only what the user may open; the sample document is the cell's own.
        expect(Access.SIGNED_IN, "GET /documents", "GET /api/v1/documents");
        expect(Access.LIBRARY_MANAGE, "GET /documents/new", "POST /documents/new");
        expect(Access.LIBRARY_READ, "GET /documents/{id}", "GET /documents/{id}/file", "GET /documents/{id}/download",
                "GET /api/v1/documents/{id}", "GET /api/v1/documents/{id}/file");
        expect(Access.CELL_RUN, "GET /documents/{id}/edit", "POST /documents/{id}/edit",
                "GET /documents/{id}/versions/new", "POST /documents/{id}/versions/new",
                "POST /documents/{id}/withdraw", "POST /documents/{id}/purge");
        // The sample document is not withdrawn, so restoring it finds nothing, as for every role.
        expect(Access.NOBODY, "POST /documents/{id}/restore");
        expect(Access.LIBRARY_MANAGE, "GET /documents/withdrawn");
        // Only a committee issues documents, and the sample document belongs to a cell.
        expect(Access.NOBODY, "POST /documents/{id}/distribution");

        // The member handbook: every signed-in account reads it and keeps its own bookmarks and notes;
        // only administrators edit it.
        expect(Access.SIGNED_IN, "GET /handbook", "GET /handbook/{slug}", "POST /handbook/{slug}/bookmark",
                "POST /handbook/{slug}/note", "GET /handbook/mine", "POST /handbook/mine/delete");
        expect(Access.ADMINISTRATION, "GET /handbook/{slug}/edit", "POST /handbook/{slug}/edit");

        // The offline app: browsers fetch the manifest, its icons and the service worker without a session;
        // the list of pages to keep is the signed-in account's own.
        expect(Access.PUBLIC, "GET /manifest.webmanifest", "GET /icons/icon-{size}.png", "GET /sw.js");
        expect(Access.SIGNED_IN, "GET /offline/contents");

        // BigBlueButton's webhooks report joins and leaves of a meeting's room, signed with the server's secret.
        expect(Access.PROVIDER_CALLBACK, "POST /video/bbb/meetings/{meetingId}/events");
    }

    /** A right that a member has for one meeting only, because the meeting names them. */
    enum MeetingRole {
        CHAIR, MINUTE_TAKER
    }

    /**
     * The endpoints that the named chair or minute taker of a meeting reaches beyond what
     * {@link #EXPECTED} grants a plain official member, for that meeting only: MeetingPermissions.canChair,
     * VotingPermissions and DiscussionPermissions for the chair, MinutesPermissions for both.
     */
    static final Map<String, Set<MeetingRole>> MEETING_ROLES = new LinkedHashMap<>();

    static {
        meetingRoles(EnumSet.of(MeetingRole.CHAIR), "POST /meetings/{meetingId}/start",
                "POST /meetings/{meetingId}/agenda/{itemId}/discuss", "GET /meetings/{meetingId}/close",
                "POST /meetings/{meetingId}/close", "GET /meetings/{meetingId}/check-in/screen",
                "GET /meetings/{meetingId}/check-in/code", "POST /meetings/{meetingId}/motions", "POST /motions/{id}/close",
                "POST /motions/{id}/show-of-hands", "POST /motions/{id}/next-round", "POST /opinions/{id}/spoken",
                "POST /opinions/{id}/unspoken", "POST /meetings/{meetingId}/agenda/{itemId}/speaker-limit", "POST /speaker-requests/{id}/up",
                "POST /speaker-requests/{id}/down", "POST /speaker-requests/{id}/position",
                "POST /speaker-requests/{id}/grant", "POST /speaker-requests/{id}/end",
                "POST /speaker-requests/{id}/decline", "GET /meetings/{meetingId}/projector",
                "GET /meetings/{meetingId}/projector/parts/{part}");
        // Both read the draft minutes and the draft resolution, and sign the minutes. Only the minute taker
        // edits the minutes and starts a correction, and only those who run the cell write the resolution.
        meetingRoles(EnumSet.of(MeetingRole.CHAIR, MeetingRole.MINUTE_TAKER), "GET /meetings/{meetingId}/minutes.pdf",
                "GET /meetings/{meetingId}/minutes.docx", "GET /meetings/{meetingId}/minutes/versions/{versionNo}",
                "GET /meetings/{meetingId}/minutes/versions/{versionNo}.pdf",
                "GET /meetings/{meetingId}/minutes/versions/{versionNo}.docx",
                "GET /api/v1/meetings/{meetingId}/minutes/versions/{versionNo}.pdf",
                "POST /meetings/{meetingId}/minutes/approval", "GET /meetings/{meetingId}/resolution",
                "GET /meetings/{meetingId}/resolution.pdf", "GET /meetings/{meetingId}/resolution.docx",
                "GET /api/v1/meetings/{meetingId}/resolution.pdf");
        meetingRoles(EnumSet.of(MeetingRole.MINUTE_TAKER), "POST /meetings/{meetingId}/minutes/parts/{code}",
                "POST /meetings/{meetingId}/minutes/corrections");
    }

    private static void meetingRoles(Set<MeetingRole> roles, String... endpoints) {
        for (String endpoint : endpoints) {
            if (!EXPECTED.containsKey(endpoint) || MEETING_ROLES.put(endpoint, roles) != null) {
                throw new IllegalStateException(endpoint + " in AuthorizationMatrixTests.MEETING_ROLES is listed twice "
                        + "or has no row in EXPECTED");
            }
        }
    }

    private static void expect(Access access, String... endpoints) {
        for (String endpoint : endpoints) {
            Access previous = EXPECTED.put(endpoint, access);
            if (previous != null) {
                throw new IllegalStateException(endpoint + " is listed twice in AuthorizationMatrixTests.EXPECTED");
            }
        }
    }

    /**
     * Endpoints that may end the account's sessions or tokens: called outside the rolled-back transaction
     * with a session or token of their own, after which the user signs in again.
     */
    private static final Set<String> ENDS_SESSIONS = Set.of("POST /account/password", "POST /account/sign-out-everywhere",
            "POST /account/sessions/revoke", "POST /account/sessions/revoke-others", "POST /account/tokens/revoke",
            "DELETE /api/v1/auth/token");

    @Autowired
    MockMvc mvc;

    @Autowired
    EndpointCatalog catalog;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ApiSignIn apiSignIn;

    @Autowired
    MeetingManagement meetings;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyEndpointHasRow() {
        Set<String> mapped = catalog.keys();
        Set<String> missing = new TreeSet<>(mapped);
        missing.removeAll(EXPECTED.keySet());
        Set<String> unmapped = new TreeSet<>(EXPECTED.keySet());
        unmapped.removeAll(mapped);

        assertThat(missing).as("Endpoints without a row in AuthorizationMatrixTests.EXPECTED: add each with the "
                + "Access that its permission class grants").isEmpty();
        assertThat(unmapped).as("Rows in AuthorizationMatrixTests.EXPECTED whose endpoint is no longer mapped").isEmpty();
    }

    @Test
    void accessMatchesTable() throws Exception {
        SampleCell own = catalog.sampleCell();
        SampleCell foreign = catalog.sampleCell();
        Map<Subject, SignedIn> subjects = subjects(own, foreign);

        List<Outcome> outcomes = new ArrayList<>();
        for (Endpoint endpoint : catalog.endpoints()) {
            Access access = EXPECTED.get(endpoint.key());
            if (access == null || access == Access.NOT_CALLED) {
                continue;
            }
            for (Subject subject : Subject.values()) {
                List<Scope> scopes = endpoint.variables().isEmpty() ? List.of(Scope.OWN) : List.of(Scope.values());
                for (Scope scope : scopes) {
                    SignedIn user = subjects.get(subject);
                    SampleCell data = scope == Scope.OWN ? user.ownData() : user.foreignData();
                    Relation relation = scope == Scope.OWN ? user.ownRelation() : user.foreignRelation();
                    List<Integer> statuses = new ArrayList<>();
                    List<Boolean> signInRedirects = new ArrayList<>();
                    for (Map<String, Object> variables : data.fill(endpoint.pattern())) {
                        MockHttpServletResponse response = call(endpoint, variables, user);
                        statuses.add(response.getStatus());
                        signInRedirects.add(isSignInRedirect(response));
                        if (ENDS_SESSIONS.contains(endpoint.key()) && user.actor() != null) {
                            user = user.signedInAgain(SignIn.as(mvc, user.actor()), apiSignIn.as(user.actor()));
                            subjects.put(subject, user);
                        }
                    }
                    outcomes.add(new Outcome(endpoint, subject, scope, access.allows(relation), statuses, signInRedirects));
                }
            }
        }

        writeReport(outcomes);
        List<String> failures = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            String problem = outcome.problem();
            if (problem != null) {
                failures.add(outcome.label() + ": " + problem);
            }
        }
        assertThat(outcomes.size()).isGreaterThan(EXPECTED.size() * Subject.values().length);
        assertThat(failures).as("Accesses that differ from AuthorizationMatrixTests.EXPECTED (the whole matrix is in "
                + "target/authorization-matrix.md)").isEmpty();
    }

    /**
     * Calls every endpoint that names a meeting (by its id, or by a motion, opinion or speaker request of it) as members
     * who are named chair or minute taker of one sample meeting and hold no role beyond membership.
     * For their own meeting they must reach what {@link #EXPECTED} grants a plain member plus their
     * row in {@link #MEETING_ROLES}; for the other meeting of the same cell, only the former. Each
     * role has one member for the meeting in progress and one for the closed meeting, so that every
     * endpoint meets a meeting in a state where it can act. A role counts as reaching an endpoint
     * when either member got through.
     */
    @Test
    void meetingRolesMatchTable() throws Exception {
        SampleCell cell = catalog.sampleCell();
        Map<MeetingRole, List<NamedMember>> named = new LinkedHashMap<>();
        for (MeetingRole role : MeetingRole.values()) {
            List<NamedMember> members = new ArrayList<>();
            for (MeetingId meeting : List.of(cell.openMeeting(), cell.closedMeeting())) {
                Actor actor = cellAccount(cell.cell(), "Đinh Văn Chủ", MembershipStatus.OFFICIAL, Role.MEMBER);
                String column = role == MeetingRole.CHAIR ? "chair_member_id" : "minute_taker_member_id";
                jdbc.sql("update meeting set " + column + " = :member where id = :meeting")
                        .param("member", actor.memberId())
                        .param("meeting", meeting.value())
                        .update();
                members.add(new NamedMember(actor, meeting, SignIn.as(mvc, actor), apiSignIn.as(actor)));
            }
            named.put(role, members);
        }

        List<String> failures = new ArrayList<>();
        int requests = 0;
        for (Endpoint endpoint : catalog.endpoints()) {
            Access access = EXPECTED.get(endpoint.key());
            // Ballots depend on being marked present, which accessMatchesTable covers.
            if (!namesMeeting(endpoint) || access == null || access == Access.NOT_CALLED || access == Access.VOTER) {
                continue;
            }
            Set<MeetingRole> extra = MEETING_ROLES.getOrDefault(endpoint.key(), Set.of());
            for (MeetingRole role : MeetingRole.values()) {
                for (Scope scope : Scope.values()) {
                    boolean expected = access.allows(Relation.OFFICIAL_MEMBER) || scope == Scope.OWN && extra.contains(role);
                    boolean reached = false;
                    for (NamedMember member : named.get(role)) {
                        for (Map<String, Object> variables : cell.fill(endpoint.pattern())) {
                            if (meetingOf(variables, cell).equals(member.meeting()) != (scope == Scope.OWN)) {
                                continue;
                            }
                            var user = new SignedIn(member.actor(), member.session(), member.token(), cell, cell,
                                    Relation.OFFICIAL_MEMBER, Relation.OFFICIAL_MEMBER);
                            MockHttpServletResponse response = call(endpoint, variables, user);
                            requests++;
                            int status = response.getStatus();
                            if (status >= 500) {
                                failures.add(endpoint.key() + " as " + role + " " + variables + ": a server error " + status);
                            }
                            else if (status != 403 && status != 404) {
                                reached = true;
                            }
                        }
                    }
                    if (reached != expected) {
                        failures.add(endpoint.key() + " as " + role + " (" + scope.name().toLowerCase() + " meeting): "
                                + (expected ? "denied, the tables allow it" : "allowed, the tables deny it"));
                    }
                }
            }
        }

        assertThat(requests).isGreaterThan(MEETING_ROLES.size() * 4);
        assertThat(failures).as("Meeting role accesses that differ from AuthorizationMatrixTests.MEETING_ROLES")
                .isEmpty();
    }

    /** A member named chair or minute taker of one meeting, signed in for pages and the API. */
    record NamedMember(Actor actor, MeetingId meeting, MockHttpSession session, RequestPostProcessor token) {
    }

    private static boolean namesMeeting(Endpoint endpoint) {
        String pattern = endpoint.pattern();
        return pattern.contains("{meetingId}") || pattern.matches("(/api/v1)?/(motions|opinions|speaker-requests)/\\{id}.*");
    }

    /**
     * Returns the meeting that a filling names: its meeting id, or the meeting in progress, which has the
     * motion, the opinion and the raised hand.
     */
    private static MeetingId meetingOf(Map<String, Object> variables, SampleCell cell) {
        Object meeting = variables.get("meetingId");
        return meeting == null ? cell.openMeeting() : MeetingId.of(((Number) meeting).longValue());
    }

    /** One signed-in user with the session for pages, the token for the API, and whose data is own and foreign. */
    record SignedIn(@Nullable Actor actor, @Nullable MockHttpSession session, @Nullable RequestPostProcessor token,
            SampleCell ownData, SampleCell foreignData, Relation ownRelation, Relation foreignRelation) {

        /** Returns the same user with a new session and token, after an endpoint that may have ended them. */
        SignedIn signedInAgain(MockHttpSession newSession, RequestPostProcessor newToken) {
            return new SignedIn(actor, newSession, newToken, ownData, foreignData, ownRelation, foreignRelation);
        }
    }

    /** Creates the subjects' accounts and signs each in, once by the form and once for the API. */
    private Map<Subject, SignedIn> subjects(SampleCell own, SampleCell foreign) throws Exception {
        Organization cell = own.cell();
        Actor secretary = cellAccount(cell, "Lê Văn Sáu", MembershipStatus.OFFICIAL, Role.MEMBER, Role.CELL_SECRETARY);
        Map<Subject, Actor> actors = new LinkedHashMap<>();
        actors.put(Subject.MEMBER, cellAccount(cell, "Phạm Văn Bảy", MembershipStatus.OFFICIAL, Role.MEMBER));
        actors.put(Subject.PROBATIONARY_MEMBER, cellAccount(cell, "Trịnh Thị Tám", MembershipStatus.PROBATIONARY,
                Role.MEMBER));
        actors.put(Subject.CELL_COMMITTEE_MEMBER, cellAccount(cell, "Mai Văn Chín", MembershipStatus.OFFICIAL,
                Role.MEMBER, Role.CELL_COMMITTEE_MEMBER));
        actors.put(Subject.CELL_DEPUTY_SECRETARY, cellAccount(cell, "Hà Thị Mười", MembershipStatus.OFFICIAL,
                Role.MEMBER, Role.CELL_DEPUTY_SECRETARY));
        actors.put(Subject.CELL_SECRETARY, secretary);
        actors.put(Subject.COMMITTEE_OFFICER, fixtures.accountWithoutMember(own.committee(), Role.COMMITTEE_OFFICER));
        actors.put(Subject.OTHER_COMMITTEE_OFFICER, fixtures.accountWithoutMember(foreign.committee(),
                Role.COMMITTEE_OFFICER));
        actors.put(Subject.SYSTEM_ADMIN, fixtures.accountWithoutMember(own.committee(), Role.SYSTEM_ADMIN));

        // Everyone on the roster is present at the open meeting, so that only membership status decides a ballot.
        for (Actor actor : actors.values()) {
            if (actor.memberId() != null) {
                meetings.recordAttendance(secretary, own.openMeeting(), MemberId.of(actor.memberId()),
                        AttendanceStatus.PRESENT_IN_PERSON, null);
            }
        }

        Map<Subject, SignedIn> subjects = new LinkedHashMap<>();
        subjects.put(Subject.ANONYMOUS, new SignedIn(null, null, null, own, foreign, Relation.ANONYMOUS,
                Relation.ANONYMOUS));
        for (Map.Entry<Subject, Actor> entry : actors.entrySet()) {
            Subject subject = entry.getKey();
            Actor actor = entry.getValue();
            boolean otherOfficer = subject == Subject.OTHER_COMMITTEE_OFFICER;
            Relation ownRelation = ownRelation(subject);
            Relation foreignRelation = subject == Subject.SYSTEM_ADMIN ? Relation.ADMINISTRATOR : Relation.OUTSIDER;
            subjects.put(subject, new SignedIn(actor, SignIn.as(mvc, actor), apiSignIn.as(actor),
                    otherOfficer ? foreign : own, otherOfficer ? own : foreign, ownRelation, foreignRelation));
        }
        return subjects;
    }

    private Actor cellAccount(Organization cell, String fullName, MembershipStatus status, Role... roles) {
        MemberId member = fixtures.member(cell, fullName, status, ActivityStatus.ACTIVE);
        return fixtures.account(cell, member, roles);
    }

    private static Relation ownRelation(Subject subject) {
        return switch (subject) {
            case ANONYMOUS -> Relation.ANONYMOUS;
            case MEMBER -> Relation.OFFICIAL_MEMBER;
            case PROBATIONARY_MEMBER -> Relation.PROBATIONARY_MEMBER;
            case CELL_COMMITTEE_MEMBER -> Relation.CELL_COMMITTEE_MEMBER;
            case CELL_DEPUTY_SECRETARY -> Relation.CELL_DEPUTY_SECRETARY;
            case CELL_SECRETARY -> Relation.CELL_SECRETARY;
            case COMMITTEE_OFFICER, OTHER_COMMITTEE_OFFICER -> Relation.OFFICER_ABOVE;
            case SYSTEM_ADMIN -> Relation.ADMINISTRATOR;
        };
    }

    /** Calls the endpoint as the user; a request that may change data runs in a transaction that is rolled back. */
    private MockHttpServletResponse call(Endpoint endpoint, Map<String, Object> variables, SignedIn user)
            throws Exception {
        if (ENDS_SESSIONS.contains(endpoint.key())) {
            return perform(request(endpoint, variables, user, true));
        }
        if (endpoint.isSafe()) {
            return perform(request(endpoint, variables, user, false));
        }
        var transaction = new TransactionTemplate(transactionManager);
        return transaction.execute(status -> {
            status.setRollbackOnly();
            try {
                return perform(request(endpoint, variables, user, false));
            }
            catch (Exception failure) {
                throw new IllegalStateException("Request to " + endpoint.key() + " failed to run", failure);
            }
        });
    }

    private MockHttpServletResponse perform(AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }

    /**
     * Builds the request with the user's credentials: the session for pages, the token for the API. With
     * {@code throwaway}, it signs in anew, so that ending that session or token leaves the user's own.
     */
    private AbstractMockHttpServletRequestBuilder<?> request(Endpoint endpoint, Map<String, Object> variables,
            SignedIn user, boolean throwaway) throws Exception {
        AbstractMockHttpServletRequestBuilder<?> request = EndpointCatalog.request(
                endpoint.method().equals("*") ? new Endpoint("GET", endpoint.pattern(), endpoint.handler()) : endpoint,
                variables);
        if (!endpoint.isSafe()) {
            request.with(csrf());
        }
        if (user.actor() == null) {
            return request;
        }
        if (endpoint.isApi()) {
            return request.with(throwaway ? apiSignIn.as(user.actor()) : user.token());
        }
        return request.session(throwaway ? SignIn.as(mvc, user.actor()) : user.session());
    }

    private static boolean isSignInRedirect(MockHttpServletResponse response) {
        String location = response.getRedirectedUrl();
        return response.getStatus() / 100 == 3 && location != null && location.matches("(https?://[^/]+)?/login");
    }

    /** The outcome of one endpoint for one subject and scope, over every filling of its path. */
    record Outcome(Endpoint endpoint, Subject subject, Scope scope, boolean expected, List<Integer> statuses,
            List<Boolean> signInRedirects) {

        boolean isDenial(int index) {
            int status = statuses.get(index);
            return status == 401 || status == 403 || status == 404 || signInRedirects.get(index);
        }

        boolean reached() {
            for (int i = 0; i < statuses.size(); i++) {
                if (!isDenial(i)) {
                    return true;
                }
            }
            return false;
        }

        /** Returns what is wrong with the outcome, or null when it matches the table. */
        @Nullable String problem() {
            if (statuses.stream().anyMatch(status -> status >= 500)) {
                return "a server error " + statuses;
            }
            if (reached() != expected) {
                return expected ? "denied " + statuses + ", the table allows it"
                        : "allowed " + statuses + ", the table denies it";
            }
            if (!expected) {
                for (int i = 0; i < statuses.size(); i++) {
                    String wrong = wrongDenial(statuses.get(i), signInRedirects.get(i));
                    if (wrong != null) {
                        return wrong;
                    }
                }
            }
            return null;
        }

        private @Nullable String wrongDenial(int status, boolean signInRedirect) {
            if (EXPECTED.get(endpoint.key()) == Access.PROVIDER_CALLBACK) {
                return status == 401 || status == 404 ? null : "denied with " + status + ", expected 401 or 404";
            }
            if (subject != Subject.ANONYMOUS) {
                return status == 403 || status == 404 ? null : "denied with " + status + ", expected 403 or 404";
            }
            if (endpoint.isApi()) {
                return status == 401 ? null : "denied anonymous with " + status + ", expected 401";
            }
            return signInRedirect ? null : "denied anonymous with " + status + ", expected a redirect to /login";
        }

        String label() {
            return endpoint.key() + " as " + subject + " (" + scope.name().toLowerCase() + ")";
        }
    }

    private static void writeReport(List<Outcome> outcomes) throws IOException {
        StringBuilder markdown = new StringBuilder("""
                # Authorization matrix

                Written by AuthorizationMatrixTests on the %s database. "Statuses" has one response per sample \
                filling of the path (the open and the closed meeting). "Reached" is yes when a filling passed \
                authorization.

                | Endpoint | Subject | Data | Statuses | Reached | Expected | Result |
                |---|---|---|---|---|---|---|
                """.formatted(System.getProperty(TestDatabaseInitializer.DATABASE_PROPERTY, "H2")));
        StringBuilder csv = new StringBuilder("endpoint,subject,data,statuses,reached,expected,result\n");
        for (Outcome outcome : outcomes) {
            String statuses = outcome.statuses().toString().replaceAll("[\\[\\] ]", "").replace(',', ' ');
            String problem = outcome.problem();
            String result = problem == null ? "ok" : "FAIL: " + problem;
            String scope = outcome.endpoint().variables().isEmpty() ? "-" : outcome.scope().name().toLowerCase();
            markdown.append("| `").append(outcome.endpoint().key()).append("` | ").append(outcome.subject()).append(" | ")
                    .append(scope).append(" | ").append(statuses).append(" | ").append(outcome.reached() ? "yes" : "no")
                    .append(" | ").append(outcome.expected() ? "allow" : "deny").append(" | ").append(result)
                    .append(" |\n");
            csv.append('"').append(outcome.endpoint().key()).append("\",").append(outcome.subject()).append(',')
                    .append(scope).append(',').append(statuses).append(',').append(outcome.reached()).append(',')
                    .append(outcome.expected() ? "allow" : "deny").append(",\"").append(result.replace("\"", "'"))
                    .append("\"\n");
        }
        Path target = Path.of("target");
        Files.createDirectories(target);
        Files.writeString(target.resolve("authorization-matrix.md"), markdown, StandardCharsets.UTF_8);
        Files.writeString(target.resolve("authorization-matrix.csv"), csv, StandardCharsets.UTF_8);
    }
}
