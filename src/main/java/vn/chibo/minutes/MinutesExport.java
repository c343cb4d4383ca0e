package vn.chibo.minutes;

import org.springframework.stereotype.Component;

/**
 * Lays out minutes and resolutions in their printed form and writes them as PDF, to print and read,
 * or DOCX, to rework.
 */
@Component
public class MinutesExport {

    private final MinutesLayout.Builder layouts;
    private final MinutesPdf pdf;
    private final MinutesDocx docx;

    MinutesExport(MinutesLayout.Builder layouts, MinutesPdf pdf, MinutesDocx docx) {
        this.layouts = layouts;
        this.pdf = pdf;
        this.docx = docx;
    }

    /** Returns the printed form of the minutes, which the minutes page also draws. */
    public MinutesLayout layout(Minutes minutes) {
        return layouts.of(minutes);
    }

    public byte[] pdf(Minutes minutes) {
        return pdf.write(layouts.of(minutes), name(minutes));
    }

    public byte[] docx(Minutes minutes) {
        return docx.write(layouts.of(minutes), name(minutes));
    }

    /** Returns the printed form of the resolution, which the resolution page also draws. */
    public MinutesLayout layout(Resolution resolution) {
        return layouts.of(resolution);
    }

    public byte[] pdf(Resolution resolution) {
        return pdf.write(layouts.of(resolution), name(resolution));
    }

    public byte[] docx(Resolution resolution) {
        return docx.write(layouts.of(resolution), name(resolution));
    }

    private static String name(Minutes minutes) {
        return "minutes " + minutes.id() + " (version " + minutes.versionNo() + ")";
    }

    private static String name(Resolution resolution) {
        return "resolution " + resolution.id();
    }
}
