package vn.chibo.system;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Opens and closes the {@link RequestMemo} of the request bound to the test's thread, as the filter does. */
public final class RequestMemos {

    private RequestMemos() {
    }

    public static void open() {
        RequestMemo.open(request());
    }

    public static void close() {
        RequestMemo.close(request());
    }

    private static jakarta.servlet.http.HttpServletRequest request() {
        return ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
    }
}
