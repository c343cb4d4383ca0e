package vn.chibo.document.inspection;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.jspecify.annotations.Nullable;
import org.xml.sax.SAXException;

import vn.chibo.document.DocumentFileFormat;

/**
 * Extracts the text of DOCX, XLSX, ODT and ODS files by streaming their XML parts through a SAX
 * parser, so that no part is ever held in memory as a tree.
 *
 * <p>The archive is opened with Apache POI's {@link ZipSecureFile}, whose streams fail when a part
 * inflates more than 100 times its compressed size (a ratio below 0.01) or past
 * {@link #MAX_PART_BYTES}; all parts together may inflate to at most
 * {@link ExtractionLimits#maxInflatedBytes()}. The SAX parser reads no DTD and no external entity.
 * A XLSX gives the text of its shared strings, which hold every text cell; numbers are not extracted.
 */
final class OfficeTextExtractor {

    /** The maximum size one part may inflate to, in bytes; POI's own default is 4 GB. */
    static final long MAX_PART_BYTES = 256L * 1024 * 1024;

    /** The lowest ratio of compressed to inflated size; it is POI's default, set here so that it stays so. */
    static final double MIN_INFLATE_RATIO = 0.01;

    static {
        // These are JVM-wide settings of POI; they apply to every OOXML file the application reads.
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(MAX_PART_BYTES);
    }

    private OfficeTextExtractor() {
    }

    /**
     * @throws DecompressionBomb when a part inflates past the limits
     * @throws IOException when the archive or one of its parts is damaged
     */
    static ExtractedText extract(Path file, DocumentFileFormat format, ExtractionLimits limits) throws IOException {
        var text = new TextCollector(limits.maxTextLength());
        var firstPage = new TextCollector(ExtractionLimits.FIRST_PAGE_GUESS_LENGTH);
        var budget = new InflationBudget(limits.maxInflatedBytes());
        try (var zip = new ZipSecureFile(file.toFile())) {
            switch (format) {
                case DOCX -> {
                    for (ZipArchiveEntry header : entries(zip, "word/header")) {
                        parse(zip, header, XmlTextHandler.DOCX, new TextCollector(0), firstPage, budget);
                    }
                    parse(zip, required(zip, "word/document.xml"), XmlTextHandler.DOCX, text, firstPage, budget);
                }
                case XLSX -> {
                    ZipArchiveEntry strings = zip.getEntry("xl/sharedStrings.xml");
                    if (strings != null) {
                        parse(zip, strings, XmlTextHandler.XLSX_STRINGS, text, firstPage, budget);
                    }
                }
                case ODT, ODS -> {
                    ZipArchiveEntry styles = zip.getEntry("styles.xml");
                    if (styles != null) {
                        parse(zip, styles, XmlTextHandler.ODF_HEADERS, new TextCollector(0), firstPage, budget);
                    }
                    var rules = format == DocumentFileFormat.ODT ? XmlTextHandler.ODT : XmlTextHandler.ODS;
                    parse(zip, required(zip, "content.xml"), rules, text, firstPage, budget);
                }
                default -> throw new IllegalArgumentException("Not an office format: " + format);
            }
        }
        catch (IOException failure) {
            if (isZipBomb(failure)) {
                throw new DecompressionBomb(String.valueOf(failure.getMessage()));
            }
            throw failure;
        }
        return new ExtractedText(text.text(), firstPage.text(), null);
    }

    private static void parse(ZipSecureFile zip, ZipArchiveEntry entry, XmlTextHandler.Rules rules,
            TextCollector text, @Nullable TextCollector firstPage, InflationBudget budget) throws IOException {
        try (InputStream in = budget.count(zip.getInputStream(entry))) {
            hardenedParser().parse(in, new XmlTextHandler(rules, text, firstPage));
        }
        catch (XmlTextHandler.TextFullException enough) {
            // The text reached its maximum length; the rest of the part is not read.
        }
        catch (SAXException invalid) {
            if (invalid.getCause() instanceof IOException failure) {
                throw failure;
            }
            throw new IOException("The part " + entry.getName() + " is not well-formed XML", invalid);
        }
    }

    private static List<ZipArchiveEntry> entries(ZipSecureFile zip, String prefix) {
        return Collections.list(zip.getEntries()).stream()
                .filter(entry -> entry.getName().startsWith(prefix) && entry.getName().endsWith(".xml"))
                .sorted(Comparator.comparing(ZipArchiveEntry::getName))
                .limit(6)
                .toList();
    }

    private static ZipArchiveEntry required(ZipSecureFile zip, String name) throws IOException {
        ZipArchiveEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new IOException("The archive has no " + name);
        }
        return entry;
    }

    /** Returns a SAX parser that refuses a DOCTYPE, so it reads no DTD and expands no entity. */
    private static SAXParser hardenedParser() throws IOException {
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setXIncludeAware(false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            return factory.newSAXParser();
        }
        catch (ParserConfigurationException | SAXException impossible) {
            throw new IllegalStateException("The JDK's SAX parser lacks a security feature", impossible);
        }
    }

    private static boolean isZipBomb(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage());
            if (message.contains("Zip bomb detected") || message.contains("exceed the max size")) {
                return true;
            }
        }
        return false;
    }
}
