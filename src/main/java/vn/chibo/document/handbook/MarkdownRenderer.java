package vn.chibo.document.handbook;

import java.util.List;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.springframework.stereotype.Component;

/**
 * Turns an administrator's Markdown into HTML that is safe to put into a page, in two steps. CommonMark
 * escapes every raw HTML block and inline tag, drops link targets with a scheme other than http, https or
 * mailto (so no {@code javascript:} or {@code data:} link; such a link is left as its text), and renders images as their alt text, because
 * the handbook has no images of its own and the content security policy blocks images of other hosts.
 * Then jsoup's allow-list cleaner keeps only the tags and attributes below, as a second guard should the
 * first step ever let something through.
 */
@Component
class MarkdownRenderer {

    /** Basic text tags, headings, lists, tables and quotes; links with http, https, mailto or a relative path. */
    private static final Safelist ALLOWED = Safelist.basic()
            .addTags("h2", "h3", "h4", "hr", "table", "thead", "tbody", "tr", "th", "td")
            .removeEnforcedAttribute("a", "rel")
            .preserveRelativeLinks(true);

    /** The base against which jsoup checks relative links; it never appears in the output. */
    private static final String BASE = "https://handbook.invalid/";

    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    String render(String markdown) {
        Node document = parser.parse(markdown);
        document.accept(new ImagesAsText());
        String html = renderer.render(document);

        Document clean = new Cleaner(ALLOWED).clean(Jsoup.parseBodyFragment(html, BASE));
        // CommonMark writes an empty target in place of an unsafe one; such a link becomes its plain text.
        clean.select("a:not([href]), a[href=\"\"]").unwrap();
        clean.outputSettings().prettyPrint(false);
        return clean.body().html();
    }

    /** Replaces each image with its alt text, which CommonMark keeps as the image's children. */
    private static final class ImagesAsText extends AbstractVisitor {

        @Override
        public void visit(Image image) {
            List<Node> children = new java.util.ArrayList<>();
            for (Node child = image.getFirstChild(); child != null; child = child.getNext()) {
                children.add(child);
            }
            for (Node child : children) {
                image.insertBefore(child);
            }
            image.unlink();
        }
    }
}
