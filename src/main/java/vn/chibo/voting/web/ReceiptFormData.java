package vn.chibo.voting.web;

import org.jspecify.annotations.Nullable;

/** The receipt code a voter types back to check their secret ballot. */
public record ReceiptFormData(@Nullable String code) {
}
