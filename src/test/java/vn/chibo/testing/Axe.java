package vn.chibo.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Runs axe-core, the accessibility rule engine, on the page open in the browser, with the rules of
 * WCAG 2.0 and 2.1 at levels A and AA. The script comes from the npm package that the build installs
 * into target/axe (see pom.xml), so that the tests fetch nothing from the Internet.
 */
public final class Axe {

    private static final Path SCRIPT = Path.of("target", "axe", "node_modules", "axe-core", "axe.min.js");

    /** The rule tags that are checked. */
    public static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private static String source;

    private Axe() {
    }

    /**
     * Returns the violations on the current page, one line each: the rule, its impact, its help text
     * and the CSS selectors of the elements that break it. An empty list means none.
     */
    @SuppressWarnings("unchecked")
    public static List<String> violations(WebDriver browser) {
        var script = (JavascriptExecutor) browser;
        // WebDriver runs this through the DevTools protocol, which the page's content security policy
        // does not restrict, so the page needs no exception for it.
        script.executeScript(source());
        Object result = script.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { runOnly: { type: 'tag', values: arguments[0] }, resultTypes: ['violations'] })
                    .then(results => done(results.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help
                        + ' at ' + v.nodes.map(n => n.target.join(' ')).join(', '))))
                    .catch(failure => done(['axe failed: ' + failure]));
                """, TAGS);
        return (List<String>) result;
    }

    private static synchronized String source() {
        if (source == null) {
            if (!Files.isRegularFile(SCRIPT)) {
                throw new IllegalStateException("axe-core is missing at " + SCRIPT + ": run the tests through Maven, "
                        + "which installs it with npm ci (npm must be installed: apt-get install npm).");
            }
            try {
                source = Files.readString(SCRIPT, StandardCharsets.UTF_8);
            }
            catch (IOException failure) {
                throw new IllegalStateException("Could not read " + SCRIPT, failure);
            }
        }
        return source;
    }
}
