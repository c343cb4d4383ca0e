package vn.chibo.bench;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The generated data set of the {@code bench} profile.
 *
 * @param cells how many cells of {@value BenchData#CELL_SIZE} members to generate
 * @param password the password of every generated account
 * @param totpSecret the TOTP secret (Base32) of every generated secretary, so that the load generator
 *     can compute the second-factor code
 * @param manifest the file to which the ids and user names of the generated data are written, for the
 *     load generator
 * @param meetingStartsIn how long after the generation the meetings are planned to start. The live
 *     stream opens two hours before the start, and the chair may start a meeting from its day on.
 * @param generate whether this node generates the data set when the database has no organizations;
 *     a second node started on the same database sets it to false, so that it never races the first
 *     one into generating a second data set
 */
@ConfigurationProperties("chibo.bench")
record BenchProperties(@DefaultValue("200") int cells, @DefaultValue("bench-password") String password,
        @DefaultValue("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP") String totpSecret,
        @DefaultValue("./data/bench-manifest.tsv") Path manifest, @DefaultValue("10m") Duration meetingStartsIn,
        @DefaultValue("true") boolean generate) {
}
