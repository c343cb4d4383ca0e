package vn.chibo.system;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;

import vn.chibo.account.Actor;
import vn.chibo.account.Role;
import vn.chibo.member.MemberId;
import vn.chibo.meeting.MeetingId;
import vn.chibo.testing.ApiSignIn;
import vn.chibo.testing.EndpointCatalog.Endpoint;
import vn.chibo.testing.EndpointCatalog;
import vn.chibo.testing.Fixtures;
import vn.chibo.testing.SampleFiles;
import vn.chibo.testing.SignIn;
import vn.chibo.testing.SqlTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Sends generated hostile input to every page, form and API endpoint, signed in as the secretary of
 * a cell and as one of its members, and fails on any 5xx answer. Afterwards it looks for the stored
 * scripts in the database's text columns and checks that no page shows one unescaped.
 *
 * <p>The generator is seeded: the test prints the seed, and {@code -Dchibo.fuzz.seed=N} repeats a
 * run. {@code -Dchibo.fuzz.inputs=N} sets the number of inputs per endpoint (default 20, about
 * 2,300 requests in all); raise it for a long local run.
 */
@SqlTest
@AutoConfigureMockMvc
class InputFuzzTests {

    private static final Logger log = LoggerFactory.getLogger(InputFuzzTests.class);

    private static final long SEED = Long.getLong("chibo.fuzz.seed", 20_261_205L);
    private static final int INPUTS_PER_ENDPOINT = Integer.getInteger("chibo.fuzz.inputs", 20);

    /** Endpoints not fuzzed: they would end the test's own session or sign-in, or render any error. */
    private static final Set<String> SKIPPED = Set.of("* /error", "POST /account/password",
            "POST /account/sign-out-everywhere", "POST /api/v1/auth/token", "DELETE /api/v1/auth/token");

    /** Words in a path that change a meeting or an object for good; these endpoints are fuzzed last. */
    private static final Pattern FINAL_STEP = Pattern.compile(
            "/(close|cancel|archive|transfer|confirm|discard|remove|withdraw|issue|send-out|approval|corrections)$");

        @Autowired
    MockMvc mvc;

    @Autowired
    EndpointCatalog catalog;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApiSignIn apiSignIn;

    /** A signed-in user: a session for pages and a bearer token for the API. */
    record User(String label, Actor actor, MockHttpSession session, RequestPostProcessor bearer) {
    }

