package vn.chibo.video;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The hashes that BigBlueButton accepts for the checksum of API calls and webhook callbacks. */
enum ChecksumAlgorithm {
    SHA1("SHA-1"), SHA256("SHA-256"), SHA384("SHA-384"), SHA512("SHA-512");

    private final String jcaName;

    ChecksumAlgorithm(String jcaName) {
        this.jcaName = jcaName;
    }

    /** Returns the hash of the text's UTF-8 bytes in lower-case hex, as BigBlueButton writes checksums. */
    String hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance(jcaName).digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        }
        catch (NoSuchAlgorithmException unavailable) {
            throw new IllegalStateException(jcaName + " is not available in this JDK", unavailable);
        }
    }
}
