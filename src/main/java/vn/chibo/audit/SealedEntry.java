package vn.chibo.audit;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

import org.jspecify.annotations.Nullable;

/**
 * The fields of an audit entry that its hash covers, and the hash itself.
 *
 * <p>The canonical encoding is version byte 1, then each field in the order of this record's
 * components: a number as a presence byte and 8 big-endian bytes, the instant as epoch seconds and
 * nanoseconds, a text as a presence byte, its UTF-8 length (4 bytes) and its bytes. Length prefixes
 * keep two different entries from encoding to the same bytes.
 */
record SealedEntry(long sequenceNumber, long eventId, Instant occurredAt, @Nullable Long actorAccountId,
        @Nullable Long organizationId, String action, String targetType, @Nullable Long targetId,
        @Nullable String detail, String previousHash) {

    /** The previous hash of the first entry in the chain: 64 zeros. */
    static final String GENESIS_HASH = "0".repeat(64);

    /** Computes the lowercase hexadecimal SHA-256 of the canonical encoding. */
    String hash() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(encode()));
        }
        catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every Java runtime has SHA-256", impossible);
        }
    }

    private byte[] encode() {
        var bytes = new ByteArrayOutputStream(256);
        try (var out = new DataOutputStream(bytes)) {
            out.writeByte(1);
            writeNumber(out, sequenceNumber);
            writeNumber(out, eventId);
            out.writeLong(occurredAt.getEpochSecond());
            out.writeInt(occurredAt.getNano());
            writeNumber(out, actorAccountId);
            writeNumber(out, organizationId);
            writeText(out, action);
            writeText(out, targetType);
            writeNumber(out, targetId);
            writeText(out, detail);
            writeText(out, previousHash);
        }
        catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return bytes.toByteArray();
    }

    private static void writeNumber(DataOutputStream out, @Nullable Long value) throws IOException {
        out.writeBoolean(value != null);
        out.writeLong(value == null ? 0 : value);
    }

    private static void writeText(DataOutputStream out, @Nullable String value) throws IOException {
        out.writeBoolean(value != null);
        byte[] utf8 = value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }
}
