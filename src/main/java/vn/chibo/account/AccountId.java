package vn.chibo.account;

import java.io.Serializable;

/** The id of a sign-in account; serializable because sessions in the database hold it. */
public record AccountId(long value) implements Serializable {

    public static AccountId of(long value) {
        return new AccountId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
