package vn.chibo.system;

import org.springframework.http.HttpStatus;

/**
 * A failure of a domain rule that the user can understand: it carries a message key (resolved in
 * the user's language by the error handling) and the HTTP status it maps to. Subclasses are named
 * as facts, such as {@code MeetingAlreadyClosed}.
 */
public abstract class DomainException extends RuntimeException {

    private final String messageKey;
    private final Object[] messageArguments;

    protected DomainException(String messageKey, Object... messageArguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.messageArguments = messageArguments.clone();
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] messageArguments() {
        return messageArguments.clone();
    }

    /** Returns the HTTP status a web request that failed with this exception answers with. */
    public abstract HttpStatus status();

    /**
     * Returns the {@code type} of the API's problem details: {@code about:blank} when the status alone
     * identifies the error, or a URI of this product for an error a client must tell apart from others
     * with the same status.
     */
    public String problemType() {
        return ApiProblems.DEFAULT_TYPE;
    }
}
