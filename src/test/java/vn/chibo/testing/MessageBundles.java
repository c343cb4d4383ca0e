package vn.chibo.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads a module's message bundles and templates from the source tree, to check that every
 * language has the same keys and that templates use known keys and no literal text.
 */
public final class MessageBundles {

    private static final Path MESSAGES = Path.of("src/main/resources/messages");
    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    /** A message expression with a literal key, such as {@code #{voting.result.for}} or {@code #{voting.progress(...)}}. */
    private static final Pattern LITERAL_KEY = Pattern.compile("#\\{([a-zA-Z][\\w.]*)[}(]");
    /**
     * Text between tags that no {@code th:text}, {@code th:replace} or similar attribute replaces.
     * Placeholder text inside a tag with such an attribute is allowed, so only elements without one
     * are reported.
     */
    private static final Pattern ELEMENT_TEXT = Pattern.compile("<([a-z][a-z0-9]*)(\\s[^>]*)?>([^<]*\\p{L}[^<]*)<");

    private final String module;

    public MessageBundles(String module) {
        this.module = module;
    }

    /** Returns the keys of the bundle for a language suffix: empty for Vietnamese, "en" or "de". */
    public Set<String> keys(String language) {
        String file = module + (language.isEmpty() ? "" : "_" + language) + ".properties";
        var properties = new Properties();
        try (InputStream in = Files.newInputStream(MESSAGES.resolve(file))) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        catch (IOException failure) {
            throw new UncheckedIOException("Could not read " + file, failure);
        }
        return new TreeSet<>(properties.stringPropertyNames());
    }

    /** Returns the message keys that the module's templates name literally. */
    public Set<String> keysInTemplates(String folder) {
        var keys = new TreeSet<String>();
        for (String template : templates(folder)) {
            Matcher matcher = LITERAL_KEY.matcher(template);
            while (matcher.find()) {
                if (matcher.group(1).startsWith(module + ".")) {
                    keys.add(matcher.group(1));
                }
            }
        }
        return keys;
    }

    /** Returns text written straight into the module's templates, outside comments and replaced elements. */
    public List<String> literalTextInTemplates(String folder) {
        var literals = new ArrayList<String>();
        for (String template : templates(folder)) {
            String withoutComments = template.replaceAll("(?s)<!--.*?-->", "");
            Matcher matcher = ELEMENT_TEXT.matcher(withoutComments);
            while (matcher.find()) {
                String attributes = matcher.group(2) == null ? "" : matcher.group(2);
                if (!attributes.matches("(?s).*\\bth:(text|utext|replace|insert)=.*")) {
                    literals.add(matcher.group(3).strip());
                }
            }
        }
        return literals;
    }

    private static List<String> templates(String folder) {
        try (Stream<Path> files = Files.list(TEMPLATES.resolve(folder))) {
            return files.filter(file -> file.toString().endsWith(".html")).map(MessageBundles::read).toList();
        }
        catch (IOException failure) {
            throw new UncheckedIOException("Could not list the templates in " + folder, failure);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        }
        catch (IOException failure) {
            throw new UncheckedIOException("Could not read " + file, failure);
        }
    }
}
