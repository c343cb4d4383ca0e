package vn.chibo.video;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Calls to a BigBlueButton server's API, signed as its API reference specifies: the checksum is the
 * hex hash of the call's name, its query string and the shared secret, appended as the last parameter
 * {@code checksum}. Every call is an HTTP GET whose response is an XML {@code <response>} document.
 */
final class BigBlueButtonApi {

    /** The maximum size of a response read; a {@code create} response is well under 2 KB. */
    private static final int MAX_RESPONSE_BYTES = 64 * 1024;

    private final String apiUrl;
    private final String secret;
    private final ChecksumAlgorithm algorithm;
    private final Duration timeout;
    private final HttpClient http;

    BigBlueButtonApi(URI apiUrl, String secret, ChecksumAlgorithm algorithm, Duration timeout) {
        this.apiUrl = apiUrl.toString().replaceAll("/+$", "");
        this.secret = secret;
        this.algorithm = algorithm;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * A parsed response of the API.
     *
     * @param fields the text of each child element of {@code <response>}, such as {@code returncode},
     *        {@code messageKey} and {@code internalMeetingID}
     */
    record Response(Map<String, String> fields) {

        boolean succeeded() {
            return "SUCCESS".equals(fields.get("returncode"));
        }

        /** Returns the machine-readable reason of a failure, or {@code none}. */
        String messageKey() {
            return fields.getOrDefault("messageKey", "none");
        }
    }

    /** A call that got no readable response: no connection, a timeout, an HTTP error or malformed XML. */
    static final class CallFailed extends Exception {

        CallFailed(String message, Throwable cause) {
            super(message, cause);
        }

        CallFailed(String message) {
            super(message);
        }
    }

    /** Returns the query string of the parameters, in their order, as application/x-www-form-urlencoded. */
    static String query(Map<String, String> parameters) {
        var query = new StringJoiner("&");
        parameters.forEach((name, value) -> query.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return query.toString();
    }

    /** Returns the checksum of a call with the given query string. */
    String checksum(String call, String query) {
        return algorithm.hex(call + query + secret);
    }

    /** Returns the signed address of the call, for the server or, for {@code join}, for a participant's browser. */
    URI url(String call, Map<String, String> parameters) {
        String query = query(parameters);
        String separator = query.isEmpty() ? "" : "&";
        return URI.create(apiUrl + "/" + call + "?" + query + separator + "checksum=" + checksum(call, query));
    }

    /** Makes the call and returns the server's response, whether it reports success or failure. */
    Response call(String call, Map<String, String> parameters) throws CallFailed {
        HttpRequest request = HttpRequest.newBuilder(url(call, parameters)).timeout(timeout).GET().build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        }
        catch (IOException failure) {
            throw new CallFailed("The call " + call + " failed: " + failure.getClass().getSimpleName(), failure);
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new CallFailed("The call " + call + " was interrupted", interrupted);
        }
        if (response.statusCode() != 200) {
            throw new CallFailed("The call " + call + " returned HTTP " + response.statusCode());
        }
        if (response.body().length > MAX_RESPONSE_BYTES) {
            throw new CallFailed("The call " + call + " returned more than " + MAX_RESPONSE_BYTES + " bytes");
        }
        return parse(call, response.body());
    }

    /** Parses a {@code <response>} document without resolving any DTD or external entity. */
    static Response parse(String call, byte[] xml) throws CallFailed {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            Element root = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml)).getDocumentElement();
            if (!"response".equals(root.getTagName())) {
                throw new CallFailed("The call " + call + " returned <" + root.getTagName() + ">, not <response>");
            }
            Map<String, String> fields = new LinkedHashMap<>();
            for (Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child instanceof Element element) {
                    fields.put(element.getTagName(), element.getTextContent().strip());
                }
            }
            return new Response(fields);
        }
        catch (ParserConfigurationException | SAXException | IOException malformed) {
            throw new CallFailed("The call " + call + " returned malformed XML", malformed);
        }
    }
}
