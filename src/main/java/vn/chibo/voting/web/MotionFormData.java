package vn.chibo.voting.web;

import org.jspecify.annotations.Nullable;

import vn.chibo.voting.MotionRequest;

/**
 * The form that opens a vote.
 *
 * @param kind the name of a {@code MotionKind}
 * @param method the name of a {@code VotingMethod}
 * @param applicantName the applicant's name, for an admission vote
 * @param probationaryMember the id of the member to recognize as official, for a recognition vote
 */
public record MotionFormData(@Nullable String title, @Nullable String kind, @Nullable String method,
        @Nullable String applicantName, @Nullable String probationaryMember) {

    static MotionFormData suggested(String title) {
        return new MotionFormData(title, "RESOLUTION", "ELECTRONIC", null, null);
    }

    MotionRequest toRequest() {
        return MotionRequest.parse(kind, method, title, applicantName, probationaryMember);
    }
}
