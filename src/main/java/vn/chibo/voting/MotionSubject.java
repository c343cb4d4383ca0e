package vn.chibo.voting;

import org.jspecify.annotations.Nullable;

import vn.chibo.member.MemberId;

/**
 * The person a motion decides about.
 *
 * @param memberId the member record for a recognition vote, or null for an applicant not yet on the roster
 * @param fullName the name as it stood when the vote opened, which the minutes keep
 */
public record MotionSubject(@Nullable MemberId memberId, String fullName) {
}
