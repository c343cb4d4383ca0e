package vn.chibo.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Component;
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

import vn.chibo.account.Actor;
import vn.chibo.account.PasskeyTablesTests;
import vn.chibo.discussion.OpinionId;
import vn.chibo.discussion.OpinionManagement;
import vn.chibo.discussion.SpeakerKind;
import vn.chibo.discussion.SpeakerManagement;
import vn.chibo.discussion.SpeakerRequestId;
import vn.chibo.document.Classification;
import vn.chibo.document.DocumentKind;
import vn.chibo.document.library.DocumentDetails;
import vn.chibo.document.library.DocumentUploads;
import vn.chibo.meeting.AttendanceStatus;
import vn.chibo.meeting.MeetingDocuments;
import vn.chibo.meeting.MeetingId;
import vn.chibo.meeting.MeetingManagement;
import vn.chibo.meeting.Meetings;
import vn.chibo.member.MemberId;
import vn.chibo.member.ProfileCorrections;
import vn.chibo.member.importing.RosterColumn;
import vn.chibo.member.importing.RosterImports;
import vn.chibo.minutes.MinutesBook;
import vn.chibo.minutes.NarrativePart;
import vn.chibo.organization.Organization;
import vn.chibo.voting.MotionId;
import vn.chibo.voting.MotionManagement;

import static org.awaitility.Awaitility.await;

/**
 * Every endpoint of the application, read from the handler mappings, and a sample cell whose objects
 * fill the endpoints' path variables. Tests that must reach every endpoint (cross-cell access, the
 * authorization matrix, fuzzing) build their requests here, so that a new endpoint reaches them all.
 * The actuator's endpoints are not in these mappings; the security configuration closes them.
 */
@Component
public class EndpointCatalog {

    private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");

    private final RequestMappingHandlerMapping mappings;
    private final VillageMeetings villages;
    private final MeetingManagement meetings;
    private final MeetingDocuments documents;
    private final Meetings meetingReader;
    private final OpinionManagement opinions;
    private final SpeakerManagement speakers;
    private final MotionManagement motions;
    private final MinutesBook minutesBook;
    private final RosterImports imports;
    private final ProfileCorrections corrections;
    private final JdbcClient jdbc;
    private final PublicKeyCredentialUserEntityRepository passkeyUsers;
    private final UserCredentialRepository passkeyCredentials;
    private final DocumentUploads libraryUploads;

    EndpointCatalog(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings,
            VillageMeetings villages, MeetingManagement meetings, MeetingDocuments documents, Meetings meetingReader,
            OpinionManagement opinions, SpeakerManagement speakers, MotionManagement motions, MinutesBook minutesBook, RosterImports imports,
            ProfileCorrections corrections, JdbcClient jdbc, PublicKeyCredentialUserEntityRepository passkeyUsers,
            UserCredentialRepository passkeyCredentials, DocumentUploads libraryUploads) {
        this.mappings = mappings;
        this.villages = villages;
        this.meetings = meetings;
        this.documents = documents;
        this.meetingReader = meetingReader;
        this.opinions = opinions;
        this.speakers = speakers;
        this.motions = motions;
        this.minutesBook = minutesBook;
        this.imports = imports;
        this.corrections = corrections;
        this.jdbc = jdbc;
        this.passkeyUsers = passkeyUsers;
        this.passkeyCredentials = passkeyCredentials;
        this.libraryUploads = libraryUploads;
    }

    /** A required request parameter of a handler: its name and Java type. */
    public record Parameter(String name, Class<?> type) {
    }

    /**
     * One endpoint as mapped: an HTTP method ("*" for a mapping of every method), one path pattern
     * and the handler method. A mapping with several methods or patterns yields one endpoint each.
     */
    public record Endpoint(String method, String pattern, HandlerMethod handler) {

        /** Returns "METHOD pattern", the key that tests list endpoints by. */
        public String key() {
            return method + " " + pattern;
        }

        /** Returns whether the endpoint belongs to the JSON API, which takes bearer tokens. */
        public boolean isApi() {
            return pattern.startsWith("/api/");
        }

