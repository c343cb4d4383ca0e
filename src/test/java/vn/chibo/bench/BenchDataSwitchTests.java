package vn.chibo.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

import vn.chibo.organization.Organizations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/**
 * The switch {@code chibo.bench.generate}: a second node on the database of the first must not
 * generate a data set, even while the database is still empty.
 */
class BenchDataSwitchTests {

    @TempDir
    Path folder;

    @Test
    void generateFalseLeavesEmptyDatabaseAlone() {
        Organizations organizations = mock(Organizations.class);
        when(organizations.isEmpty()).thenReturn(true);
        BenchCells cells = mock(BenchCells.class);
        PasswordEncoder encoder = mock(PasswordEncoder.class);
        TransactionTemplate transactions = mock(TransactionTemplate.class);
        Path manifest = folder.resolve("manifest.tsv");

        new BenchData(organizations, cells, encoder, transactions, properties(manifest, false), Clock.systemUTC())
                .run(null);

        verifyNoInteractions(organizations);
        verifyNoInteractions(cells);
        verifyNoInteractions(encoder);
        verifyNoInteractions(transactions);
        assertThat(Files.exists(manifest)).isFalse();
    }

    @Test
    void generateTrueSkipsDatabaseWithOrganizations() {
        Organizations organizations = mock(Organizations.class);
        when(organizations.isEmpty()).thenReturn(false);
        BenchCells cells = mock(BenchCells.class);
        TransactionTemplate transactions = mock(TransactionTemplate.class);
        Path manifest = folder.resolve("manifest.tsv");

        new BenchData(organizations, cells, mock(PasswordEncoder.class), transactions, properties(manifest, true),
                Clock.systemUTC()).run(null);

        verifyNoInteractions(cells);
        verifyNoInteractions(transactions);
        assertThat(Files.exists(manifest)).isFalse();
    }

    private static BenchProperties properties(Path manifest, boolean generate) {
        return new BenchProperties(2, "bench-password", "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", manifest,
                Duration.ofMinutes(10), generate);
    }
}
