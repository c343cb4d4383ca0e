/**
 * Members' rights over their personal data: the export of their own data, the list of who read
 * their profile, correction requests, and the retention job that deletes or anonymises data past
 * its period.
 */
@NullMarked
package vn.chibo.privacy;

import org.jspecify.annotations.NullMarked;
