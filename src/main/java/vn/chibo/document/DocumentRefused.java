package vn.chibo.document;

import vn.chibo.system.InvalidInputException;

/**
 * An uploaded file that is not accepted as a document. Its message key ({@code document.refused.*})
 * states what is wrong and what to do. Nothing of the file is kept by whoever refuses it.
 */
public class DocumentRefused extends InvalidInputException {

    /**
     * @param messageKey a key under {@code document.refused.} in {@code messages/document*.properties}
     */
    public DocumentRefused(String messageKey, Object... messageArguments) {
        super(messageKey, messageArguments);
    }

    /**
     * Returns the refusal for a document that its uploader declares secret (Mật, Tối mật or Tuyệt
     * mật), with the same explanation of the law as for a document stamped so.
     */
    public static DocumentRefused secretDeclared() {
        return new DocumentRefused("document.refused.secretDeclared");
    }
}
