package vn.chibo.account;

import org.springframework.http.HttpStatus;

import vn.chibo.system.DomainException;

/** A TOTP or recovery code that is wrong, was used already, or belongs to a time step too far from now. */
public final class WrongSecondFactor extends DomainException {

    WrongSecondFactor() {
        super("account.secondFactor.error.wrong");
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.UNAUTHORIZED;
    }

    @Override
    public String problemType() {
        return SecondFactorProblems.CODE_INVALID;
    }
}
