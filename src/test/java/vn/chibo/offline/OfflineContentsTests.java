package vn.chibo.offline;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import vn.chibo.meeting.MeetingDocument;
import vn.chibo.meeting.MeetingDocumentReads;
import vn.chibo.meeting.MeetingDocuments;
import vn.chibo.meeting.MeetingFixtures;
import vn.chibo.meeting.MeetingFixtures.Village;
import vn.chibo.meeting.MeetingId;
import vn.chibo.testing.SampleFiles;
import vn.chibo.testing.SignIn;
import vn.chibo.testing.SqlTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** What the offline app lists for each account, and the files that make the app installable. */
@SqlTest
@AutoConfigureMockMvc
class OfflineContentsTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    MeetingFixtures fixtures;

    @Autowired
    MeetingDocuments documents;

    @Autowired
    MeetingDocumentReads reads;

    Village village;

    MeetingId next;

    MeetingDocument document;

    @BeforeEach
    void meetingWithDocument() {
        village = fixtures.village();
        next = fixtures.published(village, Instant.now().plus(Duration.ofDays(3)));
        document = documents.attach(village.secretary(), next, "tai-lieu-chuyen-de-quy-iv.pdf",
                new ByteArrayInputStream(SampleFiles.document("tai-lieu-chuyen-de-quy-iv.pdf")));
    }

    @Test
    void memberKeepsNextMeetingDocumentsAndHandbook() throws Exception {
        String listing = contentsOf(SignIn.as(mvc, village.member()));

        assertThat(listing).contains("\"/\"", "\"/meetings/" + next + "\"",
                "\"/meetings/" + next + "/documents/" + document.id() + "\"", "\"/handbook\"",
                "\"/handbook/cell-meeting\"", "\"/handbook/questions\"");
    }

    @Test
    void otherCellMemberGetsNoMeetings() throws Exception {
        String listing = contentsOf(SignIn.as(mvc, village.outsider()));

        assertThat(listing).doesNotContain("/meetings/").contains("\"/handbook/cell-meeting\"");
    }

    @Test
    void draftsAndDistantMeetingsNotKept() throws Exception {
        MeetingId draft = fixtures.draft(village, Instant.now().plus(Duration.ofDays(5)));
        MeetingId farAhead = fixtures.published(village, Instant.now().plus(Duration.ofDays(90)));

        String listing = contentsOf(SignIn.as(mvc, village.member()));

        assertThat(listing).doesNotContain("\"/meetings/" + draft + "\"", "\"/meetings/" + farAhead + "\"");
    }

    @Test
    void accountsGetDifferentCacheKeys() throws Exception {
        String member = contentsOf(SignIn.as(mvc, village.member()));
        String outsider = contentsOf(SignIn.as(mvc, village.outsider()));

        assertThat(accountKey(member)).matches("[0-9a-f]{24}").isNotEqualTo(accountKey(outsider));
    }

    @Test
    void savedCopyIsNotCountedAsRead() throws Exception {
        MockHttpSession session = SignIn.as(mvc, village.member());
        String path = "/meetings/" + next + "/documents/" + document.id();

        mvc.perform(get(path).session(session).header(OfflineContent.SAVE_HEADER, OfflineContent.SAVING))
                .andExpect(status().isOk());
        assertThat(reads.openedBy(next)).isEmpty();

        mvc.perform(get(path).session(session)).andExpect(status().isOk());
        assertThat(reads.openedBy(next)).isNotEmpty();
    }

    @Test
    void contentsNeedSession() throws Exception {
        mvc.perform(get("/offline/contents")).andExpect(status().is3xxRedirection());
    }

    @Test
    void signedOutSaveStartsNoSession() throws Exception {
        var saving = mvc.perform(get("/meetings/" + next).header(OfflineContent.SAVE_HEADER, OfflineContent.SAVING))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        var reading = mvc.perform(get("/meetings/" + next))
                .andExpect(status().is3xxRedirection())
                .andReturn();

        assertThat(saving.getRequest().getSession(false)).isNull();
        assertThat(reading.getRequest().getSession(false)).as("a reader's request is still saved for after sign-in")
                .isNotNull();
    }

    @Test
    void signOutClearsSiteData() throws Exception {
        MockHttpSession session = SignIn.as(mvc, village.member());

        mvc.perform(post("/logout").session(session).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Clear-Site-Data", "\"cache\", \"storage\""));
    }

    @Test
    void manifestServedWithoutSession() throws Exception {
        String manifest = mvc.perform(get("/manifest.webmanifest"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/manifest+json"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(manifest).contains("\"name\":\"Chi bộ số\"", "\"lang\":\"vi\"", "\"start_url\":\"/\"",
                "\"display\":\"standalone\"", "\"theme_color\":\"#b71c1c\"", "/icons/icon-192.png",
                "/icons/icon-512.png");
    }

    @Test
    void serviceWorkerServedWithoutSession() throws Exception {
        mvc.perform(get("/sw.js"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/javascript"))
                .andExpect(header().string("Cache-Control", "no-cache"));
    }

    @Test
    void iconsArePngImages() throws Exception {
        for (int size : OfflineIcons.SIZES) {
            byte[] png = mvc.perform(get("/icons/icon-" + size + ".png"))
                    .andExpect(status().isOk())
                    .andExpect(content().contentType("image/png"))
                    .andReturn().getResponse().getContentAsByteArray();
            var image = javax.imageio.ImageIO.read(new ByteArrayInputStream(png));
            assertThat(image.getWidth()).isEqualTo(size);
            assertThat(image.getHeight()).isEqualTo(size);
        }
        mvc.perform(get("/icons/icon-64.png")).andExpect(status().isNotFound());
    }

    @Test
    void pagesLinkManifestAndScript() throws Exception {
        String home = mvc.perform(get("/").session(SignIn.as(mvc, village.member())))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(home).contains("<link rel=\"manifest\" href=\"/manifest.webmanifest\">", "/js/offline",
                "id=\"offline-banner\"", "data-offline-account=\"");
    }

    private String contentsOf(MockHttpSession session) throws Exception {
        return mvc.perform(get("/offline/contents").session(session))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/json"))
                .andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static String accountKey(String listing) {
        int start = listing.indexOf("\"account\":\"") + "\"account\":\"".length();
        return listing.substring(start, listing.indexOf('"', start));
    }
}
