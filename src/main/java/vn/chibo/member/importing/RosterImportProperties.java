package vn.chibo.member.importing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of roster imports. A cell's roster has some dozens of members, but a committee may import a
 * list of a whole district, so the defaults take 50,000 rows while keeping a stray upload from filling
 * memory: such a file is about 8 MB as CSV and 3 MB as .xlsx.
 *
 * @param maxFileSize the largest roster file accepted
 * @param maxRows the most data rows a roster file may hold. A sheet may use rows up to twice this number
 *        plus 100, blank rows included. A text file may contain no more separators than that many rows
 *        of 100 cells.
 */
@ConfigurationProperties("chibo.roster")
public record RosterImportProperties(@DefaultValue("20MB") DataSize maxFileSize, @DefaultValue("50000") int maxRows) {
}
