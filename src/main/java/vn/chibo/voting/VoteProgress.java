package vn.chibo.voting;

/**
 * How far an open vote has come, without saying how anyone voted: safe to show on every page and
 * the projector. The count of voters never goes down, because a cast ballot is never removed.
 *
 * @param voted the members who have cast a ballot
 * @param eligible the eligible voters present now, counting every member who has voted
 */
public record VoteProgress(int voted, int eligible) {
}
