package vn.chibo.account;

/** The problem types of the API's second-factor errors, which a client tells apart by type. */
public final class SecondFactorProblems {

    /** The password was right, and the account must also send a code (TOTP or recovery code). */
    public static final String CODE_REQUIRED = "urn:chibo:problem:second-factor-required";

    /** The code sent with the password was wrong, already used, or not valid now. */
    public static final String CODE_INVALID = "urn:chibo:problem:second-factor-invalid";

    /** The account's roles require a second factor that it has not set up yet on the website. */
    public static final String ENROLMENT_REQUIRED = "urn:chibo:problem:second-factor-enrolment-required";

    private SecondFactorProblems() {
    }
}
