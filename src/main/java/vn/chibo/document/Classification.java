package vn.chibo.document;

/**
 * How widely a document may travel (rule 13). Secret levels (Mật, Tối mật, Tuyệt mật) are not among
 * them: such documents must never be put on a system connected to the Internet, so they are refused.
 */
public enum Classification {

    /** May be read by anyone it was issued to and kept by them as they like. */
    PUBLIC,

    /** "Lưu hành nội bộ": read only inside the party; every copy served is watermarked and logged. */
    INTERNAL
}
