package vn.chibo.system;

import java.io.ByteArrayInputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import vn.chibo.account.Actor;
import vn.chibo.discussion.OpinionId;
import vn.chibo.discussion.OpinionManagement;
import vn.chibo.meeting.MeetingDocuments;
import vn.chibo.meeting.MeetingId;
import vn.chibo.meeting.MeetingManagement;
import vn.chibo.meeting.Meetings;
import vn.chibo.member.importing.RosterImports;
import vn.chibo.minutes.MinutesBook;
import vn.chibo.minutes.NarrativePart;
import vn.chibo.testing.ApiSignIn;
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
 * Sends generated hostile input to every page, form and API endpoint, signed in as the secretary of
 * a cell and as one of its members, and fails on any 5xx answer. Afterwards it looks for the stored
 * scripts in the database's text columns and checks that no page shows one unescaped.
 *
 * <p>The generator is seeded: the test prints the seed, and {@code -Dchibo.fuzz.seed=N} repeats a
 * run. {@code -Dchibo.fuzz.inputs=N} sets the number of inputs per endpoint (default 24, about
 * 2,700 requests in all); raise it for a long local run.
 */
@SqlTest
@AutoConfigureMockMvc
class InputFuzzTests {

    private static final Logger log = LoggerFactory.getLogger(InputFuzzTests.class);

    private static final long SEED = Long.getLong("chibo.fuzz.seed", 20_261_205L);
    private static final int INPUTS_PER_ENDPOINT = Integer.getInteger("chibo.fuzz.inputs", 24);

    /** Endpoints not fuzzed: they would end the test's own session or sign-in, or render any error. */
    private static final Set<String> SKIPPED = Set.of("* /error", "POST /account/password",
            "POST /account/sign-out-everywhere", "POST /api/v1/auth/token", "DELETE /api/v1/auth/token");

    /** Words in a path that change a meeting or an object for good; these endpoints are fuzzed last. */
    private static final Pattern FINAL_STEP = Pattern.compile(
            "/(close|cancel|archive|transfer|confirm|discard|remove|withdraw|issue|send-out|approval|corrections)$");

    private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    VillageMeetings villages;

    @Autowired
    MeetingManagement meetings;

    @Autowired
    Meetings meetingReader;

    @Autowired
    MeetingDocuments documents;

    @Autowired
    MotionManagement motions;

    @Autowired
    OpinionManagement opinions;

    @Autowired
    RosterImports imports;

    @Autowired
    MinutesBook minutesBook;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApiSignIn apiSignIn;

    record Endpoint(String method, String pattern, HandlerMethod handler) {

        String key() {
            return method + " " + pattern;
        }
    }

    /** A signed-in user: a session for pages and a bearer token for the API. */
    record User(String label, Actor actor, MockHttpSession session, RequestPostProcessor bearer) {
    }

    @Test
    void hostileInputNeverFailsServer() throws Exception {
        System.out.println("InputFuzzTests seed " + SEED + ", " + INPUTS_PER_ENDPOINT + " inputs per endpoint "
                + "(repeat with -Dchibo.fuzz.seed=" + SEED + ")");
        Targets targets = targets();
        List<User> users = List.of(user("secretary", targets.village().secretary()),
                user("member", villages.accountOf(targets.village(), "Phạm Thị Ánh")));
        var inputs = new FuzzInputs(SEED);

        List<String> failures = new ArrayList<>();
        int requests = 0;
        for (Endpoint endpoint : endpoints()) {
            for (int i = 0; i < INPUTS_PER_ENDPOINT; i++) {
                User user = users.get(i % 3 == 2 ? 1 : 0);
                FuzzRequest request = fuzzRequest(endpoint, user, targets, inputs);
                requests++;
                int status;
                try {
                    MvcResult result = mvc.perform(request.builder()).andReturn();
                    status = result.getResponse().getStatus();
                    if (status >= 500) {
                        Exception cause = result.getResolvedException();
                        failures.add(status + " from " + request.description() + " as " + user.label()
                                + (cause == null ? "" : ": " + cause));
                    }
                }
                catch (Exception thrown) {
                    failures.add("exception from " + request.description() + " as " + user.label() + ": " + thrown);
                }
            }
        }
        log.info("Fuzz run with seed {}: {} requests, {} failures", SEED, requests, failures.size());

        assertThat(requests).isGreaterThan(1_000);
        assertThat(failures).as("Server errors with seed %d (repeat with -Dchibo.fuzz.seed=%d)", SEED, SEED)
                .isEmpty();

        List<String> storedScripts = columnsWithScripts();
        assertThat(storedScripts).as("Text columns holding a fuzzed script: the page scan needs one").isNotEmpty();
        assertThat(pagesShowingScripts(users, targets)).as("Pages showing a stored script unescaped").isEmpty();
    }

