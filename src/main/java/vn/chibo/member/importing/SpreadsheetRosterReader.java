package vn.chibo.member.importing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;

/**
 * Reads rosters kept as Excel workbooks (.xlsx, and .xls from older offices). The roster is the first
 * sheet with a header row; title rows and merged cells above it are passed over. Numbers are kept as
 * typed, with no exponent, and dates that Excel stores as serial numbers become dates.
 */
final class SpreadsheetRosterReader {

    /** The serial of 31/12/9999, the last date Excel can show. */
    private static final double LAST_EXCEL_DATE = 2_958_465;

    private SpreadsheetRosterReader() {
    }

    static RawRoster read(byte[] content, RosterFormat.Kind kind, int maxRows) {
        try (Workbook workbook = open(content)) {
            boolean date1904 = usesDate1904(workbook);
            for (Sheet sheet : workbook) {
                Optional<HeaderRow> header = HeaderRow.find(topRows(sheet, date1904));
                if (header.isPresent()) {
                    return read(sheet, header.get(), date1904, kind, maxRows);
                }
            }
            throw NotARoster.noHeader();
        }
        catch (IOException closing) {
            throw new NotARoster("member.import.error.unreadableWorkbook");
        }
    }

    private static Workbook open(byte[] content) {
        try {
            return WorkbookFactory.create(new ByteArrayInputStream(content));
        }
        catch (IOException | RuntimeException unreadable) {
            // POI reports a zip that is no workbook, an encrypted workbook or a zip bomb with a variety
            // of runtime exceptions. Each means the same to the secretary, so each gets one message.
            throw new NotARoster("member.import.error.unreadableWorkbook");
        }
    }

    private static boolean usesDate1904(Workbook workbook) {
        if (workbook instanceof XSSFWorkbook xlsx) {
            return xlsx.isDate1904();
        }
        if (workbook instanceof HSSFWorkbook xls) {
            return xls.getInternalWorkbook().isUsing1904DateWindowing();
        }
        return false;
    }

    private static List<List<RawCell>> topRows(Sheet sheet, boolean date1904) {
        var rows = new ArrayList<List<RawCell>>();
        for (int index = 0; index < HeaderRow.SEARCHED_ROWS && index <= sheet.getLastRowNum(); index++) {
            rows.add(cells(sheet.getRow(index), date1904));
        }
        return rows;
    }

    private static RawRoster read(Sheet sheet, HeaderRow header, boolean date1904, RosterFormat.Kind kind,
            int maxRows) {
        header.requireColumns();
        var rows = new ArrayList<RawRow>();
        for (int index = header.index() + 1; index <= sheet.getLastRowNum(); index++) {
            header.dataRow(index + 1, cells(sheet.getRow(index), date1904)).ifPresent(rows::add);
            if (rows.size() > maxRows) {
                throw NotARoster.tooManyRows(maxRows);
            }
        }
        return new RawRoster(RosterFormat.workbook(kind), header.labels(), header.ignoredHeaders(), rows);
    }

    private static List<RawCell> cells(@Nullable Row row, boolean date1904) {
        if (row == null || row.getLastCellNum() < 0) {
            return List.of();
        }
        var cells = new ArrayList<RawCell>(row.getLastCellNum());
        for (int index = 0; index < row.getLastCellNum(); index++) {
            cells.add(cell(row.getCell(index), date1904));
        }
        return cells;
    }

    private static RawCell cell(@Nullable Cell cell, boolean date1904) {
        if (cell == null) {
            return RawCell.BLANK;
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType()
                : cell.getCellType();
        return switch (type) {
            case STRING -> RawCell.text(cell.getStringCellValue());
            case NUMERIC -> number(cell.getNumericCellValue(), date1904);
            case BOOLEAN -> RawCell.text(Boolean.toString(cell.getBooleanCellValue()));
            default -> RawCell.BLANK;
        };
    }

    /**
     * Returns a number as typed, such as a phone number whose leading 0 Excel dropped. Where the number
     * is in Excel's date range, the cell also carries the date it would be, because only the column
     * tells whether it is a date.
     */
    private static RawCell number(double value, boolean date1904) {
        String text = BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        LocalDate date = value >= 1 && value <= LAST_EXCEL_DATE
                ? DateUtil.getLocalDateTime(value, date1904).toLocalDate()
                : null;
        return new RawCell(text, date);
    }
}
