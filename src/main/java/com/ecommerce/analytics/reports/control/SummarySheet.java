package com.ecommerce.analytics.reports.control;

import java.time.YearMonth;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;

import com.ecommerce.analytics.analytics.control.RevenueSeries;
import com.ecommerce.analytics.analytics.control.SalesAnalytics.ProductRevenue;

/** The month at a glance: its figures, one per row, and its five best products by net revenue. */
final class SummarySheet {

    private final CellStyles styles;

    SummarySheet(CellStyles styles) {
        this.styles = styles;
    }

    void write(YearMonth month, String timeZone, RevenueSeries.Totals totals, List<ProductRevenue> products) {
        SXSSFSheet sheet = styles.workbook().createSheet("Summary");
        sheet.setColumnWidth(0, 26 * 256);
        sheet.setColumnWidth(1, 16 * 256);
        sheet.setColumnWidth(2, 32 * 256);
        sheet.setColumnWidth(3, 12 * 256);
        sheet.setColumnWidth(4, 16 * 256);
        Object[][] figures = {
                {"Period", month.toString(), Column.Kind.TEXT},
                {"From", month.atDay(1), Column.Kind.DATE},
                {"To", month.atEndOfMonth(), Column.Kind.DATE},
                {"Store time zone", timeZone, Column.Kind.TEXT},
                {"Currency", styles.currency().getCurrencyCode(), Column.Kind.TEXT},
                {"Gross sales", totals.grossSales(), Column.Kind.MONEY},
                {"Refunds", totals.refunds(), Column.Kind.MONEY},
                {"Net revenue", totals.netRevenue(), Column.Kind.MONEY},
                {"Tax", totals.tax(), Column.Kind.MONEY},
                {"Orders", totals.orders(), Column.Kind.WHOLE},
                {"Units sold", totals.unitsSold(), Column.Kind.WHOLE},
                {"Average order value", totals.averageOrderValue(), Column.Kind.MONEY},
                {"Customers", totals.customers(), Column.Kind.WHOLE},
                {"New customers", totals.newCustomers(), Column.Kind.WHOLE}};
        int rowIndex = 0;
        for (Object[] figure : figures) {
            Row row = sheet.createRow(rowIndex++);
            CellStyles.write(row.createCell(0), figure[0], styles.bold(Column.Kind.TEXT));
            CellStyles.write(row.createCell(1), figure[1], styles.of((Column.Kind) figure[2]));
        }
        rowIndex++;
        Row title = sheet.createRow(rowIndex++);
        CellStyles.write(title.createCell(0), "Top 5 products by net revenue", styles.bold(Column.Kind.TEXT));
        Row header = sheet.createRow(rowIndex++);
        List<String> titles = List.of("Rank", "SKU", "Product", "Units sold", "Net revenue");
        for (int i = 0; i < titles.size(); i++) {
            CellStyles.write(header.createCell(i), titles.get(i), styles.bold(Column.Kind.TEXT));
        }
        List<Column.Kind> kinds = List.of(Column.Kind.WHOLE, Column.Kind.TEXT, Column.Kind.TEXT, Column.Kind.WHOLE,
                Column.Kind.MONEY);
        for (int rank = 1; rank <= Math.min(5, products.size()); rank++) {
            ProductRevenue product = products.get(rank - 1);
            Row row = sheet.createRow(rowIndex++);
            Object[] values = {rank, product.sku(), product.name(), product.unitsSold(), product.totalRevenue()};
            for (int i = 0; i < values.length; i++) {
                CellStyles.write(row.createCell(i), values[i], styles.of(kinds.get(i)));
            }
        }
    }
}