    /** One generated request and a short description of its inputs for the failure report. */
    record FuzzRequest(AbstractMockHttpServletRequestBuilder<?> builder, String description) {
    }

    private FuzzRequest fuzzRequest(Endpoint endpoint, User user, Targets targets, FuzzInputs inputs) {
        List<String> names = variableNames(endpoint.pattern());
        Object[] values = new Object[names.size()];
        var description = new StringBuilder(endpoint.method()).append(' ').append(endpoint.pattern());
        int fuzzedVariable = names.isEmpty() || !inputs.chance(0.15) ? -1 : inputs.nextInt(names.size());
        for (int i = 0; i < names.size(); i++) {
            values[i] = i == fuzzedVariable ? inputs.id() : inputs.pick(targets.valuesOf(names.get(i), endpoint.pattern()));
        }
        description.append(" with ").append(names).append('=').append(shortly(List.of(values).toString()));

        HttpMethod method = HttpMethod.valueOf(endpoint.method().equals("*") ? "GET" : endpoint.method());
        AbstractMockHttpServletRequestBuilder<?> builder;
        if (hasFileParameter(endpoint.handler())) {
            MockMultipartHttpServletRequestBuilder multipart = MockMvcRequestBuilders.multipart(method,
                    endpoint.pattern(), values);
            String fileName = inputs.chance(0.5) ? inputs.pick(HOSTILE_FILE_NAMES) : inputs.text() + ".pdf";
            byte[] content = switch (inputs.nextInt(4)) {
                case 0 -> SampleFiles.roster("roster-utf8.csv");
                case 1 -> inputs.randomCharacters(200).getBytes(StandardCharsets.UTF_8);
                case 2 -> new byte[0];
                default -> SampleFiles.document("du-thao-nghi-quyet-thang-12.pdf");
            };
            multipart.file(new MockMultipartFile(fileParameterName(endpoint.handler()), fileName,
                    inputs.pick(List.of("application/pdf", "text/html", "application/octet-stream", "../x")), content));
            description.append(" file=").append(shortly(fileName));
            builder = multipart;
        }
        else {
            builder = MockMvcRequestBuilders.request(method, endpoint.pattern(), values);
        }

        for (String field : fieldNames(endpoint.handler())) {
            if (inputs.chance(0.12)) {
                continue;
            }
            String value = fieldValue(field, inputs, targets);
            if (inputs.chance(0.06)) {
                builder.param(field, value, inputs.text());
            }
            else {
                builder.param(field, value);
            }
            description.append(' ').append(field).append('=').append(shortly(value));
        }
        if (inputs.chance(0.05)) {
            String field = inputs.randomCharacters(6);
            builder.param(field, inputs.text());
            description.append(" extra parameter");
        }
        if (inputs.chance(0.02)) {
            for (int i = 0; i < 300; i++) {
                builder.param("p" + i, "v");
            }
            description.append(" 300 parameters");
        }

        Class<?> body = requestBodyType(endpoint.handler());
        if (body != null) {
            int kind = inputs.nextInt(20);
            if (kind < 12) {
                String json = inputs.jsonObject(recordFields(body));
                builder.contentType(MediaType.APPLICATION_JSON).content(json);
                description.append(" json=").append(shortly(json));
            }
            else if (kind < 17) {
                builder.contentType(MediaType.APPLICATION_JSON).content(inputs.brokenJson());
                description.append(" broken json");
            }
            else {
                builder.contentType(inputs.pick(List.of(MediaType.TEXT_PLAIN, MediaType.APPLICATION_XML,
                        MediaType.APPLICATION_FORM_URLENCODED))).content("<a>1</a>");
                description.append(" wrong content type");
            }
        }

        if (inputs.chance(0.2)) {
            builder.header("HX-Request", "true");
        }
        if (inputs.chance(0.1)) {
            builder.header("Accept-Language", inputs.pick(List.of("xx", "*", "vi;q=abc", "de-DE,en;q=0.5", ";;;")));
        }
        if (inputs.chance(0.05)) {
            builder.header("Accept", inputs.pick(List.of("application/xml", "*/*;q=x", "text/event-stream")));
        }
        if (!method.equals(HttpMethod.GET) && inputs.chance(0.95)) {
            builder.with(csrf());
        }
        if (endpoint.pattern().startsWith("/api/")) {
            builder.with(user.bearer());
        }
        else {
            builder.session(user.session());
        }
        return new FuzzRequest(builder, description.toString());
    }

