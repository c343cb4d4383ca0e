package vn.chibo.document.inspection;

import java.io.IOException;

/** A document that is encrypted, so its text cannot be read and no watermark can be added. */
public class EncryptedDocument extends IOException {

    EncryptedDocument(String message) {
        super(message);
    }
}
