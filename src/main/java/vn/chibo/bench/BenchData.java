package vn.chibo.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.chibo.organization.Organization;
import vn.chibo.organization.OrganizationKind;
import vn.chibo.organization.Organizations;

/**
 * Generates the data set of the meeting-evening benchmark when the application starts with the
 * {@code bench} profile on a database without organizations, unless {@code chibo.bench.generate} is
 * false (a second node on the same database): one commune committee with
 * {@code chibo.bench.cells} cells of {@value #CELL_SIZE} members, each with an account and a draft
 * meeting planned for this evening. It then writes the manifest that the load generator reads
 * ({@link BenchManifest}) and logs "Bench data loaded", which the benchmark script waits for.
 *
 * <p>The data goes through the modules' own APIs, as an import would, except that every account
 * gets the same password hash, computed once: Argon2 costs tens of milliseconds of a core per hash,
 * which would make generating thousands of accounts the slowest part of the benchmark.
 */
@Component
@Profile("bench")
class BenchData implements ApplicationRunner {

    /** Members per generated cell, the size of a large village cell. */
    static final int CELL_SIZE = 36;

    private static final Logger log = LoggerFactory.getLogger(BenchData.class);

    private final Organizations organizations;
    private final BenchCells cells;
    private final PasswordEncoder passwordEncoder;
    private final TransactionTemplate transactions;
    private final BenchProperties properties;
    private final Clock clock;

    BenchData(Organizations organizations, BenchCells cells, PasswordEncoder passwordEncoder,
            TransactionTemplate transactions, BenchProperties properties, Clock clock) {
        this.organizations = organizations;
        this.cells = cells;
        this.passwordEncoder = passwordEncoder;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        if (!properties.generate()) {
            log.info("Bench profile: chibo.bench.generate is false, so no bench data was generated");
            return;
        }
        if (!organizations.isEmpty()) {
            log.info("Bench profile: organizations exist already, so no bench data was generated");
            return;
        }
        long started = System.nanoTime();
        String passwordHash = passwordEncoder.encode(properties.password());
        Organization commune = transactions.execute(status -> organizations.create(null,
                OrganizationKind.COMMITTEE, "Đảng bộ xã Thử Tải", "Thử Tải"));
        Instant startsAt = clock.instant().plus(properties.meetingStartsIn()).truncatedTo(ChronoUnit.MINUTES);

        List<BenchManifest.Cell> generated = new ArrayList<>();
        for (int index = 0; index < properties.cells(); index++) {
            int cellIndex = index;
            generated.add(transactions.execute(status -> cells.generate(commune, cellIndex, passwordHash, startsAt)));
        }
        write(properties.manifest(), BenchManifest.lines(generated));
        log.info("Bench data loaded: {} cells of {} members under committee {} in {} ms, manifest {}",
                generated.size(), CELL_SIZE, commune.id(), Duration.ofNanos(System.nanoTime() - started).toMillis(),
                properties.manifest().toAbsolutePath());
    }

    /** Writes a manifest file for a benchmark program, making its folder when missing. */
    static void write(Path file, List<String> lines) {
        try {
            Path folder = file.toAbsolutePath().getParent();
            if (folder != null) {
                Files.createDirectories(folder);
            }
            Files.write(file, lines);
        }
        catch (IOException failure) {
            throw new UncheckedIOException("Could not write the manifest " + file.toAbsolutePath(), failure);
        }
    }
}
