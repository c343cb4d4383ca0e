package vn.chibo.document;

/** The kinds of document a party library holds, as the party's own document rules name them. */
public enum DocumentKind {

    /** Nghị quyết. */
    RESOLUTION,

    /** Chỉ thị. */
    DIRECTIVE,

    /** Kết luận. */
    CONCLUSION,

    /** Hướng dẫn. */
    GUIDANCE,

    /** Kế hoạch. */
    PLAN,

    /** Báo cáo. */
    REPORT,

    /** Thông báo. */
    NOTICE,

    /** Tài liệu học tập, sinh hoạt chuyên đề. */
    STUDY_MATERIAL,

    OTHER
}