    private static final List<String> HOSTILE_FILE_NAMES = List.of("../../../../etc/passwd.pdf",
            "..\\..\\windows\\du-thao.pdf", "/etc/du-thao.pdf", "C:\\Users\\a\\du-thao.pdf", "CON.pdf", "nul.pdf",
            "com1.pdf", "du\u0000thao.pdf", "du\r\nContent-Type: text/html\r\n.pdf", "\u202Efdp.exe", ".pdf", "..pdf",
            "...", "du-thao.pdf.", "du-thao.pdf ", "du:thao*?.pdf", "<script>alert(1)</script>.pdf",
            "\"><svg onload=alert(1)>.pdf", "a".repeat(400) + ".pdf", "Dự thảo nghị quyết.pdf",
            "Du\u0323\u031B tha\u0309o.pdf", "%2e%2e%2fdu-thao.pdf", "du-thao.PDF", "", " ", "\t.pdf");

    private static String fieldValue(String field, FuzzInputs inputs, Targets targets) {
        return switch (inputs.nextInt(10)) {
            case 0, 1, 2 -> inputs.pick(plausibleValues(field, targets));
            case 3 -> inputs.id();
            default -> inputs.text();
        };
    }

    /** Values a real form would send for the field, so that the checks behind the first ones run. */
    private static List<String> plausibleValues(String field, Targets targets) {
        String name = field.toLowerCase(Locale.ROOT);
        if (name.contains("date")) {
            return List.of("20/12/2026", "2026-12-20", "01/01/1990");
        }
        if (name.contains("time")) {
            return List.of("19:30", "07:00", "23:59");
        }
        if (name.equals("chair") || name.equals("minutetaker") || name.contains("member") || name.endsWith("cell")) {
            return List.of(String.valueOf(targets.anyMemberId()), String.valueOf(targets.cellId()));
        }
        if (name.equals("version") || name.equals("year") || name.startsWith("votes") || name.equals("abstentions")) {
            return List.of("1", "2", "2026");
        }
        return List.of("REGULAR", "HYBRID", "IN_PERSON", "RESOLUTION", "ELECTRONIC", "FOR", "AGAINST",
                "PRESENT_IN_PERSON", "ABSENT_EXCUSED", "OFFICIAL", "ACTIVE", "EXEMPT", "SECRETARY", "CELL_SECRETARY",
                "MALE", "FEMALE", "YES", "NO", "ATTENDING", "true", "Họp chi bộ", "https://meet.example.com/a",
                "0912345678", "a@example.com");
    }

    private User user(String label, Actor actor) throws Exception {
        return new User(label, actor, SignIn.as(mvc, actor), apiSignIn.as(actor));
    }

    // ---- Endpoints and their fields, read from the handler methods ----

