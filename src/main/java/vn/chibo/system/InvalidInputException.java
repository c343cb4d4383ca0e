package vn.chibo.system;

import org.springframework.http.HttpStatus;

/** Input that breaks a rule of the domain, such as an end time before the start. */
public class InvalidInputException extends DomainException {

    public InvalidInputException(String messageKey, Object... messageArguments) {
        super(messageKey, messageArguments);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.UNPROCESSABLE_CONTENT;
    }
}
