package vn.chibo.system;

import java.util.function.Supplier;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Values read once per web request. Building one page authorizes the meeting, checks the voter and
 * counts the roll, and each step read the same meeting and the same roster again: four to five
 * rosters of 36 members, each with its personal data decrypted, for one meeting page. The memo keeps
 * the first read in the request's attributes, so it ends with the request and no other request, node
 * or background thread ever sees it. Outside a web request every call reads afresh.
 *
 * <p>Only values that the request itself does not change belong here, or the writer must
 * {@linkplain #forget forget} the value when it changes it.
 */
public final class RequestMemo {

    private static final String PREFIX = RequestMemo.class.getName() + ".";

    private RequestMemo() {
    }

    /** Returns the value read earlier in this request under the key, or reads it now and keeps it. */
    @SuppressWarnings("unchecked")
    public static <T> T get(String key, Supplier<T> read) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return read.get();
        }
        Object kept = request.getAttribute(PREFIX + key, RequestAttributes.SCOPE_REQUEST);
        if (kept != null) {
            return (T) kept;
        }
        T value = read.get();
        if (value != null) {
            request.setAttribute(PREFIX + key, value, RequestAttributes.SCOPE_REQUEST);
        }
        return value;
    }

    /** Drops the value kept under the key, so that the next read in this request goes to the source. */
    public static void forget(String key) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.removeAttribute(PREFIX + key, RequestAttributes.SCOPE_REQUEST);
        }
    }
}
