package vn.chibo.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads the sample rosters and documents kept under {@code src/test/resources}. */
public final class SampleFiles {

    private SampleFiles() {
    }

    /** Returns a file of {@code roster/}, such as "roster.xlsx". */
    public static byte[] roster(String name) {
        return read("/roster/" + name);
    }

    /** Returns a file of {@code documents/}, such as "van-ban-mat.pdf". */
    public static byte[] document(String name) {
        return read("/documents/" + name);
    }

    private static byte[] read(String path) {
        try (InputStream in = SampleFiles.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("No sample file " + path + " in the test resources");
            }
            return in.readAllBytes();
        }
        catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
