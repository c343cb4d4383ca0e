package vn.chibo.document;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import vn.chibo.meeting.MeetingDocuments;
import vn.chibo.meeting.MeetingFixtures;
import vn.chibo.meeting.MeetingFixtures.Village;
import vn.chibo.meeting.MeetingId;
import vn.chibo.testing.SignIn;
import vn.chibo.testing.SqlTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/**
 * An upload to a full file store is rejected with a message and leaves nothing behind: no partial
 * file, no stored-file row, no document. The store here is a real file system with a size limit
 * (Jimfs, 64 KiB in blocks of 8 KiB), so the write fails where the operating system's would.
 */
@SqlTest
@AutoConfigureMockMvc
class FileStoreFullTests {

    private static final FileSystem SMALL_DISK = Jimfs.newFileSystem(Configuration.unix().toBuilder()
            .setBlockSize(8192)
            .setMaxSize(64 * 1024)
            .build());
    private static final Path ROOT = SMALL_DISK.getPath("/files");

    /** Replaces the store under the configured folder with one on the small disk. */
    @TestConfiguration
    static class SmallDisk {

        @Bean
        @Primary
        FileStore smallFileStore(JdbcClient jdbc, Clock clock) {
            return new FilesystemFileStore(ROOT, jdbc, clock);
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    MeetingFixtures fixtures;

    @Autowired
    MeetingDocuments documents;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void emptyDisk() throws IOException {
        try (Stream<Path> paths = Files.walk(SMALL_DISK.getPath("/"))) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                if (path.getParent() != null) {
                    Files.delete(path);
                }
            }
        }
    }

    @AfterAll
    static void closeDisk() throws IOException {
        SMALL_DISK.close();
    }

    @Test
    void uploadToFullStoreIsRejected() throws Exception {
        Village village = fixtures.village();
        MockHttpSession secretary = SignIn.as(mvc, village.secretary());
        MeetingId meeting = fixtures.published(village, Instant.now().plus(Duration.ofDays(3)));
        long rowsBefore = storedFiles();

        // 41 KB fits on the disk; the second document of 43 KB does not fit beside it.
        MvcResult first = upload(secretary, meeting, "du-thao-nghi-quyet-thang-12.pdf", "vi");
        MvcResult second = upload(secretary, meeting, "tai-lieu-chuyen-de-quy-iv.pdf", "vi");

        assertThat(first.getResponse().getStatus()).isEqualTo(302);
        assertThat(second.getResponse().getStatus()).isEqualTo(507);
        assertThat(second.getResponse().getContentAsString())
                .contains("Không lưu được tệp &quot;tai-lieu-chuyen-de-quy-iv.pdf&quot;: ổ lưu trữ của máy chủ đã đầy.");
        assertThat(documents.of(meeting)).extracting(document -> document.file().fileName())
                .containsExactly("du-thao-nghi-quyet-thang-12.pdf");
        assertThat(storedFiles()).isEqualTo(rowsBefore + 1);
        assertThat(filesOnDisk()).hasSize(1).allMatch(file -> !file.getFileName().toString().endsWith(".part"));
    }

    @Test
    void fullStoreMessageSpeaksUsersLanguage() throws Exception {
        Village village = fixtures.village();
        MockHttpSession secretary = SignIn.as(mvc, village.secretary());
        MeetingId meeting = fixtures.published(village, Instant.now().plus(Duration.ofDays(3)));
        fillDisk();

        MvcResult english = upload(secretary, meeting, "du-thao-nghi-quyet-thang-12.pdf", "en");
        MvcResult german = upload(secretary, meeting, "du-thao-nghi-quyet-thang-12.pdf", "de");

        assertThat(english.getResponse().getStatus()).isEqualTo(507);
        assertThat(english.getResponse().getContentAsString()).contains("the server&#39;s storage is full");
        assertThat(german.getResponse().getContentAsString()).contains("Der Speicher des Servers ist voll");
        assertThat(documents.of(meeting)).isEmpty();
    }

    @Test
    void otherPagesWorkWhileStoreIsFull() throws Exception {
        Village village = fixtures.village();
        MeetingId meeting = fixtures.published(village, Instant.now().plus(Duration.ofDays(3)));
        fillDisk();
        MockHttpSession member = SignIn.as(mvc, village.member());

        int meetingPage = mvc.perform(get("/meetings/{id}", meeting.value()).session(member)).andReturn()
                .getResponse().getStatus();
        int home = mvc.perform(get("/").session(member)).andReturn().getResponse().getStatus();

        assertThat(meetingPage).isEqualTo(200);
        assertThat(home).isEqualTo(200);
    }

    /** Fills the small disk with a file outside the store's folders, as another program would. */
    private static void fillDisk() throws IOException {
        try {
            Files.write(SMALL_DISK.getPath("/filler"), new byte[64 * 1024]);
        }
        catch (IOException full) {
            // Expected: the filler takes every free block, then the write fails.
        }
    }

    private MvcResult upload(MockHttpSession secretary, MeetingId meeting, String name, String language)
            throws Exception {
        return mvc.perform(multipart("/meetings/{id}/documents", meeting.value())
                        .file(new MockMultipartFile("file", name, "application/octet-stream", sample(name)))
                        .param("lang", language)
                        .session(secretary)
                        .with(csrf()))
                .andReturn();
    }

    private long storedFiles() {
        return jdbc.sql("select count(*) from stored_file").query(Long.class).single();
    }

    private static List<Path> filesOnDisk() throws IOException {
        if (Files.notExists(ROOT)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(ROOT)) {
            return paths.filter(Files::isRegularFile).toList();
        }
    }

    private static byte[] sample(String name) throws IOException {
        try (InputStream in = FileStoreFullTests.class.getResourceAsStream("/documents/" + name)) {
            return in.readAllBytes();
        }
    }
}
