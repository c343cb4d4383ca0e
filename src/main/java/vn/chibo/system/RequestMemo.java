package vn.chibo.system;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * Values read once per web request. Building one page authorizes the meeting, checks the voter and
 * counts the roll, and each step read the same meeting and the same roster again. One meeting page
 * read four to five rosters of 36 members, each with its personal data decrypted.
 *
 * <p>{@link RequestMemoFilter} opens a memo on the request's thread when the request enters the
 * application, before the session is read, and drops it once the session is saved and the response
 * written, so no other request, node or background thread ever sees it.
 * Outside that span (scheduled jobs, event listeners on other threads, tests calling services
 * directly) every call reads afresh. Only values that the request itself does not change belong
 * here, or the writer must {@linkplain #forget forget} the value when it changes it.
 */
public final class RequestMemo {

    /** A thread local rather than a request attribute: Spring's request context ends before the session is saved. */
    private static final ThreadLocal<Map<String, Object>> MEMO = new ThreadLocal<>();

    private RequestMemo() {
    }

    /** Returns the value read earlier in this request under the key, or reads it now and keeps it. */
    @SuppressWarnings("unchecked")
    public static <T> T get(String key, Supplier<T> read) {
        Map<String, Object> memo = current();
        if (memo == null) {
            return read.get();
        }
        Object cached = memo.get(key);
        if (cached != null) {
            return (T) cached;
        }
        T value = read.get();
        if (value != null) {
            memo.put(key, value);
        }
        return value;
    }

    /** Drops the value kept under the key, so that the next read in this request goes to the source. */
    public static void forget(String key) {
        Map<String, Object> memo = current();
        if (memo != null) {
            memo.remove(key);
        }
    }

    /**
     * Drops every value kept for this request. A step that locks rows and then reads them calls it,
     * so that it decides on what the lock protects rather than on an earlier read.
     */
    public static void forgetAll() {
        Map<String, Object> memo = current();
        if (memo != null) {
            memo.clear();
        }
    }

    /** Starts the memo of the request on this thread; values read before it are not kept. */
    static void open() {
        MEMO.set(new HashMap<>());
    }

    static void close() {
        MEMO.remove();
    }

    private static @Nullable Map<String, Object> current() {
        return MEMO.get();
    }
}
