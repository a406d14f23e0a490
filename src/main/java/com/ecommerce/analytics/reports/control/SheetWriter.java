package com.ecommerce.analytics.reports.control;

import java.util.List;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes a table to worksheets: a bold, frozen header row with an autofilter, fixed column widths (sizing
 * columns to their contents reads every row, which is slow on a big sheet), and values as real numbers
 * and dates. A table longer than a sheet continues on "Name (2)", "Name (3)"...
 */
final class SheetWriter {

    /** Rows a sheet holds after its header row. */
    static final int ROWS_PER_SHEET = SpreadsheetVersion.EXCEL2007.getMaxRows() - 1;

    private final SXSSFWorkbook workbook;
    private final String name;
    private final List<Column> columns;
    private final int rowsPerSheet;
    private final CellStyles cellStyles;
    private final CellStyle[] styles;
    private final CellStyle[] totalStyles;
    private SXSSFSheet sheet;
    private int sheets;
    private int rowIndex;
    private boolean filtered;

    SheetWriter(CellStyles cellStyles, String name, List<Column> columns) {
        this(cellStyles, name, columns, ROWS_PER_SHEET);
    }

    SheetWriter(CellStyles cellStyles, String name, List<Column> columns, int rowsPerSheet) {
        this.workbook = cellStyles.workbook();
        this.cellStyles = cellStyles;
        this.name = name;
        this.columns = columns;
        this.rowsPerSheet = rowsPerSheet;
        this.styles = columns.stream().map(column -> cellStyles.of(column.kind())).toArray(CellStyle[]::new);
        this.totalStyles = columns.stream().map(column -> cellStyles.bold(column.kind())).toArray(CellStyle[]::new);
        startSheet();
    }

    void row(Object... values) {
        if (rowIndex > rowsPerSheet) {
            filter();
            startSheet();
        }
        write(sheet.createRow(rowIndex++), values, styles);
    }

    /** A bold row under the table (its totals), outside the autofilter. */
    void totalRow(Object... values) {
        filter();
        write(sheet.createRow(rowIndex++), values, totalStyles);
    }

    void finish() {
        filter();
    }

    private void startSheet() {
        sheets++;
        sheet = workbook.createSheet(sheets == 1 ? name : name + " (" + sheets + ")");
        Row titles = sheet.createRow(0);
        CellStyle header = cellStyles.bold(Column.Kind.TEXT);
        for (int i = 0; i < columns.size(); i++) {
            Cell cell = titles.createCell(i);
            cell.setCellValue(columns.get(i).title());
            cell.setCellStyle(header);
            sheet.setColumnWidth(i, columns.get(i).width() * 256);
        }
        sheet.createFreezePane(0, 1);
        rowIndex = 1;
        filtered = false;
    }

    private void filter() {
        if (!filtered) {
            sheet.setAutoFilter(new CellRangeAddress(0, Math.max(rowIndex - 1, 0), 0, columns.size() - 1));
            filtered = true;
        }
    }

    private static void write(Row row, Object[] values, CellStyle[] styles) {
        for (int i = 0; i < values.length; i++) {
            CellStyles.write(row.createCell(i), values[i], styles[i]);
        }
    }
}
