package vn.chibo.bench;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The commune that the {@code commune} profile generates.
 *
 * @param members how many party members in all
 * @param cells how many cells below the commune committee; the first ten are a school, a clinic and
 *     the commune's agencies, the others villages
 * @param months how many past calendar months of meetings, before the current month
 * @param seed the seed of the random choices (names, statuses, attendance, votes), so that two runs
 *     generate the same commune
 * @param password the password of every generated account
 * @param totpSecret the TOTP secret (Base32) of every account that must sign in with a second factor
 * @param manifest the file to which the user names and ids that the benchmark's tour needs are written
 */
@ConfigurationProperties("chibo.commune")
record CommuneProperties(@DefaultValue("1000") int members, @DefaultValue("40") int cells,
        @DefaultValue("12") int months, @DefaultValue("20261205") long seed,
        @DefaultValue("bench-password") String password,
        @DefaultValue("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP") String totpSecret,
        @DefaultValue("./data/commune-manifest.properties") Path manifest) {
}