        /** Returns whether the endpoint changes nothing by the HTTP method's definition. */
        public boolean isSafe() {
            return method.equals("GET");
        }

        /** Returns the names of the path variables in the order of the pattern. */
        public List<String> variables() {
            List<String> names = new ArrayList<>();
            Matcher matcher = VARIABLE.matcher(pattern);
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
            return names;
        }

        /**
         * Returns the request parameters that a request must carry: those marked required, without a
         * default value, that are neither files nor a map of all parameters.
         */
        public List<Parameter> requiredParameters() {
            List<Parameter> parameters = new ArrayList<>();
            for (MethodParameter parameter : handler.getMethodParameters()) {
                RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
                Class<?> type = parameter.getParameterType();
                if (annotation == null || !annotation.required()
                        || !annotation.defaultValue().equals(ValueConstants.DEFAULT_NONE)
                        || MultipartFile.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type)) {
                    continue;
                }
                parameters.add(new Parameter(parameterName(parameter), type));
            }
            return parameters;
        }

        /** Returns the names of the handler's file parameters, which need a multipart request. */
        public List<String> fileParameters() {
            List<String> names = new ArrayList<>();
            for (MethodParameter parameter : handler.getMethodParameters()) {
                if (MultipartFile.class.isAssignableFrom(parameter.getParameterType())) {
                    names.add(parameterName(parameter));
                }
            }
            return names;
        }

        /** Returns whether the handler reads a JSON request body. */
        public boolean hasRequestBody() {
            for (MethodParameter parameter : handler.getMethodParameters()) {
                if (parameter.hasParameterAnnotation(RequestBody.class)) {
                    return true;
                }
            }
            return false;
        }

