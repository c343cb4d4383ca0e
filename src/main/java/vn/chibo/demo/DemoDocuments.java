package vn.chibo.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.chibo.account.Actor;
import vn.chibo.document.Classification;
import vn.chibo.document.DocumentKind;
import vn.chibo.document.library.AccessLog;
import vn.chibo.document.library.DocumentDetails;
import vn.chibo.document.library.DocumentFiles;
import vn.chibo.document.library.DocumentUploads;
import vn.chibo.document.library.Distributions;
import vn.chibo.document.library.LibraryDocumentId;
import vn.chibo.organization.Organization;

/**
 * The libraries of the demo commune: two documents of the commune committee issued to every cell below
 * it, one of them internal, and an internal draft resolution in the village cell's own library. A few
 * members have opened them, so that the readers report and the access log have rows.
 */
@Component
class DemoDocuments {

    private static final Logger log = LoggerFactory.getLogger(DemoDocuments.class);

    private final DocumentUploads uploads;
    private final Distributions distributions;
    private final DocumentFiles files;

    DemoDocuments(DocumentUploads uploads, Distributions distributions, DocumentFiles files) {
        this.uploads = uploads;
        this.distributions = distributions;
        this.files = files;
    }

    /**
     * Loads the documents.
     *
     * @param officer a committee officer of the commune
     * @param secretary the village cell's secretary
     * @param readers village members who have opened the documents
     */
    void load(Actor officer, Organization commune, Actor secretary, Organization village, List<Actor> readers) {
        LibraryDocumentId material = upload(officer, commune, "tai-lieu-chuyen-de-quy-iv.pdf", new DocumentDetails(
                "Tài liệu sinh hoạt chuyên đề quý IV năm 2026", "12-HD/ĐU", null, "Đảng ủy xã Minh An",
                DocumentKind.STUDY_MATERIAL, Classification.INTERNAL,
                "Tài liệu cho buổi sinh hoạt chuyên đề quý IV của các chi bộ trực thuộc.",
                List.of("sinh hoạt chuyên đề", "học tập")));
        distributions.issue(officer, material, List.of(), true, false);

        LibraryDocumentId guidance = upload(officer, commune, "du-thao-nghi-quyet-thang-12.docx", new DocumentDetails(
                "Mẫu nghị quyết sinh hoạt chi bộ hằng tháng", "15-HD/ĐU", null, "Đảng ủy xã Minh An",
                DocumentKind.GUIDANCE, Classification.PUBLIC,
                "Mẫu để các chi bộ soạn nghị quyết sau buổi sinh hoạt định kỳ.", List.of("nghị quyết", "mẫu")));
        distributions.issue(officer, guidance, List.of(), true, false);

        LibraryDocumentId draft = upload(secretary, village, "du-thao-nghi-quyet-thang-12.pdf", new DocumentDetails(
                "Dự thảo nghị quyết chi bộ tháng 12/2026", null, null, "Chi bộ thôn Hòa Bình 3",
                DocumentKind.RESOLUTION, Classification.INTERNAL, null, List.of("dự thảo")));

        for (Actor reader : readers) {
            files.serve(reader, material, AccessLog.Action.VIEW, "127.0.0.1").close();
        }
        files.serve(readers.getFirst(), draft, AccessLog.Action.DOWNLOAD, "127.0.0.1").close();
    }

    private LibraryDocumentId upload(Actor manager, Organization library, String resource, DocumentDetails details) {
        Path file = null;
        try (InputStream content = DemoDocuments.class.getResourceAsStream("/demo/" + resource)) {
            if (content == null) {
                throw new IllegalStateException("The demo document " + resource + " is missing from the resources");
            }
            file = Files.createTempFile("chibo-demo-", ".upload");
            Files.copy(content, file, StandardCopyOption.REPLACE_EXISTING);
            return uploads.create(manager, library.id(), details, file, resource);
        }
        catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        finally {
            deleteQuietly(file);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        }
        catch (IOException failure) {
            log.warn("Deleting the temporary copy {} of a demo document failed: {}", file.getFileName(),
                    failure.getMessage());
        }
    }
}
