/**
 * The installable offline app (progressive web app): the web app manifest and its icons, the service
 * worker at {@code /sw.js}, and the list of pages each signed-in account keeps for reading without a
 * connection, which other modules fill through {@link vn.chibo.offline.OfflineContent}.
 */
@NullMarked
package vn.chibo.offline;

import org.jspecify.annotations.NullMarked;
