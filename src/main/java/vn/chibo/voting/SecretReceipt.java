package vn.chibo.voting;

/**
 * The result of a secret ballot: its receipt code, and whether this request stored the ballot or
 * repeated a request that had (the same confirmation form sent again).
 */
public record SecretReceipt(ReceiptCode code, boolean repeated) {
}
