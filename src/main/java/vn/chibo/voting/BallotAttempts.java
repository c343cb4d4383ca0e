package vn.chibo.voting;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import vn.chibo.account.LookupHashes;
import vn.chibo.member.MemberId;

/**
 * The attempts of secret ballots. The server issues one to a voter with the form that confirms the
 * ballot, or with the app's list of votes. The receipt code is derived from its random part. So a
 * confirmation sent again after its response was lost (a weak link, a second tap) gets the same code
 * back instead of "already voted".
 *
 * <p>An attempt is 128 random bits, the time it was issued and a keyed hash of both with the motion
 * and the voter. Only an attempt that this server issued to this voter for this motion, less than
 * {@link #VALIDITY} ago, counts; anything else reads as none, and the ballot then gets a random code.
 * So no client can choose the random part, and the repeat works only for a while. The random part is
 * stored nowhere: without it the key, the roll and the ballots still join no voter to a ballot.
 */
@Component
public class BallotAttempts {

    /** How long an attempt stays good: long enough to confirm and retry, short enough to limit a replay. */
    static final Duration VALIDITY = Duration.ofMinutes(15);

    private static final Pattern FORMAT = Pattern.compile("([A-Za-z0-9_-]{22})\\.(\\d{1,12})\\.([0-9a-f]{32})");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final LookupHashes hashes;
    private final Clock clock;

    BallotAttempts(LookupHashes hashes, Clock clock) {
        this.hashes = hashes;
        this.clock = clock;
    }

    /** Issues a new attempt for the voter's ballot on the motion, to put in a form or an API response. */
    public String issue(MotionId motion, MemberId member) {
        return issue(motion, member, clock.instant());
    }

    String issue(MotionId motion, MemberId member, Instant at) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String random = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        long issued = at.getEpochSecond();
        return random + "." + issued + "." + tag(motion, member, random, issued);
    }

    /**
     * Returns the random part of an attempt that this server issued to the voter for the motion within
     * {@link #VALIDITY}, or null for anything else, including null.
     */
    @Nullable String randomPartOf(@Nullable String attempt, MotionId motion, MemberId member) {
        Matcher parts = attempt == null ? null : FORMAT.matcher(attempt);
        if (parts == null || !parts.matches()) {
            return null;
        }
        String random = parts.group(1);
        long issued = Long.parseLong(parts.group(2));
        byte[] expected = tag(motion, member, random, issued).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, parts.group(3).getBytes(StandardCharsets.US_ASCII))) {
            return null;
        }
        Instant at = Instant.ofEpochSecond(issued);
        Instant now = clock.instant();
        // A minute of grace for the clocks of several nodes.
        boolean current = !at.isAfter(now.plus(Duration.ofMinutes(1))) && !now.isAfter(at.plus(VALIDITY));
        return current ? random : null;
    }

    /**
     * Derives the receipt code from the random part of an attempt under the server's lookup key.
     * Without that part, which only the voter's form contains, the key and the roll still do not
     * name the voter's ballot.
     */
    ReceiptCode receiptFor(MotionId motion, MemberId member, String random) {
        return ReceiptCode.fromDigest(hashes.hash("secret-ballot-receipt",
                motion.value() + ":" + member.value() + ":" + random));
    }

    private String tag(MotionId motion, MemberId member, String random, long issued) {
        return hashes.hash("ballot-attempt", motion.value() + ":" + member.value() + ":" + random + ":" + issued)
                .substring(0, 32);
    }
}