    private List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
            Set<RequestMethod> methods = mapping.getKey().getMethodsCondition().getMethods();
            for (String pattern : mapping.getKey().getPatternValues()) {
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    var endpoint = new Endpoint(methods.isEmpty() ? "*" : method.name(), pattern, mapping.getValue());
                    if (!SKIPPED.contains(endpoint.key())) {
                        endpoints.add(endpoint);
                    }
                }
            }
        }
        endpoints.sort(Comparator.comparing((Endpoint endpoint) -> FINAL_STEP.matcher(endpoint.pattern()).find())
                .thenComparing(Endpoint::key));
        return endpoints;
    }

    private static List<String> variableNames(String pattern) {
        List<String> names = new ArrayList<>();
        Matcher matcher = VARIABLE.matcher(pattern);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** Returns the names of the request parameters and form fields that the handler reads. */
    private static List<String> fieldNames(HandlerMethod handler) {
        List<String> names = new ArrayList<>();
        for (MethodParameter parameter : handler.getMethodParameters()) {
            Class<?> type = parameter.getParameterType();
            RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
            if (requestParam != null && !MultipartFile.class.isAssignableFrom(type)) {
                names.add(requestParam.name().isEmpty() ? parameterName(parameter) : requestParam.name());
            }
            else if (type.isRecord() && !parameter.hasParameterAnnotation(RequestBody.class)
                    && !parameter.hasParameterAnnotation(PathVariable.class)
                    && (parameter.hasParameterAnnotation(ModelAttribute.class) || type.getSimpleName().endsWith("FormData"))) {
                addRecordFields(type, "", names);
            }
        }
        return names;
    }

    private static void addRecordFields(Class<?> record, String prefix, List<String> names) {
        for (RecordComponent component : record.getRecordComponents()) {
            Type generic = component.getGenericType();
            if (List.class.isAssignableFrom(component.getType()) && generic instanceof ParameterizedType list
                    && list.getActualTypeArguments()[0] instanceof Class<?> item && item.isRecord()) {
                addRecordFields(item, prefix + component.getName() + "[0].", names);
                addRecordFields(item, prefix + component.getName() + "[1].", names);
            }
            else {
                names.add(prefix + component.getName());
            }
        }
    }

    private static List<String> recordFields(Class<?> type) {
        List<String> names = new ArrayList<>();
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                names.add(component.getName());
            }
        }
        return names;
    }

    private static Class<?> requestBodyType(HandlerMethod handler) {
        for (MethodParameter parameter : handler.getMethodParameters()) {
            if (parameter.hasParameterAnnotation(RequestBody.class)) {
                return parameter.getParameterType();
            }
        }
        return null;
    }

    private static boolean hasFileParameter(HandlerMethod handler) {
        return fileParameterName(handler) != null;
    }

    private static String fileParameterName(HandlerMethod handler) {
        for (MethodParameter parameter : handler.getMethodParameters()) {
            if (MultipartFile.class.isAssignableFrom(parameter.getParameterType())) {
                RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
                return annotation != null && !annotation.name().isEmpty() ? annotation.name()
                        : parameterName(parameter);
            }
        }
        return null;
    }

    private static String parameterName(MethodParameter parameter) {
        parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
        return parameter.getParameterName();
    }

    private static String shortly(String value) {
        String visible = value.codePoints()
                .mapToObj(c -> c < 0x20 || c == 0x7F || Character.getType(c) == Character.FORMAT
                        || Character.getType(c) == Character.SURROGATE ? String.format("\\u%04x", c)
                        : Character.toString(c))
                .reduce("", String::concat);
        return visible.length() > 60 ? visible.substring(0, 60) + "…(" + value.length() + " chars)" : visible;
    }

    // ---- The cell under test and the checks after the run ----

    /**
     * The objects of the cell under test, whose ids fill the path variables: a meeting in progress
     * with a document, an opinion, an open motion and a roster import, a published meeting and a
     * closed one with its minutes.
     */
    record Targets(VillageMeetings.Village village, Map<String, List<Object>> values, List<Object> motionIds,
            List<Object> opinionIds) {

        List<Object> valuesOf(String variable, String pattern) {
            if (variable.equals("id")) {
                return pattern.contains("/motions/") ? motionIds : opinionIds;
            }
            List<Object> known = values.get(variable);
            if (known == null) {
                throw new AssertionError("No value for {" + variable + "} in " + pattern + ": add one to "
                        + "InputFuzzTests.targets()");
            }
            return known;
        }

        long anyMemberId() {
            return village.member(VillageMeetings.ABSENT).value();
        }

        long cellId() {
            return village.commune().cell().id().value();
        }
    }

    private Targets targets() throws Exception {
        VillageMeetings.Village village = villages.meetingInProgress();
        villages.takeRoll(village);
        var document = documents.attach(village.secretary(), village.meeting(), "du-thao.pdf",
                new ByteArrayInputStream(SampleFiles.document("du-thao-nghi-quyet-thang-12.pdf")));
        MotionId motion = motions.open(village.secretary(), village.meeting(), "Biểu quyết thử");
        var rosterImport = imports.upload(village.secretary(), village.commune().cell().id(), "roster.csv",
                SampleFiles.roster("roster-utf8.csv"));
        long item = meetingReader.get(village.meeting()).agenda().getFirst().id();
        OpinionId opinion = opinions.post(village.secretary(), village.meeting(), item, "Ý kiến thử");

        VillageMeetings.Village closed = villages.meetingInProgress();
        villages.takeRoll(closed);
        meetings.close(closed.secretary(), closed.meeting());
        await().atMost(Duration.ofSeconds(20)).until(() -> minutesBook.of(closed.meeting()).isPresent());
        long notification = await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select min(id) from notification where meeting_id = :meeting")
                .param("meeting", village.meeting().value())
                .query(Long.class)
                .optional()
                .orElse(0L), id -> id != null && id > 0);

        // The closed meeting belongs to another commune: its ids show the checks of the other cell too.
        Map<String, List<Object>> values = new HashMap<>();
        long cell = village.commune().cell().id().value();
        values.put("cellId", List.of(cell));
        values.put("organizationId", List.of(cell, village.commune().committee().id().value()));
        values.put("memberId", List.of(village.member(VillageMeetings.ABSENT).value(),
                village.member(VillageMeetings.EXCUSED).value(), village.member("Phạm Thị Ánh").value()));
        values.put("meetingId", List.of(village.meeting().value(), village.meeting().value(), closed.meeting().value()));
        values.put("documentId", List.of(document.id().value()));
        values.put("importId", List.of(rosterImport.value()));
        values.put("itemId", List.of(item));
        values.put("notificationId", List.of(notification));
        values.put("code", List.of(NarrativePart.agendaItem(1).code(), NarrativePart.GUESTS.code(),
                NarrativePart.OTHER_MATTERS.code()));
        values.put("versionNo", List.of(1, 2));
        return new Targets(village, values, List.of(motion.value()), List.of(opinion.value()));
    }

    /** Returns the text columns of the application's tables that hold one of the fuzzed scripts. */
    private List<String> columnsWithScripts() {
        List<Map<String, Object>> columns = jdbc.sql("""
                select table_name, column_name from information_schema.columns
                where lower(table_schema) = 'public'
                  and lower(data_type) in ('character varying', 'text', 'character large object', 'clob')
                """).query().listOfRows();
        List<String> found = new ArrayList<>();
        for (Map<String, Object> column : columns) {
            String table = column.get("table_name").toString();
            String name = column.get("column_name").toString();
            Long count = jdbc.sql("select count(*) from " + table + " where " + name + " like '%<script>alert(1)%' or "
                    + name + " like '%onerror=alert(1)%' or " + name + " like '%onload=alert(1)%'")
                    .query(Long.class).single();
            if (count > 0) {
                found.add(table + "." + name + " (" + count + ")");
            }
        }
        log.info("Fuzzed scripts stored in {}", found);
        return found;
    }

    /** Renders every page with the cell's ids as each user and returns those that show a script unescaped. */
    private List<String> pagesShowingScripts(List<User> users, Targets targets) throws Exception {
        List<String> failures = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            if (!endpoint.method().equals("GET") || endpoint.pattern().startsWith("/api/")
                    || endpoint.pattern().startsWith("/v3/") || endpoint.pattern().matches(".*\\.(pdf|docx|xlsx|csv)$")) {
                continue;
            }
            for (Map<String, Object> variables : fillings(endpoint.pattern(), targets)) {
                for (User user : users) {
                    for (boolean htmx : List.of(false, true)) {
                        var request = MockMvcRequestBuilders.get(endpoint.pattern(),
                                variables.values().toArray()).session(user.session());
                        if (htmx) {
                            request.header("HX-Request", "true");
                        }
                        String body = mvc.perform(request).andReturn().getResponse().getContentAsString();
                        for (String script : FuzzInputs.SCRIPTS) {
                            if (body.contains(script)) {
                                failures.add(endpoint.pattern() + " " + variables + " as " + user.label()
                                        + (htmx ? " (htmx)" : "") + " shows " + script);
                            }
                        }
                    }
                }
            }
        }
        return failures;
    }

    private static List<Map<String, Object>> fillings(String pattern, Targets targets) {
        List<Map<String, Object>> fillings = new ArrayList<>();
        fillings.add(new LinkedHashMap<>());
        for (String name : variableNames(pattern)) {
            List<Map<String, Object>> next = new ArrayList<>();
            for (Map<String, Object> filling : fillings) {
                for (Object value : Set.copyOf(targets.valuesOf(name, pattern))) {
                    Map<String, Object> extended = new LinkedHashMap<>(filling);
                    extended.put(name, value);
                    next.add(extended);
                }
            }
            fillings = next;
        }
        return fillings;
    }
}
