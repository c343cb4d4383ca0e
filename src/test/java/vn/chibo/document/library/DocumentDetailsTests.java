package vn.chibo.document.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.chibo.document.Classification;
import vn.chibo.document.DocumentKind;

/** The date of issue a document may carry: not after today, not before the party was founded. */
class DocumentDetailsTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 5);

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(textBlock = """
            2026-12-05, ''
            2026-12-06, document.error.issuedInFuture
            1930-02-03, ''
            1930-02-02, document.error.issuedTooEarly
            0001-01-01, document.error.issuedTooEarly
            """)
    void dateOfIssue(LocalDate issuedOn, String problem) {
        var details = new DocumentDetails("Nghị quyết", null, issuedOn, null, DocumentKind.RESOLUTION,
                Classification.PUBLIC, null, List.of());

        assertThat(details.problems(TODAY).getOrDefault("issuedOn", "")).isEqualTo(problem);
    }
}
