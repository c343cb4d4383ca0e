package vn.chibo.document.inspection;

import java.io.IOException;

/** A part of a file that unpacks to more than the limits allow. */
public class DecompressionBomb extends IOException {

    DecompressionBomb(String message) {
        super(message);
    }
}
