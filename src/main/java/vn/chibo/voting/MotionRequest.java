package vn.chibo.voting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.chibo.member.MemberId;

/**
 * What the chair asks to put to the vote.
 *
 * @param title the text of the motion; for a vote on a person it may be blank, and a title naming the person is used
 * @param applicantName the applicant's full name, for an admission vote only
 * @param probationaryMember the probationary member of the cell, for a recognition vote only
 * @param disciplinedMember the member of the cell a discipline vote is about
 * @param seats how many of the candidates an election elects
 * @param candidates the candidates of an election, in ballot order
 * @param penalties the penalties on a discipline ballot; they are listed from the lightest whatever their order here
 */
public record MotionRequest(MotionKind kind, VotingMethod method, @Nullable String title,
        @Nullable String applicantName, @Nullable MemberId probationaryMember, @Nullable MemberId disciplinedMember,
        @Nullable Integer seats, List<MemberId> candidates, List<Penalty> penalties) {

    /** The largest number of seats one election fills. */
    static final int MAX_SEATS = 50;

    public MotionRequest {
        candidates = List.copyOf(candidates);
        penalties = List.copyOf(penalties);
    }

    /** A request for a vote for, against or abstain. */
    public MotionRequest(MotionKind kind, VotingMethod method, @Nullable String title, @Nullable String applicantName,
            @Nullable MemberId probationaryMember) {
        this(kind, method, title, applicantName, probationaryMember, null, null, List.of(), List.of());
    }

    /**
     * Reads a request from form or API text: kind and method by name, the member by id. A blank kind
     * or method stands for an electronic vote on a resolution.
     */
    public static MotionRequest parse(@Nullable String kind, @Nullable String method, @Nullable String title,
            @Nullable String applicantName, @Nullable String probationaryMember) {
        return parse(kind, method, title, applicantName, probationaryMember, null, null, List.of(), List.of());
    }

    /**
     * Reads a request of any kind from form or API text. A blank kind stands for a resolution; a blank
     * method for a secret ballot in an election or discipline vote and an electronic vote otherwise.
     * Elections and discipline votes are always secret, and another method is refused.
     */
    public static MotionRequest parse(@Nullable String kind, @Nullable String method, @Nullable String title,
            @Nullable String applicantName, @Nullable String probationaryMember, @Nullable String disciplinedMember,
            @Nullable String seats, List<String> candidates, List<String> penalties) {
        MotionKind parsedKind = blank(kind) ? MotionKind.RESOLUTION : Arrays.stream(MotionKind.values())
                .filter(each -> each.name().equals(kind))
                .findFirst()
                .orElseThrow(() -> new InvalidMotion("voting.error.kindInvalid"));
        VotingMethod defaultMethod = parsedKind.listsOptions() ? VotingMethod.SECRET : VotingMethod.ELECTRONIC;
        VotingMethod parsedMethod = blank(method) ? defaultMethod : Arrays.stream(VotingMethod.values())
                .filter(each -> each.name().equals(method))
                .findFirst()
                .orElseThrow(() -> new InvalidMotion("voting.error.methodInvalid"));
        if (parsedKind.listsOptions() && parsedMethod != VotingMethod.SECRET) {
            throw new InvalidMotion("voting.error.secretRequired");
        }
        return new MotionRequest(parsedKind, parsedMethod, title, applicantName,
                memberId(probationaryMember, "voting.error.notProbationary"),
                memberId(disciplinedMember, "voting.error.disciplinedMemberInvalid"), seatsOf(parsedKind, seats),
                candidatesOf(candidates), penaltiesOf(penalties));
    }

    private static @Nullable MemberId memberId(@Nullable String text, String invalidKey) {
        if (blank(text)) {
            return null;
        }
        try {
            return MemberId.of(Long.parseLong(text.strip()));
        }
        catch (NumberFormatException notAnId) {
            throw new InvalidMotion(invalidKey);
        }
    }

    private static @Nullable Integer seatsOf(MotionKind kind, @Nullable String text) {
        if (kind != MotionKind.ELECTION) {
            return null;
        }
        try {
            int seats = Integer.parseInt(blank(text) ? "" : text.strip());
            if (seats >= 1 && seats <= MAX_SEATS) {
                return seats;
            }
        }
        catch (NumberFormatException notANumber) {
            // Falls through to the same message as a number out of range.
        }
        throw new InvalidMotion("voting.error.seatsInvalid", MAX_SEATS);
    }

    private static List<MemberId> candidatesOf(List<String> texts) {
        var ids = new ArrayList<MemberId>();
        for (String text : texts) {
            if (blank(text)) {
                continue;
            }
            MemberId id = memberId(text, "voting.error.candidateInvalid");
            if (ids.contains(id)) {
                throw new InvalidMotion("voting.error.candidateTwice");
            }
            ids.add(id);
        }
        return ids;
    }

    private static List<Penalty> penaltiesOf(List<String> texts) {
        var penalties = new ArrayList<Penalty>();
        for (String text : texts) {
            if (blank(text)) {
                continue;
            }
            Penalty penalty = Penalty.parse(text.strip()).orElseThrow(() -> new InvalidMotion(
                    "voting.error.penaltyInvalid"));
            if (!penalties.contains(penalty)) {
                penalties.add(penalty);
            }
        }
        return penalties;
    }

    private static boolean blank(@Nullable String text) {
        return text == null || text.isBlank();
    }

    public MotionRequest withTitle(@Nullable String newTitle) {
        return new MotionRequest(kind, method, newTitle, applicantName, probationaryMember, disciplinedMember, seats,
                candidates, penalties);
    }

    /** An electronic vote on a resolution, the usual motion of a meeting. */
    public static MotionRequest resolution(@Nullable String title) {
        return new MotionRequest(MotionKind.RESOLUTION, VotingMethod.ELECTRONIC, title, null, null);
    }
}
