package com.ecommerce.analytics.reports.control;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Currency;
import java.util.EnumMap;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** One cell style per kind of value, plain and bold, shared by a workbook's sheets (a workbook has few to spare). */
final class CellStyles {

    private final SXSSFWorkbook workbook;
    private final Currency currency;
    private final Map<Column.Kind, CellStyle> plain = new EnumMap<>(Column.Kind.class);
    private final Map<Column.Kind, CellStyle> bold = new EnumMap<>(Column.Kind.class);

    CellStyles(SXSSFWorkbook workbook, Currency currency) {
        this.workbook = workbook;
        this.currency = currency;
        Font boldFont = workbook.createFont();
        boldFont.setBold(true);
        for (Column.Kind kind : Column.Kind.values()) {
            plain.put(kind, style(kind));
            CellStyle strong = style(kind);
            strong.setFont(boldFont);
            bold.put(kind, strong);
        }
    }

    SXSSFWorkbook workbook() {
        return workbook;
    }

    CellStyle of(Column.Kind kind) {
        return plain.get(kind);
    }

    CellStyle bold(Column.Kind kind) {
        return bold.get(kind);
    }

    /** Numbers as numbers, dates as dates (Excel has no time zones: store-calendar wall time). */
    static void write(Cell cell, Object value, CellStyle style) {
        cell.setCellStyle(style);
        if (value == null) {
            cell.setBlank();
        } else if (value instanceof Number number) {
            cell.setCellValue(number.doubleValue());
        } else if (value instanceof LocalDateTime time) {
            cell.setCellValue(time);
        } else if (value instanceof LocalDate date) {
            cell.setCellValue(date);
        } else {
            cell.setCellValue(value.toString());
        }
    }

    /** Amounts to the currency's minor unit, its ISO code after them: "#,##0.00 [$EUR]" shows 1,234.50 EUR. */
    static String moneyFormat(Currency currency) {
        int digits = Math.max(0, currency.getDefaultFractionDigits());
        return "#,##0" + (digits == 0 ? "" : "." + "0".repeat(digits)) + " [$" + currency.getCurrencyCode() + "]";
    }

    Currency currency() {
        return currency;
    }

    private CellStyle style(Column.Kind kind) {
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(workbook.createDataFormat().getFormat(switch (kind) {
            case TEXT -> "@";
            case WHOLE -> "#,##0";
            case DECIMAL -> "#,##0.0";
            case MONEY -> moneyFormat(currency);
            case SHARE -> "0.0%";
            case DATE -> "yyyy-mm-dd";
            case DATE_TIME -> "yyyy-mm-dd hh:mm";
        }));
        return style;
    }
}
