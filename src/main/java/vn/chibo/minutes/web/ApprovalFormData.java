package vn.chibo.minutes.web;

import org.jspecify.annotations.Nullable;

/** An approval, naming the version of the minutes the signatory read. */
public record ApprovalFormData(@Nullable Integer version) {
}
