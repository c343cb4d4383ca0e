import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One member's browser: its cookies (the SESSION cookie of Spring Session) and the CSRF token of the
 * last page it read, which every form it posts carries, as the product's pages do.
 */
final class Browser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+(?:value|content)=\"([^\"]+)\"");
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Set<Integer> PAGE = Set.of(200);
    private static final Set<Integer> API = Set.of(200, 204);
    private static final Set<Integer> REDIRECT = Set.of(302, 303);

    private final Load load;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private String csrf = "";
    private String bearer = "";

    Browser(Load load) {
        this.load = load;
    }

    /** Reads a page and keeps its CSRF token; returns whether the status was 200. */
    boolean page(String kind, String path) {
        HttpResponse<String> response = load.send(kind, withCookies(load.request(path)).GET().build(), PAGE);
        if (response == null) {
            return false;
        }
        keepCookies(response);
        Matcher token = CSRF.matcher(response.body());
        if (token.find()) {
            csrf = token.group(1);
        }
        return true;
    }

    /**
     * Posts a form with the CSRF token, expecting a redirect, and then reads the page it redirects to,
     * as a browser does. Returns the Location, or null when the post failed.
     */
    String post(String kind, String path, Map<String, String> fields) {
        return post(kind, path, fields, "");
    }

    /**
     * Posts a form like {@link #post(String, String, Map)} and counts a redirect to a Location that
     * starts with the given path as a failure (a refused sign-in goes back to /login, say).
     */
    String post(String kind, String path, Map<String, String> fields, String failureLocation) {
        HttpResponse<String> response = load.send(kind, form(path, fields, false).build(),
                answer -> REDIRECT.contains(answer.statusCode()) && (failureLocation.isEmpty()
                        || !location(answer).startsWith(failureLocation)));
        if (response == null) {
            return null;
        }
        keepCookies(response);
        String location = location(response);
        page("page after a form", location);
        return location;
    }

    /**
     * Posts a form as htmx does from the product's pages (header HX-Request), which responds with a
     * fragment and status 200 instead of a redirect. Returns whether it succeeded.
     */
    boolean postFragment(String kind, String path, Map<String, String> fields) {
        HttpResponse<String> response = load.send(kind, form(path, fields, true).build(), PAGE);
        if (response == null) {
            return false;
        }
        keepCookies(response);
        return true;
    }

    private HttpRequest.Builder form(String path, Map<String, String> fields, boolean htmx) {
        var form = new LinkedHashMap<>(fields);
        form.put("_csrf", csrf);
        String body = form.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = withCookies(load.request(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (htmx) {
            request.header("HX-Request", "true");
        }
        return request;
    }

    /** Returns the path of the response's Location header, without scheme, host or fragment. */
    private static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElse("")
                .replaceFirst("^https?://[^/]+", "").replaceFirst("#.*", "");
    }

    /** Sends a GET that needs no page parsing and expects the given statuses. */
    boolean get(String kind, String path, Set<Integer> expected) {
        HttpResponse<String> response = load.send(kind, withCookies(load.request(path)).GET().build(), expected);
        return response != null;
    }

    /**
     * Asks for a bearer token of the JSON API with the password, as the mobile app does at sign-in,
     * and keeps it for {@link #api}. Returns whether a token came.
     */
    boolean signInApp(String kind, String username, String password) {
        String body = "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}";
        HttpResponse<String> response = load.send(kind, load.request("/api/v1/auth/token")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                PAGE);
        if (response == null) {
            return false;
        }
        Matcher token = TOKEN.matcher(response.body());
        if (!token.find()) {
            return false;
        }
        bearer = token.group(1);
        return true;
    }

    /**
     * Sends a JSON request of the mobile app with the bearer token, no cookie and no CSRF token, and
     * expects 200, or 204 for the no-op. A null body sends a GET. Returns whether it succeeded.
     */
    boolean api(String kind, String path, String json) {
        HttpRequest.Builder request = load.request(path).header("Authorization", "Bearer " + bearer)
                .header("Accept", "application/json");
        if (json != null) {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        }
        return load.send(kind, request.build(), API) != null;
    }

    /** Returns the CSRF token of the last page read, which a form built by hand must send. */
    String csrfToken() {
        return csrf;
    }

    HttpRequest.Builder withCookies(HttpRequest.Builder request) {
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream()
                    .map(cookie -> cookie.getKey() + "=" + cookie.getValue())
                    .collect(Collectors.joining("; ")));
        }
        return request;
    }

    private void keepCookies(HttpResponse<?> response) {
        for (String header : response.headers().allValues("Set-Cookie")) {
            String pair = header.split(";", 2)[0];
            int equals = pair.indexOf('=');
            if (equals > 0) {
                cookies.put(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
            }
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
