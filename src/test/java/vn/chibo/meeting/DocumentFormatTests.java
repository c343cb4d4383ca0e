package vn.chibo.meeting;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentFormatTests {

    @ParameterizedTest(name = "{0} claims {1}")
    @CsvSource({
            "Dự thảo.PDF, PDF",
            "bien-ban.docx, DOCX",
            "anh.JPEG, JPEG",
            "anh.jpg, JPEG",
            "bao-cao.ods, ODS" })
    void extensionClaimsFormat(String name, DocumentFormat format) {
        assertThat(DocumentFormat.claimedBy(name)).contains(format);
    }

    @Test
    void unknownExtensionsClaimNothing() {
        assertThat(DocumentFormat.claimedBy("cai-dat.exe")).isEmpty();
        assertThat(DocumentFormat.claimedBy("khong-duoi")).isEmpty();
        assertThat(DocumentFormat.claimedBy("trang.html")).isEmpty();
    }

    @Test
    void fileNameKeepsLastPartAndExtension() {
        assertThat(MeetingDocuments.cleanFileName("C:\\Tài liệu\\bien-ban.pdf")).isEqualTo("bien-ban.pdf");
        assertThat(MeetingDocuments.cleanFileName("../../etc/passwd.pdf")).isEqualTo("passwd.pdf");
        assertThat(MeetingDocuments.cleanFileName("a\u0000b.pdf")).isEqualTo("ab.pdf");
        String longName = "x".repeat(300) + ".docx";
        assertThat(MeetingDocuments.cleanFileName(longName)).hasSize(255).endsWith(".docx");
    }
}
