package vn.chibo.document;

import org.springframework.http.HttpStatus;

import vn.chibo.system.DomainException;

/**
 * The file store has no space left for an upload. Nothing of the upload is kept. The status is 507
 * (Insufficient Storage) rather than 413: the file is within the size limit, and the server, not the
 * client, must change before the same upload can succeed.
 */
public class FileStoreFull extends DomainException {

    FileStoreFull(String uploadedName) {
        super("document.error.storeFull", uploadedName);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.INSUFFICIENT_STORAGE;
    }
}
