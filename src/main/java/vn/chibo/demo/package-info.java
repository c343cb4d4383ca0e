/**
 * The fictional commune that demo mode loads into an empty database: a commune committee, a village
 * cell of 36 members, a small second cell, and demo accounts for the main roles.
 */
@NullMarked
package vn.chibo.demo;

import org.jspecify.annotations.NullMarked;
