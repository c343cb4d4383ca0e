/**
 * The tree of party organizations: committees, the cells below them and optional party groups.
 */
@NullMarked
package vn.chibo.organization;

import org.jspecify.annotations.NullMarked;
