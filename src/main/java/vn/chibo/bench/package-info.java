/**
 * Support for the benchmarks under {@code bench/}, active only with the {@code bench} profile. It
 * generates a data set of cells with their members, accounts and draft meetings, and serves a no-op
 * endpoint that gives the cost of a request without the product's own work.
 */
@NullMarked
package vn.chibo.bench;

import org.jspecify.annotations.NullMarked;
