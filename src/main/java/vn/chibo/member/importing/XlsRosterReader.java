package vn.chibo.member.importing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;

import org.apache.poi.hssf.eventusermodel.AbortableHSSFListener;
import org.apache.poi.hssf.eventusermodel.HSSFEventFactory;
import org.apache.poi.hssf.eventusermodel.HSSFRequest;
import org.apache.poi.hssf.eventusermodel.HSSFUserException;
import org.apache.poi.hssf.record.BOFRecord;
import org.apache.poi.hssf.record.BlankRecord;
import org.apache.poi.hssf.record.BoolErrRecord;
import org.apache.poi.hssf.record.CellValueRecordInterface;
import org.apache.poi.hssf.record.DateWindow1904Record;
import org.apache.poi.hssf.record.DimensionsRecord;
import org.apache.poi.hssf.record.EOFRecord;
import org.apache.poi.hssf.record.FormulaRecord;
import org.apache.poi.hssf.record.LabelRecord;
import org.apache.poi.hssf.record.LabelSSTRecord;
import org.apache.poi.hssf.record.MulBlankRecord;
import org.apache.poi.hssf.record.NumberRecord;
import org.apache.poi.hssf.record.Record;
import org.apache.poi.hssf.record.RowRecord;
import org.apache.poi.hssf.record.SSTRecord;
import org.apache.poi.hssf.record.StringRecord;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.CellType;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads rosters kept as Excel 97-2003 workbooks (.xls), which older offices still use. The roster is
 * the first worksheet with a header row.
 *
 * <p>The workbook is read as a stream of records, not into POI's object model, which would hold a
 * Java object for every cell, blank cells included: a small file that marks thousands of blank
 * cells would take hundreds of megabytes. Records of a worksheet are passed to a
 * {@link RosterTable} only as far as it takes rows and columns.
 */
final class XlsRosterReader {

    private static final Logger log = LoggerFactory.getLogger(XlsRosterReader.class);

    private static final short CONTINUE = 0;
    private static final short STOP = 1;

    private XlsRosterReader() {
    }

    static RawRoster read(byte[] content, int maxRows) {
        try (var file = new POIFSFileSystem(new ByteArrayInputStream(content))) {
            var listener = new WorkbookListener(maxRows);
            var request = new HSSFRequest();
            request.addListenerForAllRecords(listener);
            new HSSFEventFactory().abortableProcessWorkbookEvents(request, file);
            return listener.roster().orElseThrow(NotARoster::noHeader);
        }
        catch (NotARoster rejected) {
            throw rejected;
        }
        catch (IOException | HSSFUserException | RuntimeException unreadable) {
            // POI reports a broken, encrypted or foreign OLE2 file with a variety of exceptions. Each
            // means the same to the secretary, so each gets one message.
            // The exception's message may quote a cell, so only its type is logged.
            log.info("A workbook could not be read: {}", unreadable.getClass().getName());
            throw new NotARoster("member.import.error.unreadableWorkbook");
        }
    }

    /**
     * Follows the records of the workbook: the shared strings and date system of the workbook, then
     * the cells of each worksheet, until a worksheet turns out to be the roster.
     */
    private static final class WorkbookListener extends AbortableHSSFListener {

        private final int maxRows;
        private @Nullable SSTRecord strings;
        private boolean date1904;
        /** The nesting depth of the current record in substreams: 1 in a sheet, 2 in a chart embedded in it. */
        private int depth;
        private @Nullable RosterTable table;
        private @Nullable RawRoster roster;

        private int rowIndex = -1;
        private @Nullable RawCell @Nullable [] cells;
        /** The cell of a formula whose text result comes in the next record, or -1. */
        private int formulaRow = -1;
        private int formulaColumn = -1;

        WorkbookListener(int maxRows) {
            this.maxRows = maxRows;
        }

        Optional<RawRoster> roster() {
            return Optional.ofNullable(roster);
        }

