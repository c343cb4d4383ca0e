package vn.chibo.member.importing;

import static vn.chibo.member.importing.TextRosterReader.startsWith;

/**
 * Reads an uploaded roster by its content, not by its file name: a workbook by its zip or OLE2
 * signature, text otherwise. Files that are plainly something else (a PDF, a photo, a binary file)
 * are rejected with a message that names what they are.
 */
final class RosterFileReader {

    /** Text files hold no NUL byte; the first bytes are enough to tell. */
    private static final int SNIFFED_BYTES = 8192;

    private RosterFileReader() {
    }

    /**
     * Reads a roster file.
     *
     * @param maxRows the most data rows the roster may hold; the limits on the rows and cells a file
     *        may have, blank ones included, follow from it (see {@link RosterTable})
     * @throws NotARoster when the file is no roster or goes beyond a limit
     */
    static RawRoster read(byte[] content, int maxRows) {
        if (content.length == 0) {
            throw NotARoster.empty();
        }
        if (startsWith(content, 0x50, 0x4B, 0x03, 0x04)) {
            return XlsxRosterReader.read(content, maxRows);
        }
        if (startsWith(content, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            return XlsRosterReader.read(content, maxRows);
        }
        if (startsWith(content, '%', 'P', 'D', 'F')) {
            throw new NotARoster("member.import.error.pdf");
        }
        if (isImage(content)) {
            throw new NotARoster("member.import.error.image");
        }
        boolean utf16 = startsWith(content, 0xFF, 0xFE) || startsWith(content, 0xFE, 0xFF);
        if (!utf16 && hasNulByte(content)) {
            throw new NotARoster("member.import.error.binary");
        }
        return TextRosterReader.read(content, maxRows);
    }

    private static boolean isImage(byte[] content) {
        return startsWith(content, 0x89, 'P', 'N', 'G')
                || startsWith(content, 0xFF, 0xD8, 0xFF)
                || startsWith(content, 'G', 'I', 'F', '8')
                || startsWith(content, 'R', 'I', 'F', 'F') && content.length > 12 && content[8] == 'W'
                        && content[9] == 'E' && content[10] == 'B' && content[11] == 'P'
                // An ISO media file: the HEIC photos of recent phones, or a video.
                || content.length > 8 && content[4] == 'f' && content[5] == 't' && content[6] == 'y'
                        && content[7] == 'p';
    }

    private static boolean hasNulByte(byte[] content) {
        for (int i = 0; i < Math.min(content.length, SNIFFED_BYTES); i++) {
            if (content[i] == 0) {
                return true;
            }
        }
        return false;
    }
}
