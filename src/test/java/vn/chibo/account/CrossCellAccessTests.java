package vn.chibo.account;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.UriComponentsBuilder;

import vn.chibo.discussion.OpinionId;
import vn.chibo.discussion.OpinionManagement;
import vn.chibo.meeting.MeetingDocuments;
import vn.chibo.meeting.MeetingId;
import vn.chibo.meeting.MeetingManagement;
import vn.chibo.meeting.Meetings;
import vn.chibo.member.ActivityStatus;
import vn.chibo.member.MemberId;
import vn.chibo.member.MembershipStatus;
import vn.chibo.member.importing.RosterImports;
import vn.chibo.minutes.MinutesBook;
import vn.chibo.minutes.NarrativePart;
import vn.chibo.organization.Organization;
import vn.chibo.testing.ApiSignIn;
import vn.chibo.testing.Fixtures;
import vn.chibo.testing.SampleFiles;
import vn.chibo.testing.SignIn;
import vn.chibo.testing.SqlTest;
import vn.chibo.testing.VillageMeetings;
import vn.chibo.voting.MotionId;
import vn.chibo.voting.MotionManagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Requests every endpoint of the application as the secretary of one cell, with the path filled
 * with the ids of another cell's objects, and expects 404 from each: pages, htmx fragments, exports,
 * and every form with its CSRF token. The endpoints come from the handler mappings, so a new one
 * fails this test until it is listed below and shown to hide other cells' objects.
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
                "POST /cells/{cellId}/members/{memberId}/transfer", "GET /cells/{cellId}/members/export.xlsx",
                "GET /cells/{cellId}/members/export.csv");
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
                "GET /cells/{cellId}/members/{memberId}/attendance");
        hidden("GET /meetings/{meetingId}/motions", "POST /meetings/{meetingId}/motions", "GET /motions/{id}",
                "POST /motions/{id}/ballot", "POST /motions/{id}/close", "POST /motions/{id}/show-of-hands",
                "GET /api/v1/meetings/{meetingId}/motions", "POST /api/v1/motions/{id}/ballot");
        hidden("GET /meetings/{meetingId}/minutes", "POST /meetings/{meetingId}/minutes/parts/{code}",
                "POST /meetings/{meetingId}/minutes/approval", "GET /meetings/{meetingId}/minutes.pdf",
                "GET /meetings/{meetingId}/minutes.docx", "GET /meetings/{meetingId}/minutes/versions/{versionNo}",
                "GET /meetings/{meetingId}/minutes/versions/{versionNo}.pdf",
                "GET /meetings/{meetingId}/minutes/versions/{versionNo}.docx",
                "POST /meetings/{meetingId}/minutes/corrections");
        hidden("GET /meetings/{meetingId}/resolution", "POST /meetings/{meetingId}/resolution",
                "POST /meetings/{meetingId}/resolution/issue", "GET /meetings/{meetingId}/resolution.pdf",
                "GET /meetings/{meetingId}/resolution.docx", "GET /cells/{cellId}/resolutions");
        hidden("POST /meetings/{meetingId}/agenda/{itemId}/opinions", "GET /opinions/{id}/edit",
                "POST /opinions/{id}/edit", "POST /opinions/{id}/withdraw", "POST /opinions/{id}/spoken",
                "POST /opinions/{id}/unspoken");
        hidden("GET /organizations/{organizationId}/roles", "POST /organizations/{organizationId}/roles/grant",
                "POST /organizations/{organizationId}/roles/revoke");
        hidden("GET /organizations/{organizationId}", "POST /organizations/{organizationId}/children",
                "POST /organizations/{organizationId}/rename", "POST /organizations/{organizationId}/move",
                "POST /organizations/{organizationId}/archive");

        KNOWN.put("GET /", Expect.NOT_CELL_SCOPED);
        KNOWN.put("GET /login", Expect.NOT_CELL_SCOPED);
        // The tree page and top-level creation: a cell secretary gets 403 and sees no cell's names.
        KNOWN.put("GET /organizations", Expect.NOT_CELL_SCOPED);
        KNOWN.put("POST /organizations", Expect.NOT_CELL_SCOPED);
        KNOWN.put("GET /account/password", Expect.NOT_CELL_SCOPED);
        // The actor's own passkeys; another account's passkey is hidden like another cell's object.
        KNOWN.put("GET /account/passkeys", Expect.NOT_CELL_SCOPED);
        KNOWN.put("POST /account/passkeys", Expect.NOT_CELL_SCOPED);
        hidden("POST /account/passkeys/{passkeyId}/delete");
        // The actor's own notifications; another account's notification is hidden like another cell's object.
        KNOWN.put("GET /notifications", Expect.NOT_CELL_SCOPED);
        KNOWN.put("POST /notifications/read-all", Expect.NOT_CELL_SCOPED);
        hidden("POST /notifications/{notificationId}/read");
        // The actor's own profile: a redirect to the page of the actor's own member record.
        KNOWN.put("GET /members/me", Expect.NOT_CELL_SCOPED);
        // The actor's own password and sessions: changing them would end the test's session.
        KNOWN.put("POST /account/password", Expect.SKIPPED);
        KNOWN.put("POST /account/sign-out-everywhere", Expect.SKIPPED);
        // The actor's own sessions and app tokens: a session or token of another account is never
        // found by its handle or id (see DeviceSessionsTests).
        KNOWN.put("GET /account/sessions", Expect.NOT_CELL_SCOPED);
        KNOWN.put("POST /account/sessions/revoke", Expect.NOT_CELL_SCOPED);
        KNOWN.put("POST /account/sessions/revoke-others", Expect.SKIPPED);
        KNOWN.put("POST /account/tokens/revoke", Expect.NOT_CELL_SCOPED);
        // Spring Boot's error page, which renders whatever error the request carries.
        KNOWN.put("* /error", Expect.SKIPPED);

        // The JSON API: GET /api/v1/me shows only the actor's own organizations. A token request needs a
        // password, and revoking the request's token would sign the test out.
        KNOWN.put("GET /api/v1/me", Expect.NOT_CELL_SCOPED);
        KNOWN.put("GET /api/v1/me/meetings", Expect.NOT_CELL_SCOPED);
        KNOWN.put("GET /api/v1/me/notifications", Expect.NOT_CELL_SCOPED);
        KNOWN.put("POST /api/v1/auth/token", Expect.SKIPPED);
        KNOWN.put("DELETE /api/v1/auth/token", Expect.SKIPPED);
        // The OpenAPI document describes the API and contains no data.
        KNOWN.put("GET /v3/api-docs", Expect.NOT_CELL_SCOPED);
        KNOWN.put("GET /v3/api-docs.yaml", Expect.NOT_CELL_SCOPED);
    }

    private static void hidden(String... endpoints) {
        for (String endpoint : endpoints) {
            KNOWN.put(endpoint, Expect.HIDDEN);
        }
    }

    private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");

    @Autowired
    MockMvc mvc;

    /** The application's own mappings; the actuator's are closed by the security configuration instead. */
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    Fixtures fixtures;

    @Autowired
    PublicKeyCredentialUserEntityRepository passkeyUsers;

    @Autowired
    UserCredentialRepository passkeyCredentials;

    @Autowired
    VillageMeetings villages;

    @Autowired
    MeetingManagement meetings;

    @Autowired
    MeetingDocuments documents;

    @Autowired
    Meetings meetingReader;

    @Autowired
    OpinionManagement opinions;

    @Autowired
    MotionManagement motions;

    @Autowired
    MinutesBook minutesBook;

    @Autowired
    RosterImports imports;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectProvider<ApiSignIn> apiSignIn;

    /** One endpoint as mapped: its method, path pattern and handler. */
    record Endpoint(String method, String pattern, HandlerMethod handler) {

        String key() {
            return method + " " + pattern;
        }
    }

    @Test
    void everyEndpointIsListed() {
        Set<String> mapped = new TreeSet<>();
        for (Endpoint endpoint : endpoints()) {
            mapped.add(endpoint.key());
        }
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
        OtherCell other = otherCell();
        Organization ownCell = fixtures.cellUnder(other.committee());
        Actor secretary = fixtures.account(ownCell, fixtures.member(ownCell, "Lương Văn Sở", MembershipStatus.OFFICIAL,
                ActivityStatus.ACTIVE), Role.MEMBER, Role.CELL_SECRETARY);
        MockHttpSession session = SignIn.as(mvc, secretary);

        List<String> failures = new ArrayList<>();
        int requests = 0;
        for (Endpoint endpoint : endpoints()) {
            Expect expect = expectationOf(endpoint);
            if (expect == Expect.SKIPPED) {
                continue;
            }
            for (Map<String, Object> variables : other.fill(endpoint.pattern(), ownCell)) {
                String uri = UriComponentsBuilder.fromPath(endpoint.pattern()).buildAndExpand(variables).toUriString();
                for (boolean htmx : endpoint.method().equals("GET") ? List.of(false, true) : List.of(false)) {
                    MvcResult result = mvc.perform(request(endpoint, uri, htmx, secretary, session)).andReturn();
                    requests++;
                    check(endpoint, uri, htmx, expect, result, other).ifPresent(failures::add);
                }
            }
        }

        assertThat(requests).isGreaterThan(KNOWN.size());
        assertThat(failures).as("Endpoints that showed another cell's objects to a secretary").isEmpty();
    }

    private java.util.Optional<String> check(Endpoint endpoint, String uri, boolean htmx, Expect expect,
            MvcResult result, OtherCell other) throws Exception {
        int status = result.getResponse().getStatus();
        String label = endpoint.method() + " " + uri + (htmx ? " (htmx)" : "");
        if (expect == Expect.HIDDEN) {
            return status == 404 ? java.util.Optional.empty()
                    : java.util.Optional.of(label + " answered " + status + ", expected 404");
        }
        String body = result.getResponse().getContentAsString();
        for (String secret : other.secrets()) {
            if (body.contains(secret)) {
                return java.util.Optional.of(label + " shows " + secret + " of the other cell");
            }
        }
        return java.util.Optional.empty();
    }

    private AbstractMockHttpServletRequestBuilder<?> request(Endpoint endpoint, String uri, boolean htmx,
            Actor actor, MockHttpSession session) throws Exception {
        AbstractMockHttpServletRequestBuilder<?> request;
        if (hasFileParameter(endpoint.handler())) {
            MockMultipartHttpServletRequestBuilder multipart = MockMvcRequestBuilders.multipart(
                    HttpMethod.valueOf(endpoint.method()), uri);
            for (MethodParameter parameter : endpoint.handler().getMethodParameters()) {
                if (MultipartFile.class.isAssignableFrom(parameter.getParameterType())) {
                    multipart.file(new MockMultipartFile(parameterName(parameter), "du-thao.pdf", "application/pdf",
                            SampleFiles.document("du-thao-nghi-quyet-thang-12.pdf")));
                }
            }
            request = multipart;
        }
        else {
            request = MockMvcRequestBuilders.request(HttpMethod.valueOf(endpoint.method()), uri);
        }
        fillRequiredParameters(request, endpoint.handler());
        if (hasRequestBody(endpoint.handler())) {
            // An empty JSON object: the endpoint must reject the other cell's ids before it reads the fields.
            request.contentType(MediaType.APPLICATION_JSON).content("{}");
        }
        if (htmx) {
            request.header("HX-Request", "true");
        }
        if (!endpoint.method().equals("GET")) {
            request.with(csrf());
        }
        if (isApi(endpoint.key())) {
            ApiSignIn api = apiSignIn.getIfAvailable();
            assertThat(api).as("API endpoints need a vn.chibo.testing.ApiSignIn bean in the test sources").isNotNull();
            return request.with(api.as(actor));
        }
        return request.session(session);
    }

    /** Gives every required request parameter a value of its type, so that only authorization can reject it. */
    private static void fillRequiredParameters(AbstractMockHttpServletRequestBuilder<?> request,
            HandlerMethod handler) {
        for (MethodParameter parameter : handler.getMethodParameters()) {
            RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
            Class<?> type = parameter.getParameterType();
            if (annotation == null || !annotation.required()
                    || !annotation.defaultValue().equals(ValueConstants.DEFAULT_NONE)
                    || MultipartFile.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type)) {
                continue;
            }
            request.param(parameterName(parameter), sampleValue(type));
        }
    }

    private static String sampleValue(Class<?> type) {
        if (type.isEnum()) {
            return ((Enum<?>) type.getEnumConstants()[0]).name();
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "1";
        }
        return "Nội dung thử";
    }

    private static String parameterName(MethodParameter parameter) {
        RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
        if (annotation != null && !annotation.name().isEmpty()) {
            return annotation.name();
        }
        parameter.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
        return parameter.getParameterName();
    }

    private static boolean hasRequestBody(HandlerMethod handler) {
        for (MethodParameter parameter : handler.getMethodParameters()) {
            if (parameter.hasParameterAnnotation(RequestBody.class)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasFileParameter(HandlerMethod handler) {
        for (MethodParameter parameter : handler.getMethodParameters()) {
            if (MultipartFile.class.isAssignableFrom(parameter.getParameterType())) {
                return true;
            }
        }
        return false;
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

    private List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
            Set<RequestMethod> methods = mapping.getKey().getMethodsCondition().getMethods();
            for (String pattern : mapping.getKey().getPatternValues()) {
                if (methods.isEmpty()) {
                    endpoints.add(new Endpoint("*", pattern, mapping.getValue()));
                }
                for (RequestMethod method : methods) {
                    endpoints.add(new Endpoint(method.name(), pattern, mapping.getValue()));
                }
            }
        }
        return endpoints;
    }

    /**
     * The objects of cells the secretary does not belong to: a sibling cell with a meeting under way,
     * its member, document, open motion and roster import, and a closed meeting with minutes.
     */
    record OtherCell(Organization committee, Organization cell, MemberId member, MeetingId openMeeting,
            MeetingId closedMeeting, long documentId, MotionId motion, long importId, long notificationId,
            String cellName, Map<MeetingId, Long> agendaItems, OpinionId opinion, String passkeyId) {

        /** Returns the texts of the other cell that no page of the secretary may show. */
        List<String> secrets() {
            return List.of(cellName, "/meetings/" + openMeeting.value() + "\"", "/meetings/" + closedMeeting.value()
                    + "\"", "/motions/" + motion.value() + "\"");
        }

        /**
         * Returns the path variables to try: all from the other cell, and for a path with the
         * secretary's own cell beside another object, that object from the other cell.
         */
        List<Map<String, Object>> fill(String pattern, Organization ownCell) {
            List<Map<String, Object>> fillings = new ArrayList<>();
            List<String> names = new ArrayList<>();
            Matcher matcher = VARIABLE.matcher(pattern);
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
            for (MeetingId meeting : List.of(openMeeting, closedMeeting)) {
                Map<String, Object> values = new LinkedHashMap<>();
                for (String name : names) {
                    values.put(name, valueOf(name, pattern, meeting));
                }
                if (!fillings.contains(values)) {
                    fillings.add(values);
                }
                if (names.contains("cellId") && names.size() > 1) {
                    Map<String, Object> mixed = new LinkedHashMap<>(values);
                    mixed.put("cellId", ownCell.id().value());
                    if (!fillings.contains(mixed)) {
                        fillings.add(mixed);
                    }
                }
            }
            return fillings;
        }

        private Object valueOf(String name, String pattern, MeetingId meeting) {
            return switch (name) {
                case "cellId", "organizationId" -> cell.id().value();
                case "memberId" -> member.value();
                case "meetingId" -> meeting.value();
                case "documentId" -> documentId;
                case "importId" -> importId;
                case "itemId" -> agendaItems.get(meeting);
                case "notificationId" -> notificationId;
                case "passkeyId" -> passkeyId;
                case "code" -> NarrativePart.agendaItem(1).code();
                case "versionNo" -> 1;
                case "id" -> {
                    if (pattern.startsWith("/motions/") || pattern.startsWith("/api/v1/motions/")) {
                        yield motion.value();
                    }
                    if (pattern.startsWith("/opinions/") || pattern.startsWith("/api/v1/opinions/")) {
                        yield opinion.value();
                    }
                    throw new AssertionError("No other cell's value for {id} in " + pattern + ": add one to OtherCell");
                }
                default -> throw new AssertionError("No other cell's value for {" + name + "} in " + pattern
                        + ": add one to CrossCellAccessTests.OtherCell");
            };
        }
    }

    private OtherCell otherCell() throws Exception {
        VillageMeetings.Village open = villages.meetingInProgress();
        var document = documents.attach(open.secretary(), open.meeting(), "du-thao.pdf",
                new ByteArrayInputStream(SampleFiles.document("du-thao-nghi-quyet-thang-12.pdf")));
        MotionId motion = motions.open(open.secretary(), open.meeting(), "Biểu quyết thử");
        var rosterImport = imports.upload(open.secretary(), open.commune().cell().id(), "roster.csv",
                SampleFiles.roster("roster-utf8.csv"));

        long openItem = meetingReader.get(open.meeting()).agenda().getFirst().id();
        OpinionId opinion = opinions.post(open.secretary(), open.meeting(), openItem, "Ý kiến thử");

        VillageMeetings.Village closed = villages.meetingInProgress();
        villages.takeRoll(closed);
        meetings.close(closed.secretary(), closed.meeting());
        await().atMost(Duration.ofSeconds(20)).until(() -> minutesBook.of(closed.meeting()).isPresent());
        long notification = await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select min(id) from notification where meeting_id = :meeting")
                .param("meeting", open.meeting().value())
                .query(Long.class)
                .optional()
                .orElse(0L), id -> id != null && id > 0);

        return new OtherCell(open.commune().committee(), open.commune().cell(),
                open.member(VillageMeetings.ABSENT), open.meeting(), closed.meeting(), document.id().value(), motion,
                rosterImport.value(), notification, open.commune().cell().name(), Map.of(open.meeting(), openItem,
                closed.meeting(), meetingReader.get(closed.meeting()).agenda().getFirst().id()), opinion,
                passkeyOf(open.secretary()));
    }

    /** Stores a passkey of the other cell's secretary straight into the tables, as registration would. */
    private String passkeyOf(Actor owner) {
        var user = PasskeyTablesTests.storedUser(passkeyUsers, owner);
        var credential = PasskeyTablesTests.credential(user.getId(), "Điện thoại của bí thư");
        passkeyCredentials.save(credential);
        return credential.getCredentialId().toBase64UrlString();
    }
}
