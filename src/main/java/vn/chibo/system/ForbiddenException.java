package vn.chibo.system;

import org.springframework.http.HttpStatus;

/**
 * An action on a resource that the user may see but not change, such as a plain member opening the
 * roll call of their own cell's meeting.
 */
public class ForbiddenException extends DomainException {

    public ForbiddenException(String messageKey, Object... messageArguments) {
        super(messageKey, messageArguments);
    }

    /** Returns the exception for an action the user's roles do not allow. */
    public static ForbiddenException notAllowed() {
        return new ForbiddenException("error.forbidden");
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.FORBIDDEN;
    }
}
