package com.ecommerce.analytics.reports.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class SheetWriterTest {

    private static XSSFWorkbook written(int rowsPerSheet, int rows) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(10)) {
            SheetWriter sheet = new SheetWriter(new CellStyles(workbook, Currency.getInstance("EUR")), "Lines", List.of(Column.whole("Line"),
                    Column.date("Day"), Column.money("Amount"), Column.text("Note", 10)), rowsPerSheet);
            for (int i = 1; i <= rows; i++) {
                sheet.row(i, LocalDate.of(2024, 2, 29), new BigDecimal("12.50"), "n" + i);
            }
            sheet.finish();
            workbook.write(out);
        }
        return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
    }

    @Test
    void aTableLongerThanASheetContinuesOnNumberedSheetsEachWithItsHeader() throws Exception {
        try (XSSFWorkbook workbook = written(2, 5)) {
            assertEquals(List.of("Lines", "Lines (2)", "Lines (3)"),
                    List.of(workbook.getSheetName(0), workbook.getSheetName(1), workbook.getSheetName(2)));
            assertEquals(3, workbook.getNumberOfSheets());
            for (int s = 0; s < 3; s++) {
                XSSFSheet sheet = workbook.getSheetAt(s);
                assertEquals("Line", sheet.getRow(0).getCell(0).getStringCellValue());
                assertTrue(sheet.getCTWorksheet().isSetAutoFilter(), "autofilter on " + sheet.getSheetName());
                assertTrue(sheet.getPaneInformation().isFreezePane());
            }
            assertEquals(5, (int) workbook.getSheetAt(2).getRow(1).getCell(0).getNumericCellValue());
            assertEquals(List.of(2, 2, 1), List.of(workbook.getSheetAt(0).getLastRowNum(), workbook.getSheetAt(1).getLastRowNum(),
                    workbook.getSheetAt(2).getLastRowNum()), "data rows after each header");
        }
    }

    @Test
    void valuesAreNumbersAndDatesWithTheirFormats() throws Exception {
        try (XSSFWorkbook workbook = written(100, 1)) {
            var row = workbook.getSheetAt(0).getRow(1);
            assertEquals(CellType.NUMERIC, row.getCell(0).getCellType());
            assertTrue(DateUtil.isCellDateFormatted(row.getCell(1)));
            assertEquals(LocalDate.of(2024, 2, 29), row.getCell(1).getLocalDateTimeCellValue().toLocalDate());
            assertEquals(12.5, row.getCell(2).getNumericCellValue());
            assertEquals("#,##0.00 [$EUR]", row.getCell(2).getCellStyle().getDataFormatString());
            assertEquals(CellType.STRING, row.getCell(3).getCellType());
            assertTrue(workbook.getFontAt(workbook.getSheetAt(0).getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold());
        }
    }

    @Test
    void moneyShowsTheCurrencysMinorUnitAndItsCode() {
        assertEquals("#,##0.00 [$EUR]", CellStyles.moneyFormat(Currency.getInstance("EUR")));
        assertEquals("#,##0 [$JPY]", CellStyles.moneyFormat(Currency.getInstance("JPY")));
        assertEquals("#,##0.000 [$KWD]", CellStyles.moneyFormat(Currency.getInstance("KWD")));
    }
}
