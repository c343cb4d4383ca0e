package vn.chibo.operations;

/** A backup archive that restore rejects: damaged, incomplete, or aimed at a target that is not empty. */
public class BackupRejected extends RuntimeException {

    public BackupRejected(String message) {
        super(message);
    }
}
