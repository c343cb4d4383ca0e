package vn.chibo.system;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.servlet.filter.OrderedCharacterEncodingFilter;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests that the servlet container cannot read get a 400 page, not a 500. These run against the
 * real Tomcat, because MockMvc does not parse query strings or multipart bodies the way it does.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BadRequestTests {

    @LocalServerPort
    int port;

    @Autowired
    OrderedCharacterEncodingFilter encodingFilter;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void brokenPercentEncodingAnswers400() throws Exception {
        for (String path : new String[] { "/login?error=%", "/?x=%", "/meetings/1?q=%E1%BA" }) {
            String response = rawGet(path);

            assertThat(response).as(path).startsWith("HTTP/1.1 400");
            assertThat(response).as(path).contains("Yêu cầu không hợp lệ.");
        }
    }

    @Test
    void brokenPercentEncodingOnApiAnswersProblem() throws Exception {
        String response = rawGet("/api/v1/me?q=%");

        assertThat(response).startsWith("HTTP/1.1 400");
        assertThat(response).contains("Content-Type: application/problem+json");
        assertThat(response).contains("\"detail\":\"Yêu cầu không hợp lệ.\"");
    }

    @Test
    void truncatedMultipartAnswers400() throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .header("Content-Type", "multipart/form-data; boundary=XYZ")
                .POST(HttpRequest.BodyPublishers.ofString("--XYZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb"))
                .build();

        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void readsParametersAfterEncodingIsSet() {
        // Reading a form body before the encoding filter runs decodes it as ISO-8859-1: "Äi" for "Đi".
        assertThat(UnreadableRequestFilter.ORDER).isGreaterThan(encodingFilter.getOrder());
    }

    /** Sends a request line as written, since java.net.URI refuses a broken escape before sending it. */
    private String rawGet(String path) throws Exception {
        try (var socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
