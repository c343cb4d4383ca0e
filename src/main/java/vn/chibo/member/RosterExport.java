package vn.chibo.member;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.account.Actor;
import vn.chibo.audit.AuditEntry;
import vn.chibo.audit.AuditLog;
import vn.chibo.member.importing.RosterColumn;
import vn.chibo.organization.Organization;
import vn.chibo.organization.OrganizationId;
import vn.chibo.system.Formats;
import vn.chibo.system.SpreadsheetCsv;

/**
 * Exports a cell's roster, as filtered on its page and in its order, to Excel (.xlsx) or CSV, for
 * those who run the cell. The columns and their headers are those the roster import reads, so an
 * export in Vietnamese can be imported again. Every export is audited with its format, row count
 * and filters.
 *
 * <p>The CSV file is what Excel opens without asking: UTF-8 with a byte order mark, lines ending in
 * CRLF, fields quoted where they hold a separator, quote or line break. A value starting with
 * {@code = + - @}, a tab or a carriage return gets a leading apostrophe, so that a spreadsheet
 * program shows it as text instead of running it as a formula. The workbook writes every value as a
 * text or date cell, which no spreadsheet program evaluates, so it needs no such prefix.
 */
@Component
public class RosterExport {

    private static final Logger log = LoggerFactory.getLogger(RosterExport.class);

    /** A number with its leading 0, as phone numbers are stored, of five digits or more. */
    private static final Pattern DIGITS = Pattern.compile("0\\d{4,}");

    /** The columns of an export, in order. */
    static final List<RosterColumn> COLUMNS = List.of(RosterColumn.ORDINAL, RosterColumn.FULL_NAME, RosterColumn.SEX,
            RosterColumn.BIRTH_DATE, RosterColumn.HOMETOWN, RosterColumn.ADMISSION_DATE, RosterColumn.OFFICIAL_DATE,
            RosterColumn.PARTY_CARD_NUMBER, RosterColumn.CELL_ROLE, RosterColumn.MEMBERSHIP_STATUS,
            RosterColumn.ACTIVITY_STATUS, RosterColumn.PHONE, RosterColumn.EMAIL, RosterColumn.OCCUPATION,
            RosterColumn.ADDRESS, RosterColumn.NOTE);

    /** The file formats of an export. */
    public enum Format {
        XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        CSV("text/csv; charset=UTF-8");

        private final String contentType;

        Format(String contentType) {
            this.contentType = contentType;
        }

        public String contentType() {
            return contentType;
        }

        public String extension() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** An exported file. */
    public record ExportedFile(String fileName, Format format, byte[] content) {
    }

    private final MemberRoster roster;
    private final Members members;
    private final MemberPermissions permissions;
    private final MessageSource messages;
    private final AuditLog audit;

    RosterExport(MemberRoster roster, Members members, MemberPermissions permissions, MessageSource messages,
            AuditLog audit) {
        this.roster = roster;
        this.members = members;
        this.permissions = permissions;
        this.messages = messages;
        this.audit = audit;
    }

    /** Exports the members of the roster who pass the filter, with headers and values in the locale's language. */
    @Transactional
    public ExportedFile export(Actor actor, OrganizationId cellId, RosterFilter filter, Format format, Locale locale) {
        Organization cell = permissions.requireManageRoster(actor, cellId);
        List<Member> rows = roster.filtered(cellId, filter, members.ofCell(cellId));

        List<List<Object>> table = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            table.add(values(rows.get(i), i + 1, locale));
        }
        List<String> headers = COLUMNS.stream().map(column -> message(column.messageKey(), locale)).toList();
        byte[] content = switch (format) {
            case XLSX -> xlsx(cell, headers, table, locale);
            case CSV -> csv(headers, withGroupedPhones(table));
        };

        audit.record(new AuditEntry(actor.accountId().value(), cellId.value(), "member.rosterExported", "organization",
                cellId.value(), "format=" + format + " rows=" + rows.size() + " membership=" + filter.membership()
                        + " activity=" + filter.activity() + " transfer=" + filter.transfer() + " search="
                        + !filter.search().isEmpty()));
        log.info("Roster of cell {} exported as {} with {} rows by account {}", cellId, format, rows.size(),
                actor.accountId());
        return new ExportedFile("danh-sach-dang-vien-" + cellId.value() + "." + format.extension(), format, content);
    }

