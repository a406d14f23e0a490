package com.ecommerce.analytics.imports.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.ecommerce.analytics.platform.errors.InvalidRequest;

class InvoiceReaderTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private final Rejections rejections = new Rejections();

    private List<Invoice> read(String csv) {
        InvoiceReader reader = new InvoiceReader(new StringReader(csv), ZoneId.of("Europe/London"), NOW, rejections);
        List<Invoice> invoices = new ArrayList<>();
        for (Invoice invoice = reader.next(); invoice != null; invoice = reader.next()) {
            invoices.add(invoice);
        }
        return invoices;
    }

    @Test
    void consecutiveLinesOfAnInvoiceFormOneInvoiceReadInTheGivenTimeZone() {
        List<Invoice> invoices = read(SalesLineFormat.HEADER + "\n"
                + "536365,85123A,\"WHITE HANGING HEART T-LIGHT HOLDER, LARGE\",6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom\n"
                + "536365,71053,WHITE METAL LANTERN,6,12/1/2010 8:26,3.39,17850,United Kingdom\n"
                + "536366,22633,HAND WARMER UNION JACK,6,2010-07-01 09:28,1.85,17850,EIRE\n");
        assertEquals(2, invoices.size());
        Invoice first = invoices.get(0);
        assertEquals("536365", first.number());
        assertEquals("17850", first.customer(), "17850.0 is customer 17850");
        assertEquals("GB", first.country().value());
        assertEquals(Instant.parse("2010-12-01T08:26:00Z"), first.date(), "London is on UTC in December");
        assertEquals(2, first.lines().size());
        assertEquals("WHITE HANGING HEART T-LIGHT HOLDER, LARGE", first.lines().get(0).description());
        assertEquals(new BigDecimal("3.39"), first.lines().get(1).unitPrice());
        assertEquals(3, first.lines().get(1).line());
        assertEquals(Instant.parse("2010-07-01T08:28:00Z"), invoices.get(1).date(), "summer time in July");
        assertEquals("IE", invoices.get(1).country().value(), "EIRE is Ireland");
        assertEquals(0, rejections.count());
    }

    @Test
    void everyUnreadableRowIsRejectedWithItsLineNumberAndReason() {
        List<Invoice> invoices = read("InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\r\n"
                + "1001,A1,\"a description\nover two lines\",1,2010-12-01 08:00,1.00,,United Kingdom\r\n"
                + "1001,A2,zero,0,2010-12-01 08:00,1.00,1,United Kingdom\r\n"
                + "1001,A3,negative price,1,2010-12-01 08:00,-1.00,1,United Kingdom\r\n"
                + "1001,A4,nowhere,1,2010-12-01 08:00,1.00,1,Atlantis\r\n"
                + "1001,A5,bad date,1,2010-13-45 08:00,1.00,1,United Kingdom\r\n"
                + "1001,A6,short,1,2010-12-01 08:00,1.00,1\r\n"
                + "1001,A7,not a number,two,2010-12-01 08:00,1.00,1,United Kingdom\r\n"
                + "1001,A8,future,1,2030-12-01 08:00,1.00,1,United Kingdom\r\n"
                + "1001,A9,negative sale,-2,2010-12-01 08:00,1.00,1,United Kingdom\r\n"
                + "C1002,A9,positive credit,2,2010-12-01 08:00,1.00,1,United Kingdom\r\n"
                + "1003,B1,good,1,2010-12-01 08:00,1.00,7,United Kingdom\r\n"
                + "1003,B2,other customer,1,2010-12-01 08:00,1.00,8,United Kingdom\r\n"
                + "1004,B3,good,1,2010-12-01 08:00,1.00,7,United Kingdom\r\n"
                + "1003,B4,again,1,2010-12-01 08:00,1.00,7,United Kingdom\r\n"
                + "\r\n");
        assertEquals(List.of("1003", "1004"), invoices.stream().map(Invoice::number).toList());
        List<Rejection> rejected = rejections.first();
        assertEquals(12, rejections.count());
        assertEquals(new Rejection(2, "no CustomerID"), rejected.get(0), "a quoted line break stays in its row");
        assertEquals(new Rejection(4, "Quantity is 0"), rejected.get(1));
        assertEquals(new Rejection(5, "UnitPrice -1.00 is negative"), rejected.get(2));
        assertEquals(new Rejection(6, "unknown country 'Atlantis'"), rejected.get(3));
        assertTrue(rejected.get(4).reason().startsWith("InvoiceDate '2010-13-45 08:00' is not a date"), rejected.get(4).reason());
        assertEquals(new Rejection(8, "expected 8 values, found 7"), rejected.get(5));
        assertEquals(new Rejection(9, "Quantity 'two' is not a whole number"), rejected.get(6));
        assertEquals(new Rejection(10, "InvoiceDate 2030-12-01 08:00 is in the future"), rejected.get(7));
        assertTrue(rejected.get(8).reason().contains("not a credit note"), rejected.get(8).reason());
        assertEquals(new Rejection(12, "credit note C1002 has a positive Quantity 2"), rejected.get(9));
        assertEquals(14, rejected.get(10).line());
        assertTrue(rejected.get(10).reason().contains("is for customer 7"), rejected.get(10).reason());
        assertEquals(new Rejection(16, "invoice 1003 began earlier, on line 13; an invoice's lines must be consecutive"),
                rejected.get(11));
    }

    @Test
    void theSecondEditionsColumnNamesInAnotherOrderAreRead() {
        List<Invoice> invoices = read("Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country\n"
                + "489434,85048,15CM CHRISTMAS GLASS BALL 20 LIGHTS,12,2009-12-01 07:45:00,6.95,13085.0,United Kingdom\n");
        assertEquals("13085", invoices.get(0).customer());
        assertEquals(new BigDecimal("6.95"), invoices.get(0).lines().get(0).unitPrice());
    }

    @Test
    void aFileWithoutTheColumnsOrWithoutAnyRowIsRefusedWhole() {
        assertThrows(InvalidRequest.class, () -> read("InvoiceNo,StockCode,Quantity\n1,2,3\n"));
        assertThrows(InvalidRequest.class, () -> read(""));
        assertNull(new InvoiceReader(new StringReader(SalesLineFormat.HEADER + "\n"), ZoneId.of("UTC"), NOW, rejections).next());
    }
}
