package vn.chibo.system;

import java.io.IOException;

/**
 * A request body that grew past the limit while it was read, such as a chunked JSON body without a
 * {@code Content-Length}. The error handling responds with 413.
 */
class RequestBodyTooLarge extends IOException {

    RequestBodyTooLarge(long limitBytes) {
        super("The request body exceeds " + limitBytes + " bytes");
    }
}
