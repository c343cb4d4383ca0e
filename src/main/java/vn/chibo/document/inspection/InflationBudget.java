package vn.chibo.document.inspection;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Counts the bytes unpacked from all the parts or streams of one file, and fails past the limit. */
final class InflationBudget {

    private final long maxBytes;
    private long used;

    InflationBudget(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Returns the stream, counting what is read from it. */
    InputStream count(InputStream part) {
        return new FilterInputStream(part) {

            @Override
            public int read() throws IOException {
                int next = super.read();
                if (next >= 0) {
                    add(1);
                }
                return next;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int count = super.read(buffer, offset, length);
                if (count > 0) {
                    add(count);
                }
                return count;
            }
        };
    }

    /** Reads the stream to its end, counting its bytes. */
    void drain(InputStream decoded) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        int read;
        while ((read = decoded.read(buffer)) > 0) {
            add(read);
        }
    }

    void add(long bytes) throws DecompressionBomb {
        used += bytes;
        if (used > maxBytes) {
            throw new DecompressionBomb("The content unpacks to more than " + maxBytes + " bytes");
        }
    }
}
