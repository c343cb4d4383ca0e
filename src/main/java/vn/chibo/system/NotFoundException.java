package vn.chibo.system;

import org.springframework.http.HttpStatus;

/**
 * A resource that does not exist or that the user may not see. Both answer 404, so that a member of
 * one cell cannot even learn that another cell's meeting exists.
 */
public class NotFoundException extends DomainException {

    public NotFoundException(String messageKey, Object... messageArguments) {
        super(messageKey, messageArguments);
    }

    /** Returns the exception for a resource hidden from, or unknown to, the current user. */
    public static NotFoundException hidden() {
        return new NotFoundException("error.notFound");
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.NOT_FOUND;
    }
}
