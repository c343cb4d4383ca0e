/**
 * Operations: backups of the database and the file store, and the operator commands that verify the
 * audit chain, back up and restore.
 */
@NullMarked
package vn.chibo.operations;

import org.jspecify.annotations.NullMarked;
