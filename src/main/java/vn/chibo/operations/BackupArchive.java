package vn.chibo.operations;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes and reads backup archives: one ZIP file with the database dump under {@code database/},
 * the stored files under {@code files/} (same relative paths as under the file store's root) and
 * {@code manifest.json}, which lists every other entry with its size and SHA-256.
 *
 * <p>Only files in the file store's layout (two folder levels, then the storage key) are archived,
 * so key files or partial uploads that happen to sit under the root are left out. The database is
 * dumped first and the folder read afterwards, because the store writes a file before it commits the row
 * that names it. So every row in the dump finds its file, and files newer than the dump are
 * harmless extras.
 */
final class BackupArchive {

    static final int FORMAT = 1;

    private static final JsonMapper JSON = JsonMapper.builder().findAndAddModules().build();

    private BackupArchive() {
    }

    /** Writes a backup to the archive path, through a temporary file that is renamed at the end. */
    static BackupManifest write(DatabaseConnection database, Path filesRoot, Path archive, @Nullable Path postgresBin)
            throws IOException, SQLException {
        Path absolute = archive.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path partial = absolute.resolveSibling(absolute.getFileName() + ".part");
        Path dump = Files.createTempFile(absolute.getParent(), "chibo-dump-", ".tmp");
        try {
            Files.delete(dump);
            DatabaseDumps.dump(database, dump, postgresBin);
            var entries = new ArrayList<BackupManifest.Entry>();
            try (var zip = new ZipOutputStream(Files.newOutputStream(partial))) {
                entries.add(add(zip, DatabaseDumps.entryName(database), dump));
                for (Path file : storedFiles(filesRoot)) {
                    String relative = filesRoot.relativize(file).toString().replace('\\', '/');
                    entries.add(add(zip, "files/" + relative, file));
                }
                var manifest = new BackupManifest(FORMAT, Instant.now(), database.isPostgres() ? "PostgreSQL" : "H2",
                        DatabaseDumps.schemaVersion(database), List.copyOf(entries));
                zip.putNextEntry(new ZipEntry(BackupManifest.FILE_NAME));
                zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
                zip.closeEntry();
                zip.finish();
                Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return manifest;
            }
        }
        finally {
            Files.deleteIfExists(dump);
            Files.deleteIfExists(partial);
        }
    }

    /**
     * Checks every entry of the archive against its manifest: no entry missing, none extra, each with
     * the listed size and SHA-256. Returns the manifest.
     *
     * @throws BackupRejected naming the first entry that does not match
     */
    static BackupManifest check(Path archive) throws IOException {
        try (var zip = new ZipFile(archive.toFile())) {
            BackupManifest manifest = manifestOf(zip, archive);
            Set<String> listed = new HashSet<>();
            for (BackupManifest.Entry entry : manifest.entries()) {
                listed.add(entry.path());
                ZipEntry found = zip.getEntry(entry.path());
                if (found == null) {
                    throw new BackupRejected("The backup " + archive + " lacks " + entry.path()
                            + ", which its manifest lists; the archive is incomplete.");
                }
                Checked checked;
                try (InputStream in = zip.getInputStream(found)) {
                    checked = digest(in, OutputStream.nullOutputStream());
                }
                if (checked.size() != entry.size() || !checked.sha256().equals(entry.sha256())) {
                    throw new BackupRejected("The checksum of " + entry.path() + " in " + archive
                            + " does not match its manifest; the archive is damaged or was changed.");
                }
            }
            var extra = zip.stream().map(ZipEntry::getName)
                    .filter(name -> !name.equals(BackupManifest.FILE_NAME) && !listed.contains(name))
                    .findFirst();
            if (extra.isPresent()) {
                throw new BackupRejected("The backup " + archive + " contains " + extra.get()
                        + ", which its manifest does not list.");
            }
            return manifest;
        }
    }

    /**
     * Restores a checked archive into an empty database and an empty file store root.
     *
     * @throws BackupRejected when the archive does not match its manifest, contains another kind
     *     of database than the target, or the target database or folder is not empty
     */
    static BackupManifest restore(Path archive, DatabaseConnection database, Path filesRoot,
            @Nullable Path postgresBin) throws IOException, SQLException {
        BackupManifest manifest = check(archive);
        String targetKind = database.isPostgres() ? "PostgreSQL" : "H2";
        if (!manifest.database().equals(targetKind)) {
            throw new BackupRejected("The backup " + archive + " contains a " + manifest.database()
                    + " database, but the target is " + targetKind + ".");
        }
        int tables = DatabaseDumps.tableCount(database);
        if (tables > 0) {
            throw new BackupRejected("The target database already has " + tables
                    + " tables; restore only into an empty database.");
        }
        if (Files.isDirectory(filesRoot)) {
            try (Stream<Path> existing = Files.list(filesRoot)) {
                if (existing.findAny().isPresent()) {
                    throw new BackupRejected("The file store folder " + filesRoot
                            + " is not empty; restore only into an empty or missing folder.");
                }
            }
        }

        Path dump = Files.createTempFile("chibo-restore-", ".tmp");
        try (var zip = new ZipFile(archive.toFile())) {
            String dumpEntry = DatabaseDumps.entryName(database);
            try (InputStream in = zip.getInputStream(zip.getEntry(dumpEntry))) {
                Files.copy(in, dump, StandardCopyOption.REPLACE_EXISTING);
            }
            DatabaseDumps.restore(database, dump, postgresBin);
            Path root = filesRoot.toAbsolutePath().normalize();
            for (BackupManifest.Entry entry : manifest.entries()) {
                if (!entry.path().startsWith("files/")) {
                    continue;
                }
                Path target = root.resolve(entry.path().substring("files/".length())).normalize();
                if (!target.startsWith(root)) {
                    throw new BackupRejected("The backup entry " + entry.path() + " points outside the file store.");
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = zip.getInputStream(zip.getEntry(entry.path()))) {
                    Files.copy(in, target);
                }
            }
        }
        finally {
            Files.deleteIfExists(dump);
        }
        return manifest;
    }

    private static BackupManifest manifestOf(ZipFile zip, Path archive) throws IOException {
        ZipEntry entry = zip.getEntry(BackupManifest.FILE_NAME);
        if (entry == null) {
            throw new BackupRejected("The file " + archive + " has no " + BackupManifest.FILE_NAME
                    + "; it is not a Chi bộ số backup.");
        }
        try (InputStream in = zip.getInputStream(entry)) {
            BackupManifest manifest = JSON.readValue(in, BackupManifest.class);
            if (manifest.format() != FORMAT) {
                throw new BackupRejected("The backup " + archive + " has format " + manifest.format()
                        + "; this version reads format " + FORMAT + " only.");
            }
            return manifest;
        }
    }

    private static List<Path> storedFiles(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> root.relativize(file).getNameCount() == 3)
                    .filter(file -> !file.getFileName().toString().endsWith(".part"))
                    .sorted()
                    .toList();
        }
    }

    private static BackupManifest.Entry add(ZipOutputStream zip, String name, Path file) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        Checked checked;
        try (InputStream in = Files.newInputStream(file)) {
            checked = digest(in, zip);
        }
        zip.closeEntry();
        return new BackupManifest.Entry(name, checked.size(), checked.sha256());
    }

    private static Checked digest(InputStream in, OutputStream out) throws IOException {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every Java runtime has SHA-256", impossible);
        }
        var digesting = new DigestOutputStream(OutputStream.nullOutputStream(), sha256);
        long size = 0;
        byte[] buffer = new byte[64 * 1024];
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
            digesting.write(buffer, 0, read);
            out.write(buffer, 0, read);
            size += read;
        }
        return new Checked(size, HexFormat.of().formatHex(sha256.digest()));
    }

    private record Checked(long size, String sha256) {
    }
}
