package vn.chibo.operations;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import vn.chibo.audit.AuditChain;
import vn.chibo.audit.AuditSealer;
import vn.chibo.audit.ChainVerification;
import vn.chibo.document.FileStore;
import vn.chibo.document.StoredFile;
import vn.chibo.testing.SqlTest;
import vn.chibo.testing.TestDatabaseInitializer;
import vn.chibo.testing.VillageMeetings;
import vn.chibo.testing.VillageMeetings.Village;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Backup and restore on H2 (SCRIPT, RUNSCRIPT) and on PostgreSQL (pg_dump -Fc, pg_restore). */
@SqlTest
class BackupTests {

    private static final byte[] CONTENT = "Biên bản họp chi bộ tháng 12 — bản gốc".getBytes(StandardCharsets.UTF_8);

    @Autowired
    Backups backups;

    @Autowired
    VillageMeetings villages;

    @Autowired
    FileStore fileStore;

    @Autowired
    AuditSealer sealer;

    @Autowired
    AuditChain chain;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    DataSourceProperties dataSource;

    @TempDir
    Path temp;

    @Test
    void restoresIntoFreshDatabase() throws Exception {
        Village village = villages.meetingInProgress();
        StoredFile file = transactions.execute(status -> fileStore.store("bien-ban.txt", "text/plain",
                new ByteArrayInputStream(CONTENT), null));
        sealer.sealPending();
        ChainVerification original = chain.verify();
        Path archive = temp.resolve("backup.zip");

        backups.create(archive);
        DatabaseConnection target = freshDatabase();
        Path restoredFiles = temp.resolve("restored-files");
        Backups.restore(archive, target, restoredFiles, null);

        JdbcClient restored = JdbcClient.create(new DriverManagerDataSource(target.url(), target.username(),
                target.password()));
        String committee = restored.sql("select name from organization where id = :id")
                .param("id", village.commune().committee().id().value()).query(String.class).single();
        long members = restored.sql("select count(*) from member where cell_id = :cell")
                .param("cell", village.commune().cell().id().value()).query(Long.class).single();
        String meetingStatus = restored.sql("select status from meeting where id = :id")
                .param("id", village.meeting().value()).query(String.class).single();
        String storageKey = restored.sql("select storage_key from stored_file where id = :id")
                .param("id", file.id().value()).query(String.class).single();
        ChainVerification restoredChain = new AuditChain(restored).verify();

        assertThat(committee).isEqualTo(village.commune().committee().name());
        assertThat(members).isEqualTo(36);
        assertThat(meetingStatus).isEqualTo("IN_PROGRESS");
        assertThat(restoredChain.intact()).isTrue();
        assertThat(restoredChain.sealedEntries()).isEqualTo(original.sealedEntries()).isPositive();
        assertThat(restoredChain.headHash()).isEqualTo(original.headHash());
        Path restoredFile = restoredFiles.resolve(storageKey.substring(0, 2)).resolve(storageKey.substring(2, 4))
                .resolve(storageKey);
        assertThat(Files.readAllBytes(restoredFile)).isEqualTo(CONTENT);
    }

    @Test
    void rejectsChangedFile() throws Exception {
        transactions.execute(status -> fileStore.store("bien-ban.txt", "text/plain", new ByteArrayInputStream(CONTENT),
                null));
        Path archive = temp.resolve("backup.zip");
        backups.create(archive);
        Path changed = temp.resolve("changed.zip");
        copyChangingFirstFile(archive, changed);
        DatabaseConnection target = freshDatabase();

        assertThatThrownBy(() -> Backups.restore(changed, target, temp.resolve("restored-files"), null))
                .isInstanceOf(BackupRejected.class)
                .hasMessageContaining("checksum of files/");
        assertThat(DatabaseDumps.tableCount(target)).isZero();
        assertThat(temp.resolve("restored-files")).doesNotExist();
    }

    @Test
    void rejectsDatabaseThatIsNotEmpty() throws Exception {
        Path archive = temp.resolve("backup.zip");
        backups.create(archive);
        var current = new DatabaseConnection(dataSource.determineUrl(), dataSource.determineUsername(),
                dataSource.determinePassword());

        assertThatThrownBy(() -> Backups.restore(archive, current, temp.resolve("restored-files"), null))
                .isInstanceOf(BackupRejected.class)
                .hasMessageContaining("restore only into an empty database");
    }

    @Test
    void verifyCommandPrintsHead() {
        sealer.sealPending();
        ChainVerification result = chain.verify();
        var output = new ByteArrayOutputStream();

        int exitCode = OperatorCommands.verify(chain, new PrintStream(output, true, StandardCharsets.UTF_8));

        assertThat(exitCode).isZero();
        assertThat(output.toString(StandardCharsets.UTF_8))
                .startsWith("Audit chain intact: " + result.sealedEntries() + " entries")
                .contains("head hash " + result.headHash());
    }

    @Test
    void recognisesCommandArguments() {
        assertThat(OperatorCommands.isCommand(new String[] { "--chibo.audit.verify" })).isTrue();
        assertThat(OperatorCommands.isCommand(new String[] { "--chibo.backup.create=/tmp/b.zip" })).isTrue();
        assertThat(OperatorCommands.isCommand(new String[] { "--chibo.backup.restore=b.zip" })).isTrue();
        assertThat(OperatorCommands.isCommand(new String[] { "--server.port=8105" })).isFalse();
        assertThat(OperatorCommands.isCommand(new String[] { "--chibo.backup.folder=/tmp" })).isFalse();
    }

    /** Creates an empty database of the kind the test runs on. */
    private DatabaseConnection freshDatabase() {
        String name = "chibo_restore_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        if (TestDatabaseInitializer.onPostgres()) {
            jdbc.sql("create database " + name + " encoding 'UTF8'").update();
            String url = dataSource.determineUrl();
            return new DatabaseConnection(url.substring(0, url.lastIndexOf('/') + 1) + name,
                    dataSource.determineUsername(), dataSource.determinePassword());
        }
        return new DatabaseConnection("jdbc:h2:mem:" + name
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
    }

    /** Copies the archive, flipping the first byte of its first stored file and keeping its manifest. */
    private static void copyChangingFirstFile(Path source, Path target) throws IOException {
        boolean changed = false;
        try (var zip = new ZipFile(source.toFile());
                var out = new ZipOutputStream(Files.newOutputStream(target))) {
            for (ZipEntry entry : zip.stream().toList()) {
                byte[] bytes = zip.getInputStream(entry).readAllBytes();
                if (!changed && entry.getName().startsWith("files/")) {
                    bytes[0] ^= 1;
                    changed = true;
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
        assertThat(changed).as("the archive holds a stored file").isTrue();
    }
}
