package vn.chibo.testing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;

import vn.chibo.ChiboApplication;

/**
 * Starts another node of the product beside a test's own context, on a random port, with the same
 * database, file store and keys, as the nodes of one installation share them.
 */
public final class SecondNode {

    /** The settings that every node of one installation must share. */
    private static final List<String> SHARED = List.of("spring.datasource.url", "spring.datasource.username",
            "spring.datasource.password", "chibo.files.root", "chibo.crypto.lookup-key-file",
            "chibo.crypto.data-key-file");

    private SecondNode() {
    }

    /**
     * Starts a node with the first node's shared settings and the named further settings.
     *
     * @param first the environment of the test's own context
     * @param alsoShared further setting names to take from {@code first}
     */
    public static ConfigurableApplicationContext startBeside(Environment first, String... alsoShared) {
        Map<String, Object> shared = new HashMap<>();
        Stream.concat(SHARED.stream(), Stream.of(alsoShared))
                .forEach(name -> shared.put(name, first.getProperty(name, "")));
        shared.put("server.port", "0");
        return new SpringApplicationBuilder(ChiboApplication.class)
                // Runs after TestDatabaseInitializer, so that this node uses the first node's database and keys.
                .initializers(context -> context.getEnvironment().getPropertySources()
                        .addFirst(new MapPropertySource("second-node", shared)))
                .run();
    }

    /** Returns the port the node listens on. */
    public static int portOf(ConfigurableApplicationContext node) {
        return Integer.parseInt(node.getEnvironment().getProperty("local.server.port", "0"));
    }
}
