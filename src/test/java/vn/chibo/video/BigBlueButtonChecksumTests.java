package vn.chibo.video;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import vn.chibo.meeting.MeetingId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checksums of BigBlueButton's API and of bbb-webhooks callbacks. The inputs are the example of the
 * "API Security Model" section of BigBlueButton's API reference (docs.bigbluebutton.org, development/api):
 * the call {@code create}, the query {@code name=Test+Meeting&meetingID=abc123&attendeePW=111222&moderatorPW=333444}
 * and the shared secret {@code 639259d4-9dd8-4b25-bf01-95f9567eaf4b}, whose SHA-1 checksum the page gives as
 * {@code 1fcbb0c4fc1f039f73aa6d697d2db9ba7f803f17}. The page gives no value for the other hashes; those rows
 * were computed from the same input with coreutils' sha256sum and sha512sum.
 */
class BigBlueButtonChecksumTests {

    static final String DOCUMENTED_SECRET = "639259d4-9dd8-4b25-bf01-95f9567eaf4b";
    static final String DOCUMENTED_QUERY = "name=Test+Meeting&meetingID=abc123&attendeePW=111222&moderatorPW=333444";

    @ParameterizedTest
    @CsvSource({
        "SHA1,   1fcbb0c4fc1f039f73aa6d697d2db9ba7f803f17",
        "SHA256, da9185f7f333cfdfcd6eeac32dca3777510c4c436020d8b887ba5515bd1d189e",
        "SHA512, de73ad61d11a5c801b68d4bd6ec5248546085cefb0b25c85f3c46249ea93a3a4b120f92c0a8a58d7512cb77821884951a3b01245f3435dbbef49fff3cc3988b4"
    })
    void checksumMatchesDocumentedExample(ChecksumAlgorithm algorithm, String expected) {
        var api = new BigBlueButtonApi(URI.create("https://bbb.example.vn/bigbluebutton/api"), DOCUMENTED_SECRET,
                algorithm, Duration.ofSeconds(1));

        assertThat(api.checksum("create", DOCUMENTED_QUERY)).isEqualTo(expected);
    }

    @Test
    void signedUrlMatchesDocumentedExample() {
        var api = new BigBlueButtonApi(URI.create("https://bbb.example.vn/bigbluebutton/api/"), DOCUMENTED_SECRET,
                ChecksumAlgorithm.SHA1, Duration.ofSeconds(1));
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("name", "Test Meeting");
        parameters.put("meetingID", "abc123");
        parameters.put("attendeePW", "111222");
        parameters.put("moderatorPW", "333444");

        assertThat(BigBlueButtonApi.query(parameters)).isEqualTo(DOCUMENTED_QUERY);
        // Step 5 of the documented example: the checksum is appended as the last parameter.
        assertThat(api.url("create", parameters)).hasToString("https://bbb.example.vn/bigbluebutton/api/create?"
                + DOCUMENTED_QUERY + "&checksum=1fcbb0c4fc1f039f73aa6d697d2db9ba7f803f17");
    }

    @Test
    void queryEncodesVietnameseNames() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("fullName", "Phạm Thị Ánh");
        parameters.put("meetingID", "chibo-1");

        assertThat(BigBlueButtonApi.query(parameters))
                .isEqualTo("fullName=Ph%E1%BA%A1m+Th%E1%BB%8B+%C3%81nh&meetingID=chibo-1");
    }

    /**
     * The callback checksum of BigBlueButton's webhooks page: sha1(callback URL + body + shared secret), with
     * the body of that page's example as bbb-webhooks form-encodes it. The expected value was computed with
     * Python's hashlib and urllib.parse.urlencode.
     */
    @Test
    void callbackChecksumMatchesWebhooksFormula() {
        BigBlueButton bbb = new BigBlueButton(new BigBlueButtonApi(URI.create("https://bbb.example.vn/bigbluebutton/api"),
                DOCUMENTED_SECRET, ChecksumAlgorithm.SHA256, Duration.ofSeconds(1)), new RoomNames(new byte[32]),
                URI.create("https://chibo.example.vn/"), DOCUMENTED_SECRET, ChecksumAlgorithm.SHA256, true);
        String body = "event=%7B%22data%22%3A%7B%22type%22%3A%22event%22%2C%22attributes%22%3A%7B%7D%2C%22event%22"
                + "%3A%7B%22ts%22%3A0%7D%7D%7D&timestamp=1234567890";
        MeetingId meeting = MeetingId.of(42);

        assertThat(bbb.callbackUrl(meeting)).isEqualTo("https://chibo.example.vn/video/bbb/meetings/42/events");
        // SHA-1 is accepted for callbacks only when it is the configured algorithm.
        assertThat(bbb.isSigned(meeting, body, "8d62c7d21bde22956af001f38b1c4df3b63ebbc3", null)).isFalse();

        BigBlueButton sha1 = new BigBlueButton(new BigBlueButtonApi(URI.create("https://bbb.example.vn/bigbluebutton/api"),
                DOCUMENTED_SECRET, ChecksumAlgorithm.SHA1, Duration.ofSeconds(1)), new RoomNames(new byte[32]),
                URI.create("https://chibo.example.vn"), DOCUMENTED_SECRET, ChecksumAlgorithm.SHA1, true);
        assertThat(sha1.isSigned(meeting, body, "8d62c7d21bde22956af001f38b1c4df3b63ebbc3", null)).isTrue();
        assertThat(sha1.isSigned(meeting, body + "1", "8d62c7d21bde22956af001f38b1c4df3b63ebbc3", null)).isFalse();
        assertThat(sha1.isSigned(MeetingId.of(43), body, "8d62c7d21bde22956af001f38b1c4df3b63ebbc3", null)).isFalse();
        assertThat(sha1.isSigned(meeting, body, null, null)).isFalse();
        assertThat(sha1.isSigned(meeting, body, "not-a-checksum", null)).isFalse();
        assertThat(sha1.isSigned(meeting, body, null, "Bearer " + DOCUMENTED_SECRET)).isTrue();
        assertThat(sha1.isSigned(meeting, body, null, "Bearer wrong")).isFalse();
    }
}
