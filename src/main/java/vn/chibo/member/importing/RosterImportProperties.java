package vn.chibo.member.importing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of roster imports. A cell's roster has some dozens of members, so the defaults leave ample
 * room while keeping a stray upload from filling memory.
 *
 * @param maxFileSize the largest roster file accepted
 * @param maxRows the most data rows a roster file may hold. A sheet may use rows up to twice this number
 *        plus 100, blank rows included. A text file may contain no more separators than that many rows
 *        of 100 cells.
 */
@ConfigurationProperties("chibo.roster")
public record RosterImportProperties(@DefaultValue("5MB") DataSize maxFileSize, @DefaultValue("2000") int maxRows) {
}
