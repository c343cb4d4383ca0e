package vn.chibo.voting;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

import vn.chibo.member.MemberId;

/**
 * What the chair asks to put to the vote.
 *
 * @param title the text of the motion; for a vote on a person it may be blank, and a title naming the person is used
 * @param applicantName the applicant's full name, for an admission vote only
 * @param probationaryMember the probationary member of the cell, for a recognition vote only
 */
public record MotionRequest(MotionKind kind, VotingMethod method, @Nullable String title,
        @Nullable String applicantName, @Nullable MemberId probationaryMember) {

    /**
     * Reads a request from form or API text: kind and method by name, the member by id. A blank kind
     * or method stands for an electronic vote on a resolution.
     */
    public static MotionRequest parse(@Nullable String kind, @Nullable String method, @Nullable String title,
            @Nullable String applicantName, @Nullable String probationaryMember) {
        MotionKind parsedKind = blank(kind) ? MotionKind.RESOLUTION : Arrays.stream(MotionKind.values())
                .filter(each -> each.name().equals(kind))
                .findFirst()
                .orElseThrow(() -> new InvalidMotion("voting.error.kindInvalid"));
        VotingMethod parsedMethod = blank(method) ? VotingMethod.ELECTRONIC : Arrays.stream(VotingMethod.values())
                .filter(each -> each.name().equals(method))
                .findFirst()
                .orElseThrow(() -> new InvalidMotion("voting.error.methodInvalid"));
        MemberId member = null;
        if (!blank(probationaryMember)) {
            try {
                member = MemberId.of(Long.parseLong(probationaryMember.strip()));
            }
            catch (NumberFormatException notAnId) {
                throw new InvalidMotion("voting.error.notProbationary");
            }
        }
        return new MotionRequest(parsedKind, parsedMethod, title, applicantName, member);
    }

    private static boolean blank(@Nullable String text) {
        return text == null || text.isBlank();
    }

    public MotionRequest withTitle(@Nullable String newTitle) {
        return new MotionRequest(kind, method, newTitle, applicantName, probationaryMember);
    }

    /** An electronic vote on a resolution, the usual motion of a meeting. */
    public static MotionRequest resolution(@Nullable String title) {
        return new MotionRequest(MotionKind.RESOLUTION, VotingMethod.ELECTRONIC, title, null, null);
    }
}
