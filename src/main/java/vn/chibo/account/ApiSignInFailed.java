package vn.chibo.account;

import org.springframework.http.HttpStatus;

import vn.chibo.system.DomainException;

/**
 * A token request with a wrong user name or password, or for a disabled account. All three answer
 * alike, so that the answer does not tell which accounts exist.
 */
public final class ApiSignInFailed extends DomainException {

    ApiSignInFailed() {
        super("account.login.failed");
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.UNAUTHORIZED;
    }
}
