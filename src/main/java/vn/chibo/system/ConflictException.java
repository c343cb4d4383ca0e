package vn.chibo.system;

import org.springframework.http.HttpStatus;

/** A request that the current state of a resource does not allow, such as a ballot after the vote closed. */
public class ConflictException extends DomainException {

    public ConflictException(String messageKey, Object... messageArguments) {
        super(messageKey, messageArguments);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.CONFLICT;
    }
}
