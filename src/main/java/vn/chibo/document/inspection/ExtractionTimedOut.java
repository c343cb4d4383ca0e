package vn.chibo.document.inspection;

import java.io.IOException;

/** A document whose text takes longer to extract than the limit allows. */
public class ExtractionTimedOut extends IOException {

    ExtractionTimedOut(String message) {
        super(message);
    }
}