    @Test
    void hostileInputNeverFailsServer() throws Exception {
        System.out.println("InputFuzzTests seed " + SEED + ", " + INPUTS_PER_ENDPOINT + " inputs per endpoint "
                + "(repeat with -Dchibo.fuzz.seed=" + SEED + ")");
        EndpointCatalog.SampleCell cell = catalog.sampleCell();
        // Two official, active members of the sample cell without an account yet: one gets the secretary's role.
        List<Long> members = jdbc.sql("""
                select m.id from member m
                where m.cell_id = :cell and m.membership_status = 'OFFICIAL' and m.activity_status = 'ACTIVE'
                  and not exists (select 1 from account a where a.member_id = m.id)
                order by m.id
                """)
                .param("cell", cell.cell().id().value())
                .query(Long.class)
                .list();
        List<User> users = List.of(
                user("secretary", fixtures.account(cell.cell(), MemberId.of(members.get(0)), Role.MEMBER,
                        Role.CELL_SECRETARY)),
                user("member", fixtures.account(cell.cell(), MemberId.of(members.get(1)), Role.MEMBER)));
        var inputs = new FuzzInputs(SEED);

        List<String> failures = new ArrayList<>();
        int requests = 0;
        for (Endpoint endpoint : endpoints()) {
            for (int i = 0; i < INPUTS_PER_ENDPOINT; i++) {
                User user = users.get(i % 3 == 2 ? 1 : 0);
                FuzzRequest request = fuzzRequest(endpoint, user, cell, inputs);
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

        // Which fields end up storing a fuzzed script depends on the random stream, so one opinion with
        // every script is posted on purpose: the page scan below then always has stored scripts to find.
        User member = users.get(1);
        long item = cell.agendaItems().get(cell.openMeeting());
        for (String script : FuzzInputs.SCRIPTS) {
            mvc.perform(MockMvcRequestBuilders.post("/meetings/{meeting}/agenda/{item}/opinions",
                            cell.openMeeting().value(), item)
                            .session(member.session())
                            .with(csrf())
                            .param("text", "Ý kiến " + script))
                    .andExpect(status().is3xxRedirection());
        }

        List<String> storedScripts = columnsWithScripts();
        assertThat(storedScripts).as("Text columns holding a fuzzed script: the page scan needs one").isNotEmpty();
        assertThat(pagesShowingScripts(users, cell)).as("Pages showing a stored script unescaped").isEmpty();
    }

    /** One generated request and a short description of its inputs for the failure report. */
    record FuzzRequest(AbstractMockHttpServletRequestBuilder<?> builder, String description) {
    }

    private FuzzRequest fuzzRequest(Endpoint endpoint, User user, EndpointCatalog.SampleCell cell, FuzzInputs inputs) {
        List<String> names = endpoint.variables();
        Object[] values = new Object[names.size()];
        var description = new StringBuilder(endpoint.method()).append(' ').append(endpoint.pattern());
        int fuzzedVariable = names.isEmpty() || !inputs.chance(0.15) ? -1 : inputs.nextInt(names.size());
        for (int i = 0; i < names.size(); i++) {
            values[i] = i == fuzzedVariable ? inputs.id() : inputs.pick(valuesOf(names.get(i), endpoint.pattern(), cell));
        }
        description.append(" with ").append(names).append('=').append(shortly(List.of(values).toString()));

        HttpMethod method = HttpMethod.valueOf(endpoint.method().equals("*") ? "GET" : endpoint.method());
        AbstractMockHttpServletRequestBuilder<?> builder;
        if (!endpoint.fileParameters().isEmpty()) {
            MockMultipartHttpServletRequestBuilder multipart = MockMvcRequestBuilders.multipart(method,
                    endpoint.pattern(), values);
            String fileName = inputs.chance(0.5) ? inputs.pick(HOSTILE_FILE_NAMES) : inputs.text() + ".pdf";
            byte[] content = switch (inputs.nextInt(4)) {
                case 0 -> SampleFiles.roster("roster-utf8.csv");
                case 1 -> inputs.randomCharacters(200).getBytes(StandardCharsets.UTF_8);
                case 2 -> new byte[0];
                default -> SampleFiles.document("du-thao-nghi-quyet-thang-12.pdf");
            };
            multipart.file(new MockMultipartFile(endpoint.fileParameters().getFirst(), fileName,
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
            String value = fieldValue(field, inputs, cell);
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
        if (endpoint.isApi()) {
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

    private static String fieldValue(String field, FuzzInputs inputs, EndpointCatalog.SampleCell cell) {
        return switch (inputs.nextInt(10)) {
            case 0, 1, 2 -> inputs.pick(plausibleValues(field, cell));
            case 3 -> inputs.id();
            default -> inputs.text();
        };
    }

    /** Values a real form would send for the field, so that the checks behind the first ones run. */
    private static List<String> plausibleValues(String field, EndpointCatalog.SampleCell cell) {
        String name = field.toLowerCase(Locale.ROOT);
        if (name.contains("date")) {
            return List.of("20/12/2026", "2026-12-20", "01/01/1990");
        }
        if (name.contains("time")) {
            return List.of("19:30", "07:00", "23:59");
        }
        if (name.equals("chair") || name.equals("minutetaker") || name.contains("member") || name.endsWith("cell")) {
            return List.of(String.valueOf(cell.member().value()), String.valueOf(cell.cell().id().value()));
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
        List<Endpoint> endpoints = new ArrayList<>(catalog.endpoints());
        endpoints.removeIf(endpoint -> SKIPPED.contains(endpoint.key()));
        endpoints.sort(Comparator.comparing((Endpoint endpoint) -> FINAL_STEP.matcher(endpoint.pattern()).find())
                .thenComparing(Endpoint::key));
        return endpoints;
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

    /** Returns the values to try for a path variable: the sample cell's, for the open or the closed meeting. */
    private static List<Object> valuesOf(String variable, String pattern, EndpointCatalog.SampleCell cell) {
        List<Object> values = new ArrayList<>();
        for (MeetingId meeting : List.of(cell.openMeeting(), cell.closedMeeting())) {
            values.add(cell.fillFor(pattern, meeting).get(variable));
        }
        return values;
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
        log.info("Fuzzed scripts stored in {} of {} text columns: {}", found.size(), columns.size(), found);
        return found;
    }

    /** Renders every page with the cell's ids as each user and returns those that show a script unescaped. */
    private List<String> pagesShowingScripts(List<User> users, EndpointCatalog.SampleCell cell) throws Exception {
        List<String> failures = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            if (!endpoint.isSafe() || endpoint.pattern().startsWith("/api/")
                    || endpoint.pattern().startsWith("/v3/") || endpoint.pattern().matches(".*\\.(pdf|docx|xlsx|csv)$")) {
                continue;
            }
            for (Map<String, Object> variables : cell.fill(endpoint.pattern())) {
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
}
