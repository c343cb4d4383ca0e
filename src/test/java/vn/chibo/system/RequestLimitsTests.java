package vn.chibo.system;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests over the size limits get 413 (or 400 from Tomcat for headers), never a 500. These run
 * against the real Tomcat, because MockMvc applies none of the container's limits.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RequestLimitsTests {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void jsonBodyOverLimitAnswers413() throws Exception {
        String body = "{\"username\":\"" + "a".repeat(70_000) + "\",\"password\":\"x\"}";

        HttpResponse<String> response = postJson("/api/v1/auth/token", HttpRequest.BodyPublishers.ofString(body));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("application/problem+json"));
        assertThat(response.body()).contains("Yêu cầu quá lớn");
    }

    @Test
    void chunkedJsonBodyOverLimitAnswers413() throws Exception {
        byte[] body = ("{\"username\":\"" + "a".repeat(70_000) + "\",\"password\":\"x\"}")
                .getBytes(StandardCharsets.UTF_8);

        // A body publisher from a stream has no length, so the client sends it chunked.
        HttpResponse<String> response = postJson("/api/v1/auth/token",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("Yêu cầu quá lớn");
    }

    @Test
    void deepJsonAnswers413() throws Exception {
        String body = "{\"extra\":" + "[".repeat(40) + "]".repeat(40) + ",\"username\":\"a\",\"password\":\"x\"}";

        HttpResponse<String> response = postJson("/api/v1/auth/token", HttpRequest.BodyPublishers.ofString(body));

        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void longJsonNumberAnswers413() throws Exception {
        String body = "{\"username\":" + "9".repeat(500) + ",\"password\":\"x\"}";

        HttpResponse<String> response = postJson("/api/v1/auth/token", HttpRequest.BodyPublishers.ofString(body));

        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void fieldOverLengthLimitAnswers413() throws Exception {
        HttpResponse<String> response = postForm("/login", "username=" + "a".repeat(60_000) + "&password=x");

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("dài quá 50.000 ký tự");
    }

    @Test
    void formOverPostSizeAnswers413() throws Exception {
        HttpResponse<String> response = postForm("/login", "username=a&note=" + "a".repeat(2_200_000));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("Yêu cầu quá lớn").doesNotContain("Exception");
    }

    @Test
    void tooManyParametersAnswers413() throws Exception {
        var form = new StringBuilder("username=a");
        for (int i = 0; i < 1_100; i++) {
            form.append("&p").append(i).append("=v");
        }

        HttpResponse<String> response = postForm("/login", form.toString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("Yêu cầu quá lớn");
    }

    @Test
    void tooManyPartsAnswers413() throws Exception {
        var body = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            body.append("--XYZ\r\nContent-Disposition: form-data; name=\"p").append(i).append("\"\r\n\r\nv\r\n");
        }
        body.append("--XYZ--\r\n");
        var request = HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "multipart/form-data; boundary=XYZ")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();

        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void oversizeUploadAnswers413BeforeBody() throws Exception {
        try (var socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            String head = "POST /meetings/1/documents HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: multipart/form-data; boundary=XYZ\r\nContent-Length: 60000000\r\n\r\n"
                    + "--XYZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"lon.pdf\"\r\n\r\n%PDF-1.7\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();

            // Only the headers and a few bytes of the 60 MB body were sent, and the answer comes anyway.
            var answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int read;
            while (!answer.toString(StandardCharsets.UTF_8).contains("</html>")
                    && (read = socket.getInputStream().read(buffer)) > 0) {
                answer.write(buffer, 0, read);
            }
            String response = answer.toString(StandardCharsets.UTF_8);

            assertThat(response).startsWith("HTTP/1.1 413");
            assertThat(response).contains("không được vượt quá 50 MB");
        }
    }

    @Test
    void headerOverLimitAnswers400() throws Exception {
        String response = rawRequest("GET /login HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Long: " + "a".repeat(20_000)
                + "\r\nConnection: close\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 400");
    }

    private HttpResponse<String> postJson(String path, HttpRequest.BodyPublisher body) throws Exception {
        var request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(body)
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postForm(String path, String form) throws Exception {
        var request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private String rawRequest(String request) throws Exception {
        try (var socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
