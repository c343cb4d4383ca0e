package vn.chibo.api;

import org.springframework.http.HttpStatus;

import vn.chibo.system.DomainException;

/** A date window of a list request that cannot be read, ends before it starts, or spans too long. */
final class InvalidDateRange extends DomainException {

    InvalidDateRange(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.BAD_REQUEST;
    }
}
