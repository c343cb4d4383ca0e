package vn.chibo.account;

import org.springframework.http.HttpStatus;

import vn.chibo.system.DomainException;

/** A token request with the right password but no code, from an account that has a second factor. */
public final class SecondFactorRequired extends DomainException {

    SecondFactorRequired() {
        super("account.api.codeRequired");
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.UNAUTHORIZED;
    }

    @Override
    public String problemType() {
        return SecondFactorProblems.CODE_REQUIRED;
    }
}
