package vn.chibo.account;

/** The id of a sign-in account. */
public record AccountId(long value) {

    public static AccountId of(long value) {
        return new AccountId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
