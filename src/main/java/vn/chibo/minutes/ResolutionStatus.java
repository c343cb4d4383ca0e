package vn.chibo.minutes;

public enum ResolutionStatus {
    /** Drafted from the meeting and open to edits by those who run the cell. */
    DRAFT,
    /** Issued with its number and date; the text no longer changes. */
    ISSUED
}
