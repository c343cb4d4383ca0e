package vn.chibo.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives every Spring test context a database of its own, so that tests never see each other's rows:
 * a fresh in-memory H2 by default, or a fresh database on PostgreSQL when the system property
 * {@code chibo.test.database} is {@code postgresql} (set by the second Surefire execution).
 *
 * <p>The PostgreSQL server is {@code CHIBO_TEST_POSTGRES_URL} (a JDBC URL of a maintenance database,
 * with {@code CHIBO_TEST_POSTGRES_USER} and {@code CHIBO_TEST_POSTGRES_PASSWORD}), or else a
 * throwaway server that the tests start themselves.
 */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String DATABASE_PROPERTY = "chibo.test.database";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Map<String, Object> properties = new HashMap<>();
        String name = "chibo_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        if (onPostgres()) {
            properties.putAll(createPostgresDatabase(name));
        }
        else {
            properties.put("spring.datasource.url",
                    "jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
            properties.put("spring.datasource.username", "sa");
            properties.put("spring.datasource.password", "");
        }
        Path files = temporaryFolder(name);
        properties.put("chibo.files.root", files.toString());
        properties.put("chibo.crypto.lookup-key-file", files.resolve("lookup-key").toString());
        properties.put("chibo.crypto.data-key-file", files.resolve("data-key").toString());
        context.getEnvironment().getPropertySources()
                .addFirst(new MapPropertySource("chibo-test-database", properties));
    }

    public static boolean onPostgres() {
        return "postgresql".equals(System.getProperty(DATABASE_PROPERTY));
    }

    private static Map<String, Object> createPostgresDatabase(String name) {
        String adminUrl = System.getenv("CHIBO_TEST_POSTGRES_URL");
        String user = envOr("CHIBO_TEST_POSTGRES_USER", "postgres");
        String password = envOr("CHIBO_TEST_POSTGRES_PASSWORD", "");
        if (adminUrl == null || adminUrl.isBlank()) {
            adminUrl = ThrowawayPostgres.adminUrl();
        }
        try (var connection = DriverManager.getConnection(adminUrl, user, password);
                var statement = connection.createStatement()) {
            statement.execute("create database " + name + " encoding 'UTF8'");
        }
        catch (SQLException failure) {
            throw new IllegalStateException("Could not create the test database " + name + " at " + adminUrl,
                    failure);
        }
        String url = adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + name;
        return Map.of("spring.datasource.url", url, "spring.datasource.username", user,
                "spring.datasource.password", password);
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static Path temporaryFolder(String name) {
        try {
            // Under target/, so that `mvn clean` removes uploaded test files and nothing is left in /tmp.
            return Files.createDirectories(Path.of("target", "test-files", name)).toAbsolutePath();
        }
        catch (java.io.IOException failure) {
            throw new IllegalStateException("Could not create a temporary folder for files", failure);
        }
    }
}
