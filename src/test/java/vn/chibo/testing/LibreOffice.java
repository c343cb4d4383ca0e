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
        return convert(document, fileName, "pdf", "pdf", null);
    }

    /**
     * Converts a document as {@code soffice --convert-to} does and returns the converted file's bytes.
     *
     * @param target the target of {@code --convert-to}: an extension, optionally with a filter and its
     *        options, such as {@code csv:Text - txt - csv (StarCalc):44,34,76}
     * @param extension the extension of the converted file, such as {@code csv}
     * @param inputFilter the value of {@code --infilter}, such as {@code CSV:44,34,76}, or null to let
     *        LibreOffice choose
     */
    public static byte[] convert(byte[] document, String fileName, String target, String extension,
            String inputFilter) throws IOException, InterruptedException {
        if (!Files.isExecutable(SOFFICE)) {
            throw new IllegalStateException("This test needs LibreOffice (/usr/bin/soffice): apt-get install "
                    + "libreoffice-writer-nogui libreoffice-calc-nogui, or run .ci/run, which installs them.");
        }
        Path folder = Files.createTempDirectory(Files.createDirectories(Path.of("target", "libreoffice")),
                "convert-").toAbsolutePath();
        Path input = Files.write(folder.resolve(fileName), document);
        Path output = Files.createDirectories(folder.resolve("out"));
        String baseName = fileName.substring(0, fileName.lastIndexOf('.'));
        var command = new java.util.ArrayList<>(List.of(SOFFICE.toString(), "--headless", "--norestore",
                "-env:UserInstallation=" + folder.resolve("profile").toUri()));
        if (inputFilter != null) {
            command.add("--infilter=" + inputFilter);
        }
        command.addAll(List.of("--convert-to", target, "--outdir", output.toString(), input.toString()));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("soffice.log").toFile())
                .start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("LibreOffice did not convert " + fileName + " within 180 s");
        }
        Path converted = output.resolve(baseName + "." + extension);
        if (process.exitValue() != 0 || !Files.exists(converted)) {
            throw new IllegalStateException("LibreOffice could not convert " + fileName + ": "
                    + Files.readString(folder.resolve("soffice.log")));
        }
        return Files.readAllBytes(converted);
    }
}
