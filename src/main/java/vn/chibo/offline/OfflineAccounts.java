package vn.chibo.offline;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import vn.chibo.account.Actor;

/**
 * Names the offline cache of an account. The service worker keeps one cache per account and drops
 * every other one when an account signs in, so that a second person on the same device never reads the
 * first one's pages. The name is a hash of the account id, so the cache list of a shared device does not
 * show account ids. The layout calls it as {@code ${@offlineAccounts.keyOf(currentActor)}}.
 */
@Component("offlineAccounts")
public class OfflineAccounts {

    /** Returns the cache key of the actor, or an empty string when no one is signed in. */
    public String keyOf(@Nullable Actor actor) {
        if (actor == null) {
            return "";
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("chibo-offline-account:" + actor.accountId().value()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        }
        catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("The JDK has no SHA-256", missing);
        }
    }
}
