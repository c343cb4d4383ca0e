package vn.chibo.offline;

import java.util.List;

import vn.chibo.account.Actor;

/**
 * A module's pages and files that a signed-in account keeps on its device for reading offline. The
 * service worker fetches each path with the account's own session, so every copy passes through the
 * module's normal authorization; an implementation still lists only what the actor may open, because a
 * path that fails would be fetched, and refused, on every refresh.
 */
public interface OfflineContent {

    /**
     * The request header, with the value {@value #SAVING}, on the service worker's fetches that save a
     * copy. A module that counts reads (such as read receipts of documents) must not count these, because
     * the member has not opened anything yet.
     */
    String SAVE_HEADER = "X-Chibo-Offline";

    String SAVING = "save";

    /**
     * The maximum size of a file kept offline, 5 MB. The service worker saves in the background, often
     * over prepaid mobile data, and a member rarely reads a longer document on a phone. A larger file
     * stays readable online.
     */
    long MAX_FILE_BYTES = 5L * 1024 * 1024;

    /**
     * Returns the paths to keep, each starting with "/" and without host, such as {@code /meetings/12}.
     * Pages and files of the same origin only: the service worker ignores anything else.
     */
    List<String> pathsFor(Actor actor);
}
