package vn.chibo.voting;

import org.jspecify.annotations.Nullable;

/**
 * What one round of an election fills.
 *
 * @param seats the seats this round fills: those of the election in the first round, those left over after
 * @param round which round it is
 * @param firstRound the first round of the same election, or null when this is the first round
 */
public record ElectionSeats(int seats, ElectionRound round, @Nullable MotionId firstRound) {
}
