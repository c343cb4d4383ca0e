package vn.chibo.system;

import java.time.Duration;

import org.springframework.http.HttpStatus;

/**
 * A request refused for a while because too many came before it, such as sign-ins after repeated
 * wrong passwords. The response tells the client when to try again (the {@code Retry-After} header).
 */
public class TooManyRequestsException extends DomainException {

    private final Duration retryAfter;

    public TooManyRequestsException(Duration retryAfter, String messageKey, Object... messageArguments) {
        super(messageKey, messageArguments);
        this.retryAfter = retryAfter.isNegative() ? Duration.ZERO : retryAfter;
    }

    /** Returns how long the client should wait before it tries again. */
    public Duration retryAfter() {
        return retryAfter;
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.TOO_MANY_REQUESTS;
    }
}
