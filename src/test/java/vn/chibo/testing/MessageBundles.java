package vn.chibo.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a module's Vietnamese message bundle from the source tree, for tests that check that every
 * value of the module's enums has a text. Whether the other languages have the same keys is checked
 * for all modules at once by {@code MessageBundleTests}.
 */
public final class MessageBundles {

    private static final Path MESSAGES = Path.of("src/main/resources/messages");

    private MessageBundles() {
    }

    /** Returns the keys of the module's Vietnamese bundle. */
    public static Set<String> keysOf(String module) {
        String file = module + ".properties";
        var properties = new Properties();
        try (InputStream in = Files.newInputStream(MESSAGES.resolve(file))) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        catch (IOException failure) {
            throw new UncheckedIOException("Could not read " + file, failure);
        }
        return new TreeSet<>(properties.stringPropertyNames());
    }
}
