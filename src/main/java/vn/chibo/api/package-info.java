/**
 * The JSON API under {@code /api/v1} for the mobile handbook app: bearer tokens, the signed-in
 * person, the rosters of the cells that person may see, the opinions on meetings, and the votes of
 * meetings with the person's ballot, described by OpenAPI.
 */
@NullMarked
package vn.chibo.api;

import org.jspecify.annotations.NullMarked;
