/**
 * Notices to members and supervising officers about meetings that were announced, changed or called
 * off: the in-app notification centre with its unread count, and e-mail when SMTP is configured.
 */
@NullMarked
package vn.chibo.notification;

import org.jspecify.annotations.NullMarked;
