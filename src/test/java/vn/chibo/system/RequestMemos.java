package vn.chibo.system;

/** Opens and closes the {@link RequestMemo} on the test's thread, as the filter does for a request. */
public final class RequestMemos {

    private RequestMemos() {
    }

    public static void open() {
        RequestMemo.open();
    }

    public static void close() {
        RequestMemo.close();
    }
}
