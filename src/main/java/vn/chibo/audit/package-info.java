/**
 * The audit trail: who changed what, written in the same transaction as the change.
 */
@NullMarked
package vn.chibo.audit;

import org.jspecify.annotations.NullMarked;
