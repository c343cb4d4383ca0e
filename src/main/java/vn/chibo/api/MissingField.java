package vn.chibo.api;

import org.springframework.http.HttpStatus;

import vn.chibo.system.DomainException;

/** A request body without a value that the endpoint needs. */
final class MissingField extends DomainException {

    MissingField(String field) {
        super("error.missingParameter", field);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.BAD_REQUEST;
    }
}
