/**
 * Sign-in accounts, the roles they hold in each organization, and the checks that every request
 * passes: who is acting ({@link vn.chibo.account.Actor}) and what they may see ({@link vn.chibo.account.CellAccess}).
 */
@NullMarked
package vn.chibo.account;

import org.jspecify.annotations.NullMarked;
