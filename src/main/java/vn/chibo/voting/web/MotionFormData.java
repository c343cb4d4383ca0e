package vn.chibo.voting.web;

import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.chibo.voting.MotionRequest;

/**
 * The forms that open a vote: a vote for or against, an election, or a discipline vote.
 *
 * @param kind the name of a {@code MotionKind}
 * @param method the name of a {@code VotingMethod}; elections and discipline votes send none
 * @param applicantName the applicant's name, for an admission vote
 * @param probationaryMember the id of the member to recognize as official, for a recognition vote
 * @param disciplinedMember the id of the member a discipline vote is about
 * @param seats how many an election elects
 * @param candidates the ids of an election's candidates
 * @param penalties the names of the penalties on a discipline ballot
 */
public record MotionFormData(@Nullable String title, @Nullable String kind, @Nullable String method,
        @Nullable String applicantName, @Nullable String probationaryMember, @Nullable String disciplinedMember,
        @Nullable String seats, @Nullable List<String> candidates, @Nullable List<String> penalties) {

    static MotionFormData suggested(String title) {
        return new MotionFormData(title, "RESOLUTION", "ELECTRONIC", null, null, null, "1", List.of(),
                List.of("REPRIMAND", "WARNING"));
    }

    MotionRequest toRequest() {
        return MotionRequest.parse(kind, method, title, applicantName, probationaryMember, disciplinedMember, seats,
                candidates == null ? List.of() : candidates, penalties == null ? List.of() : penalties);
    }

    /** Returns whether the form opens an election or a discipline vote, whose forms are apart from the others. */
    public boolean isListKind() {
        return "ELECTION".equals(kind) || "DISCIPLINE".equals(kind);
    }

    public boolean hasCandidate(String id) {
        return candidates != null && candidates.contains(id);
    }

    public boolean hasPenalty(String name) {
        return penalties != null && penalties.contains(name);
    }
}
