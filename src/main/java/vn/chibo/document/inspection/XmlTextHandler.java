package vn.chibo.document.inspection;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Collects the text of an office document's XML part as a SAX handler, following the rules of one
 * format. Elements are named as {@code "namespace-uri local-name"}.
 */
final class XmlTextHandler extends DefaultHandler {

    static final String WORD = "http://schemas.openxmlformats.org/wordprocessingml/2006/main ";
    static final String SHEET = "http://schemas.openxmlformats.org/spreadsheetml/2006/main ";
    static final String TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0 ";
    static final String TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0 ";
    static final String STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0 ";
    static final String OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0 ";

    /**
     * The rules of one format.
     *
     * @param text the elements whose character data is text, or null for the character data of every element
     * @param scope the elements outside which nothing is collected, or null for the whole part
     * @param paragraphs the elements whose end ends a paragraph
     * @param spaces the elements that stand for a space, such as tabs and line breaks
     * @param pageBreaks the elements that start a new page
     */
    record Rules(@Nullable Set<String> text, @Nullable Set<String> scope, Set<String> paragraphs, Set<String> spaces,
            Set<String> pageBreaks) {
    }

    static final Rules DOCX = new Rules(Set.of(WORD + "t"), null, Set.of(WORD + "p"),
            Set.of(WORD + "tab", WORD + "br", WORD + "cr"), Set.of(WORD + "lastRenderedPageBreak"));
    static final Rules XLSX_STRINGS = new Rules(Set.of(SHEET + "t"), null, Set.of(SHEET + "si"), Set.of(), Set.of());
    static final Rules ODT = new Rules(null, Set.of(OFFICE + "body"), Set.of(TEXT + "p", TEXT + "h"),
            Set.of(TEXT + "s", TEXT + "tab", TEXT + "line-break"), Set.of(TEXT + "soft-page-break"));
    static final Rules ODS = new Rules(null, Set.of(OFFICE + "body"), Set.of(TEXT + "p", TEXT + "h"),
            Set.of(TEXT + "s", TEXT + "tab", TEXT + "line-break"), Set.of(TABLE + "table"));
    static final Rules ODF_HEADERS = new Rules(null, Set.of(STYLE + "header", STYLE + "header-first"),
            Set.of(TEXT + "p", TEXT + "h"), Set.of(TEXT + "s", TEXT + "tab", TEXT + "line-break"), Set.of());

    private final Rules rules;
    private final TextCollector text;
    private final @Nullable TextCollector firstPage;
    private final Deque<String> open = new ArrayDeque<>();
    private int scopeDepth;
    private int textDepth;
    private boolean firstPageDone;

    /**
     * @param text where the whole text goes
     * @param firstPage where the text before the first page break goes, or null
     */
    XmlTextHandler(Rules rules, TextCollector text, @Nullable TextCollector firstPage) {
        this.rules = rules;
        this.text = text;
        this.firstPage = firstPage;
    }

    @Override
    public void startElement(String uri, String localName, String qualifiedName, Attributes attributes)
            throws SAXException {
        String name = uri + " " + localName;
        open.push(name);
        if (rules.scope() != null && rules.scope().contains(name)) {
            scopeDepth++;
        }
        if (!inScope()) {
            return;
        }
        if (rules.text() != null && rules.text().contains(name)) {
            textDepth++;
        }
        // A sheet of an ODS ends the first "page" where it ends, not where it starts.
        boolean pageBreak = rules.pageBreaks().contains(name) && !(TABLE + "table").equals(name)
                || (WORD + "br").equals(name) && "page".equals(attributes.getValue(WORD.strip(), "type"));
        if (pageBreak) {
            firstPageDone = true;
        }
        if (rules.spaces().contains(name)) {
            text.space();
            if (collectsFirstPage()) {
                firstPage.space();
            }
        }
    }

    @Override
    public void endElement(String uri, String localName, String qualifiedName) throws SAXException {
        String name = open.pop();
        if (inScope()) {
            if (rules.text() != null && rules.text().contains(name)) {
                textDepth--;
            }
            if (rules.paragraphs().contains(name)) {
                text.endParagraph();
                if (collectsFirstPage()) {
                    firstPage.endParagraph();
                }
            }
            if ((TABLE + "table").equals(name) && rules.pageBreaks().contains(name)) {
                firstPageDone = true;
            }
        }
        if (rules.scope() != null && rules.scope().contains(name)) {
            scopeDepth--;
        }
        if (text.isFull() && (firstPage == null || firstPage.isFull() || firstPageDone)) {
            throw new TextFullException();
        }
    }

    @Override
    public void characters(char[] characters, int start, int length) {
        if (!inScope() || rules.text() != null && textDepth == 0) {
            return;
        }
        text.append(characters, start, length);
        if (collectsFirstPage()) {
            firstPage.append(characters, start, length);
        }
    }

    private boolean inScope() {
        return rules.scope() == null || scopeDepth > 0;
    }

    private boolean collectsFirstPage() {
        return firstPage != null && !firstPageDone;
    }

    /** Stops the parser once the text has reached its maximum length. */
    static final class TextFullException extends SAXException {

        TextFullException() {
            super("The text reached its maximum length");
        }
    }
}
