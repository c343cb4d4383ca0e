package vn.chibo.operations;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.chibo.audit.AuditChain;
import vn.chibo.audit.ChainVerification;
import vn.chibo.system.ChiboProperties;

/**
 * The operator commands, run instead of the server when the command line names one:
 * <ul>
 * <li>{@code --chibo.audit.verify} checks the audit hash chain; exit code 0 when intact, 2 when broken
 * (the first bad sequence number is printed);</li>
 * <li>{@code --chibo.backup.create=FILE} writes a backup archive; with the embedded H2 database the
 * application must be stopped, because H2 lets only one process open the file;</li>
 * <li>{@code --chibo.backup.restore=FILE} checks the archive's checksums and restores it into an empty
 * database and an empty file store folder; exit code 2 when the archive or the target is rejected.</li>
 * </ul>
 * They start a small Spring context with only the database connection and the settings, so no
 * migration, scheduled job or web server runs. Any failure exits with code 1.
 */
public final class OperatorCommands {

    public static final String VERIFY = "chibo.audit.verify";
    public static final String CREATE = "chibo.backup.create";
    public static final String RESTORE = "chibo.backup.restore";

    private static final List<String> COMMANDS = List.of(VERIFY, CREATE, RESTORE);

    private OperatorCommands() {
    }

    /** Returns whether the arguments name an operator command. */
    public static boolean isCommand(String[] args) {
        return Arrays.stream(args).anyMatch(arg -> COMMANDS.stream()
                .anyMatch(command -> arg.equals("--" + command) || arg.startsWith("--" + command + "=")));
    }

    /** Runs the command the arguments name and returns the process exit code. */
    public static int run(String[] args) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CommandContext.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .properties("spring.flyway.enabled=false")
                .run(args)) {
            return run(context, context.getBean(ApplicationArguments.class), System.out);
        }
        catch (RuntimeException failure) {
            System.err.println("The command failed: " + failure.getMessage());
            return 1;
        }
    }

    static int run(ConfigurableApplicationContext context, ApplicationArguments arguments, PrintStream out) {
        try {
            if (arguments.containsOption(VERIFY)) {
                return verify(context.getBean(AuditChain.class), out);
            }
            Backups backups = context.getBean(Backups.class);
            if (arguments.containsOption(CREATE)) {
                Path archive = Path.of(single(arguments, CREATE));
                var manifest = backups.create(archive);
                out.println("Backup written to " + archive.toAbsolutePath() + ": " + manifest.entries().size()
                        + " entries, schema version " + manifest.schemaVersion());
                return 0;
            }
            Path archive = Path.of(single(arguments, RESTORE));
            var manifest = backups.restore(archive);
            out.println("Backup " + archive.toAbsolutePath() + " restored: " + manifest.entries().size()
                    + " entries, schema version " + manifest.schemaVersion());
            return 0;
        }
        catch (BackupRejected rejected) {
            out.println(rejected.getMessage());
            return 2;
        }
        catch (Exception failure) {
            out.println("The command failed: " + failure);
            return 1;
        }
    }

    static int verify(AuditChain chain, PrintStream out) {
        ChainVerification result = chain.verify();
        if (result.intact()) {
            out.println("Audit chain intact: " + result.sealedEntries() + " entries, head sequence number "
                    + result.headSequenceNumber() + ", head hash " + result.headHash() + ", "
                    + result.unsealedEntries() + " entries not sealed yet");
            return 0;
        }
        out.println("Audit chain broken at sequence number " + result.firstBadSequenceNumber() + " ("
                + result.problem() + "); the " + result.sealedEntries() + " entries before it are intact");
        return 2;
    }

    private static String single(ApplicationArguments arguments, String option) {
        List<String> values = arguments.getOptionValues(option);
        if (values == null || values.size() != 1 || values.getFirst().isBlank()) {
            throw new IllegalArgumentException("--" + option + " needs one file path, as in --" + option
                    + "=/var/backups/chibo.zip");
        }
        return values.getFirst();
    }

    /** The beans the commands need: the data source, the settings, backups and the audit chain. */
    @ImportAutoConfiguration(DataSourceAutoConfiguration.class)
    @EnableConfigurationProperties({ ChiboProperties.class, BackupProperties.class })
    @Import({ Backups.class, AuditChain.class })
    static class CommandContext {

        @Bean
        JdbcClient jdbcClient(DataSource dataSource) {
            return JdbcClient.create(dataSource);
        }

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }
}
