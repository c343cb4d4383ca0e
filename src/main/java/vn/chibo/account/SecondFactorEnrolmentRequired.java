package vn.chibo.account;

import org.springframework.http.HttpStatus;

import vn.chibo.system.DomainException;

/** A request of an account whose roles require a second factor that it has not set up yet. */
public final class SecondFactorEnrolmentRequired extends DomainException {

    SecondFactorEnrolmentRequired() {
        super("account.api.enrolmentRequired");
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.FORBIDDEN;
    }

    @Override
    public String problemType() {
        return SecondFactorProblems.ENROLMENT_REQUIRED;
    }
}