        /** Returns the path with the variables expanded. */
        public String uri(Map<String, ?> variables) {
            return UriComponentsBuilder.fromPath(pattern).buildAndExpand(variables).toUriString();
        }
    }

    /** Returns every endpoint of the application's handler mappings, the error page included. */
    public List<Endpoint> endpoints() {
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

    /** Returns the keys ("METHOD pattern") of every endpoint, sorted. */
    public SortedSet<String> keys() {
        SortedSet<String> keys = new TreeSet<>();
        for (Endpoint endpoint : endpoints()) {
            keys.add(endpoint.key());
        }
        return keys;
    }

    /**
     * Builds a request to the endpoint with the path variables filled in. Every required parameter gets
     * a value of its type, every file parameter a sample PDF, and a handler that reads a body gets an
     * empty JSON object, so that only authorization or the ids in the path can reject the request.
     * The caller adds the CSRF token, the session or bearer token and any headers.
     */
    public static AbstractMockHttpServletRequestBuilder<?> request(Endpoint endpoint, Map<String, ?> variables) {
        String uri = endpoint.uri(variables);
        HttpMethod method = HttpMethod.valueOf(endpoint.method());
        AbstractMockHttpServletRequestBuilder<?> request;
        List<String> files = endpoint.fileParameters();
        if (files.isEmpty()) {
            request = MockMvcRequestBuilders.request(method, uri);
        }
        else {
            MockMultipartHttpServletRequestBuilder multipart = MockMvcRequestBuilders.multipart(method, uri);
            for (String name : files) {
                multipart.file(new MockMultipartFile(name, "du-thao.pdf", "application/pdf",
                        SampleFiles.document("du-thao-nghi-quyet-thang-12.pdf")));
            }
            request = multipart;
        }
        for (Parameter parameter : endpoint.requiredParameters()) {
            request.param(parameter.name(), sampleValue(parameter.type()));
        }
        if (endpoint.hasRequestBody()) {
            request.contentType(MediaType.APPLICATION_JSON).content("{}");
        }
        return request;
    }

    /** Returns a valid text form of the type: its first constant, true, 1 or a short Vietnamese text. */
    public static String sampleValue(Class<?> type) {
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
        parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
        return parameter.getParameterName();
    }

    /**
     * The objects of a sample village cell that path variables point at. The cell lies under its commune
     * committee and has a member with an account, a roster import, and a meeting in progress with a document, an open
     * motion, an opinion and the secretary's raised hand. A second meeting of the cell is closed and has its
     * minutes drafted. The secretary has a passkey, and the member has asked for a correction of their
     * profile. The member's account is the one that account recovery paths name. The cell's own library
     * holds one internal document, issued to nobody.
     */
    public record SampleCell(Organization committee, Organization cell, MemberId member, MeetingId openMeeting,
            MeetingId closedMeeting, long documentId, MotionId motion, long importId, long notificationId,
            String cellName, Map<MeetingId, Long> agendaItems, OpinionId opinion, String passkeyId,
            long correction, SpeakerRequestId speakerRequest, long accountId, long libraryDocument) {

        /** Returns texts of this cell that pages of another cell's users must not show. */
        public List<String> secrets() {
            return List.of(cellName, "/meetings/" + openMeeting.value() + "\"", "/meetings/" + closedMeeting.value()
                    + "\"", "/motions/" + motion.value() + "\"");
        }

        /** Returns the path variables to try: one filling for the open meeting, one for the closed meeting. */
        public List<Map<String, Object>> fill(String pattern) {
            List<Map<String, Object>> fillings = new ArrayList<>();
            for (MeetingId meeting : List.of(openMeeting, closedMeeting)) {
                Map<String, Object> values = fillFor(pattern, meeting);
                if (!fillings.contains(values)) {
                    fillings.add(values);
                }
            }
            return fillings;
        }

        /**
         * Returns the fillings of {@link #fill(String)}, and for a path with a cell beside another object
         * also that object with the given cell in place of this one, which must not reach the object.
         */
        public List<Map<String, Object>> fill(String pattern, Organization ownCell) {
            List<Map<String, Object>> fillings = new ArrayList<>();
            for (Map<String, Object> values : fill(pattern)) {
                fillings.add(values);
                if (values.containsKey("cellId") && values.size() > 1) {
                    Map<String, Object> mixed = new LinkedHashMap<>(values);
                    mixed.put("cellId", ownCell.id().value());
                    if (!fillings.contains(mixed)) {
                        fillings.add(mixed);
                    }
                }
            }
            return fillings;
        }

        /** Returns one value per path variable, with the meeting's agenda item for {@code {itemId}}. */
        public Map<String, Object> fillFor(String pattern, MeetingId meeting) {
            Map<String, Object> values = new LinkedHashMap<>();
            Matcher matcher = VARIABLE.matcher(pattern);
            while (matcher.find()) {
                values.put(matcher.group(1), valueOf(matcher.group(1), pattern, meeting));
            }
            return values;
        }

        private Object valueOf(String name, String pattern, MeetingId meeting) {
            return switch (name) {
                case "cellId", "organizationId" -> cell.id().value();
                case "memberId" -> member.value();
                case "accountId" -> accountId;
                case "meetingId" -> meeting.value();
                case "documentId" -> documentId;
                case "importId" -> importId;
                case "itemId" -> agendaItems.get(meeting);
                case "notificationId" -> notificationId;
                case "passkeyId" -> passkeyId;
                case "code" -> NarrativePart.agendaItem(1).code();
                case "versionNo" -> 1;
                case "part" -> "attendance";
                case "slug" -> "cell-meeting";
                case "size" -> 192;
                case "id" -> {
                    if (pattern.startsWith("/motions/") || pattern.startsWith("/api/v1/motions/")) {
                        yield motion.value();
                    }
                    if (pattern.startsWith("/opinions/") || pattern.startsWith("/api/v1/opinions/")) {
                        yield opinion.value();
                    }
                    if (pattern.startsWith("/corrections/")) {
                        yield correction;
                    }
                    if (pattern.startsWith("/speaker-requests/")) {
                        yield speakerRequest.value();
                    }
                    if (pattern.startsWith("/documents/") || pattern.startsWith("/api/v1/documents/")) {
                        yield libraryDocument;
                    }
                    throw new AssertionError("No sample value for {id} in " + pattern
                            + ": add one to EndpointCatalog.SampleCell");
                }
                default -> throw new AssertionError("No sample value for {" + name + "} in " + pattern
                        + ": add one to EndpointCatalog.SampleCell");
            };
        }
    }

    /** Creates a sample cell with one object of every kind that a path variable can name. */
    public SampleCell sampleCell() throws Exception {
        VillageMeetings.Village open = villages.meetingInProgress();
        var document = documents.attach(open.secretary(), open.meeting(), "du-thao.pdf",
                new ByteArrayInputStream(SampleFiles.document("du-thao-nghi-quyet-thang-12.pdf")));
        MotionId motion = motions.open(open.secretary(), open.meeting(), "Biểu quyết thử");
        var rosterImport = imports.upload(open.secretary(), open.commune().cell().id(), "roster.csv",
                SampleFiles.roster("roster-utf8.csv"));
        // The sample member gets an account, so that the password reset has one to reset, and asks for a
        // correction of their profile, so that the secretary's decision endpoints have one to decide.
        Actor member = villages.accountOf(open, VillageMeetings.ABSENT);
        long correction = corrections.request(member, RosterColumn.OCCUPATION, "Thợ mộc", "Đã đổi nghề");

        long openItem = meetingReader.get(open.meeting()).agenda().getFirst().id();
        OpinionId opinion = opinions.post(open.secretary(), open.meeting(), openItem, "Ý kiến thử");
        meetings.recordAttendance(open.secretary(), open.meeting(), open.member(VillageMeetings.SECRETARY),
                AttendanceStatus.PRESENT_IN_PERSON, null);
        SpeakerRequestId speakerRequest = speakers.raise(open.secretary(), open.meeting(), openItem, SpeakerKind.FOR,
                "Phát biểu thử").id();

        VillageMeetings.Village closed = villages.anotherMeetingInProgress(open);
        villages.takeRoll(closed);
        meetings.close(closed.secretary(), closed.meeting());
        await().atMost(Duration.ofSeconds(20)).until(() -> minutesBook.of(closed.meeting()).isPresent());
        long notification = await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select min(id) from notification where meeting_id = :meeting")
                .param("meeting", open.meeting().value())
                .query(Long.class)
                .optional()
                .orElse(0L), id -> id != null && id > 0);

        return new SampleCell(open.commune().committee(), open.commune().cell(),
                open.member(VillageMeetings.ABSENT), open.meeting(), closed.meeting(), document.id().value(), motion,
                rosterImport.value(), notification, open.commune().cell().name(), Map.of(open.meeting(), openItem,
                closed.meeting(), meetingReader.get(closed.meeting()).agenda().getFirst().id()), opinion,
                passkeyOf(open.secretary()), correction, speakerRequest, member.accountId().value(),
                libraryDocumentOf(open.secretary(), open.commune().cell()));
    }

    /** Uploads a document into the cell's own library, issued to nobody, so that only its roles see it. */
    private long libraryDocumentOf(Actor secretary, Organization cell) throws IOException {
        Path file = Files.createTempFile("endpoint-catalog-", ".upload");
        try {
            Files.write(file, SampleFiles.document("du-thao-nghi-quyet-thang-12.pdf"));
            return libraryUploads.create(secretary, cell.id(), new DocumentDetails("Nghị quyết thử", null, null, null,
                    DocumentKind.RESOLUTION, Classification.INTERNAL, null, List.of()), file, "du-thao.pdf").value();
        }
        finally {
            Files.deleteIfExists(file);
        }
    }

    /** Stores a passkey of the sample cell's secretary straight into the tables, as registration would. */
    private String passkeyOf(Actor owner) {
        var user = PasskeyTablesTests.storedUser(passkeyUsers, owner);
        var credential = PasskeyTablesTests.credential(user.getId(), "Điện thoại của bí thư");
        passkeyCredentials.save(credential);
        return credential.getCredentialId().toBase64UrlString();
    }
}