    /** Returns a member's values in the export's columns: texts, and dates as {@link LocalDate}. */
    private List<Object> values(Member member, int ordinal, Locale locale) {
        NewMember values = member.values();
        var row = new ArrayList<Object>(COLUMNS.size());
        for (RosterColumn column : COLUMNS) {
            Object value = column == RosterColumn.ORDINAL ? Integer.toString(ordinal) : column.valueIn(values);
            row.add(switch (value) {
                case null -> "";
                case LocalDate date -> date;
                case Sex sex -> message(sex.messageKey(), locale);
                case MembershipStatus status -> message(status.messageKey(), locale);
                case ActivityStatus status -> message(status.messageKey(), locale);
                case CellRole role -> message(role.messageKey(), locale);
                default -> value.toString();
            });
        }
        return row;
    }

    static byte[] csv(List<String> headers, List<List<Object>> table) {
        List<List<String>> rows = table.stream()
                .map(row -> row.stream()
                        .map(value -> value instanceof LocalDate date ? Formats.DATE.format(date) : (String) value)
                        .toList())
                .toList();
        return SpreadsheetCsv.write(headers, rows);
    }

    /**
     * Returns the table with each phone number written in groups, as "0912 418 916". Excel and Calc read
     * a CSV field of digits alone as a number and drop its leading 0; with spaces it stays text, and the
     * roster import reads it back either way.
     */
    static List<List<Object>> withGroupedPhones(List<List<Object>> table) {
        int phone = COLUMNS.indexOf(RosterColumn.PHONE);
        return table.stream().map(row -> {
            var copy = new ArrayList<>(row);
            copy.set(phone, grouped((String) row.get(phone)));
            return (List<Object>) copy;
        }).toList();
    }

    /**
     * Returns a number with a leading 0 as its first four digits, then groups of three, as "0912 418 916";
     * an 11-digit landline number as "0238 3861 234". Any other text is returned as it is.
     */
    static String grouped(String number) {
        if (!DIGITS.matcher(number).matches()) {
            return number;
        }
        var text = new StringBuilder(number.substring(0, 4));
        int start = 4;
        if (number.length() == 11) {
            text.append(' ').append(number, 4, 8);
            start = 8;
        }
        for (; start < number.length(); start += 3) {
            text.append(' ').append(number, start, Math.min(start + 3, number.length()));
        }
        return text.toString();
    }

    private byte[] xlsx(Organization cell, List<String> headers, List<List<Object>> table, Locale locale) {
        // The streaming workbook keeps only a window of rows in memory and writes the rest to a temporary file.
        try (var workbook = new SXSSFWorkbook(200)) {
            Sheet sheet = workbook.createSheet(message("member.export.sheet", locale));
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle heading = workbook.createCellStyle();
            heading.setFont(bold);
            CellStyle dates = workbook.createCellStyle();
            dates.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));

            Row title = sheet.createRow(0);
            title.createCell(0).setCellValue(messages.getMessage("member.export.title",
                    new Object[] { cell.name().toUpperCase(Locale.of("vi")) }, locale));
            title.getCell(0).setCellStyle(heading);
            Row header = sheet.createRow(2);
            for (int column = 0; column < headers.size(); column++) {
                header.createCell(column).setCellValue(headers.get(column));
                header.getCell(column).setCellStyle(heading);
                sheet.setColumnWidth(column, width(COLUMNS.get(column)) * 256);
            }
            sheet.createFreezePane(0, 3);
            for (int i = 0; i < table.size(); i++) {
                Row row = sheet.createRow(i + 3);
                List<Object> values = table.get(i);
                for (int column = 0; column < values.size(); column++) {
                    Object value = values.get(column);
                    if (value instanceof LocalDate date) {
                        row.createCell(column).setCellValue(date);
                        row.getCell(column).setCellStyle(dates);
                    }
                    else if (!((String) value).isEmpty()) {
                        row.createCell(column).setCellValue((String) value);
                    }
                }
            }
            var bytes = new ByteArrayOutputStream();
            workbook.write(bytes);
            return bytes.toByteArray();
        }
        catch (IOException failure) {
            throw new UncheckedIOException("Writing the roster workbook failed", failure);
        }
    }

    /** Returns a column's width in characters, wide enough for its usual values. */
    private static int width(RosterColumn column) {
        return switch (column) {
            case ORDINAL -> 5;
            case FULL_NAME, ACTIVITY_STATUS, ADDRESS, NOTE -> 28;
            case HOMETOWN, OCCUPATION, EMAIL, CELL_ROLE -> 20;
            default -> 14;
        };
    }

    private String message(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
