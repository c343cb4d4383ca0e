/**
 * The JSON API under {@code /api/v1} for the mobile handbook app: bearer tokens, the signed-in
 * person, the rosters of the cells that person may see, the opinions and speaker lists of meetings, check-in to
 * meetings, the votes of meetings with the person's ballot, and the minutes and resolutions of
 * meetings, described by OpenAPI.
 */
@NullMarked
package vn.chibo.api;

import org.jspecify.annotations.NullMarked;
