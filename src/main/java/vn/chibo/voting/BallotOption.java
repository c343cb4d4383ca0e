package vn.chibo.voting;

import org.jspecify.annotations.Nullable;

import vn.chibo.member.MemberId;

/**
 * One line of an election or discipline ballot.
 *
 * @param position the line's number on the ballot, from 1, which ballots refer to
 * @param label the candidate's full name as it stood when the vote opened, or the penalty's name
 * @param memberId the candidate, for an election
 * @param penalty the penalty, for a discipline vote
 */
public record BallotOption(int position, String label, @Nullable MemberId memberId, @Nullable Penalty penalty) {
}
