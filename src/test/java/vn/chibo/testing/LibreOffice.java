package vn.chibo.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Converts documents with LibreOffice from Debian's packages, to prove that what the product exports
 * opens in the office suite that commune offices use. A missing LibreOffice fails the test with an
 * explanation instead of skipping it.
 */
public final class LibreOffice {

    private static final Path SOFFICE = Path.of("/usr/bin/soffice");

    private LibreOffice() {
    }

    /** Converts the document to PDF and returns the PDF's bytes. */
    public static byte[] toPdf(byte[] document, String fileName) throws IOException, InterruptedException {
        if (!Files.isExecutable(SOFFICE)) {
            throw new IllegalStateException("This test needs LibreOffice (/usr/bin/soffice): apt-get install "
                    + "libreoffice-writer-nogui, or run .ci/run, which installs it.");
        }
        Path folder = Files.createTempDirectory(Files.createDirectories(Path.of("target", "libreoffice")),
                "convert-").toAbsolutePath();
        Path input = Files.write(folder.resolve(fileName), document);
        String baseName = fileName.substring(0, fileName.lastIndexOf('.'));
        Process process = new ProcessBuilder(List.of(SOFFICE.toString(), "--headless", "--norestore",
                "-env:UserInstallation=" + folder.resolve("profile").toUri(), "--convert-to", "pdf", "--outdir",
                folder.toString(), input.toString()))
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("soffice.log").toFile())
                .start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("LibreOffice did not convert " + fileName + " within 180 s");
        }
        Path pdf = folder.resolve(baseName + ".pdf");
        if (process.exitValue() != 0 || !Files.exists(pdf)) {
            throw new IllegalStateException("LibreOffice could not convert " + fileName + ": "
                    + Files.readString(folder.resolve("soffice.log")));
        }
        return Files.readAllBytes(pdf);
    }
}