        @Override
        public short abortableProcessRecord(Record record) {
            switch (record) {
                case BOFRecord start -> {
                    depth++;
                    if (depth == 1 && start.getType() == BOFRecord.TYPE_WORKSHEET) {
                        table = new RosterTable(maxRows);
                        rowIndex = -1;
                    }
                }
                case EOFRecord end -> {
                    if (depth == 1 && table != null && endSheet()) {
                        return STOP;
                    }
                    depth = Math.max(0, depth - 1);
                }
                case SSTRecord sst -> strings = sst;
                case DateWindow1904Record window -> date1904 = window.getWindowing() == 1;
                default -> {
                    RosterTable sheet = table;
                    if (depth == 1 && sheet != null && sheet.wantsRows()) {
                        sheetRecord(sheet, record);
                    }
                }
            }
            return CONTINUE;
        }

        private void sheetRecord(RosterTable sheet, Record record) {
            if (record instanceof CellValueRecordInterface && !(record instanceof FormulaRecord)) {
                formulaRow = -1;
            }
            switch (record) {
                case DimensionsRecord dimensions -> sheet.declareLastRow(dimensions.getLastRow());
                case RowRecord row -> sheet.requireWithinLimit(row.getRowNumber() + 1);
                case BlankRecord blank -> sheet.requireWithinLimit(blank.getRow() + 1);
                case MulBlankRecord blanks -> sheet.requireWithinLimit(blanks.getRow() + 1);
                case NumberRecord number -> cell(number, RawCell.number(number.getValue(), date1904));
                case LabelSSTRecord label -> cell(label, RawCell.text(sharedString(label.getSSTIndex())));
                case LabelRecord label -> cell(label, RawCell.text(label.getValue()));
                case BoolErrRecord value -> cell(value,
                        value.isBoolean() ? RawCell.text(Boolean.toString(value.getBooleanValue())) : RawCell.BLANK);
                case FormulaRecord formula -> formula(formula);
                case StringRecord text -> {
                    if (formulaRow >= 0) {
                        cell(formulaRow, formulaColumn, RawCell.text(text.getString()).asFormula());
                        formulaRow = -1;
                    }
                }
                default -> {
                    // Formatting, merged cells, pictures and the like do not matter to a roster.
                }
            }
        }

        /** Takes the cached result of a formula, as Excel shows it; a text result follows in a string record. */
        private void formula(FormulaRecord formula) {
            formulaRow = -1;
            CellType type = formula.getCachedResultTypeEnum();
            if (type == CellType.NUMERIC) {
                cell(formula, RawCell.number(formula.getValue(), date1904).asFormula());
            }
            else if (type == CellType.BOOLEAN) {
                cell(formula, RawCell.text(Boolean.toString(formula.getCachedBooleanValue())).asFormula());
            }
            else if (type == CellType.STRING) {
                formulaRow = formula.getRow();
                formulaColumn = formula.getColumn() & 0xFFFF;
            }
            else {
                cell(formula, RawCell.FORMULA_WITHOUT_VALUE);
            }
        }

        private String sharedString(int index) {
            SSTRecord sst = strings;
            if (sst == null || index < 0 || index >= sst.getNumUniqueStrings()) {
                throw new IllegalArgumentException("No shared string " + index);
            }
            return sst.getString(index).getString();
        }

        private void cell(CellValueRecordInterface record, RawCell value) {
            cell(record.getRow(), record.getColumn() & 0xFFFF, value);
        }

        /** Puts a value into the row being collected; records come row by row, from the top. */
        private void cell(int row, int column, RawCell value) {
            RosterTable sheet = table;
            if (sheet == null || !sheet.wantsRows()) {
                return;
            }
            if (row != rowIndex) {
                if (row < rowIndex) {
                    throw new IllegalArgumentException("Row " + row + " after row " + rowIndex);
                }
                endRow(sheet);
                sheet.requireWithinLimit(row + 1);
                rowIndex = row;
                cells = new RawCell[sheet.columnLimit()];
            }
            @Nullable RawCell[] values = cells;
            if (values != null && column < values.length) {
                values[column] = value;
            }
        }

        private void endRow(RosterTable sheet) {
            @Nullable RawCell[] row = cells;
            cells = null;
            if (row != null && sheet.wantsRows()) {
                sheet.add(rowIndex + 1, RosterTable.cellsOf(row));
            }
        }

        /** Ends a worksheet and returns whether it held the roster. */
        private boolean endSheet() {
            RosterTable sheet = table;
            if (sheet == null) {
                return false;
            }
            endRow(sheet);
            table = null;
            roster = sheet.finish(RosterFormat.workbook(RosterFormat.Kind.XLS)).orElse(null);
            return roster != null;
        }
    }
}
