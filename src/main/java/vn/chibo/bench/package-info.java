/**
 * What the benchmarks under {@code bench/} need inside the product, active only with the {@code bench}
 * profile: a generated data set of cells with their members, accounts and draft meetings, and a no-op
 * endpoint that gives the cost of a request without the product's own work.
 */
@NullMarked
package vn.chibo.bench;

import org.jspecify.annotations.NullMarked;
