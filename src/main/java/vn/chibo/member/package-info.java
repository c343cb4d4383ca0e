/**
 * The roster of each cell: member records with their membership and activity status, the import of
 * rosters as cells keep them (CSV and Excel), and the issue of sign-in accounts to members.
 */
@NullMarked
package vn.chibo.member;

import org.jspecify.annotations.NullMarked;
