package com.ecommerce.analytics.imports.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.ecommerce.analytics.platform.errors.InvalidRequest;

class SalesFileReaderTest {

    private record Refused(long line, String reason) {
    }

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private final List<SalesLine> sales = new ArrayList<>();
    private final List<String> raws = new ArrayList<>();
    private final List<Refused> rejected = new ArrayList<>();

    private long read(String csv) {
        return read(csv.getBytes(StandardCharsets.UTF_8));
    }

    private long read(byte[] file) {
        SalesFileReader reader = new SalesFileReader(new ByteArrayInputStream(file), ZoneId.of("Europe/London"), NOW);
        return reader.readAll(new SalesFileReader.Rows() {
            @Override
            public void sale(SalesLine line, String raw) {
                sales.add(line);
                raws.add(raw);
            }

            @Override
            public void rejected(long line, String reason, String raw) {
                rejected.add(new Refused(line, reason));
                raws.add(raw);
            }
        });
    }

    @Test
    void rowsAreReadInTheGivenTimeZoneAndKeptAsTheyWere() {
        assertEquals(3, read(SalesLineFormat.HEADER + "\n"
                + "536365,85123A,\"WHITE HANGING HEART T-LIGHT HOLDER, LARGE\",6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom\n"
                + "536366,22633,HAND WARMER UNION JACK,6,2010-07-01 09:28,1.85,17850,EIRE\n"
                + "536365,71053,WHITE METAL LANTERN,6,12/1/2010 8:26,3.39,17850,United Kingdom\n"));
        SalesLine first = sales.get(0);
        assertEquals("536365", first.invoice());
        assertEquals("17850", first.customer(), "17850.0 is customer 17850");
        assertEquals("GB", first.country().value());
        assertEquals(Instant.parse("2010-12-01T08:26:00Z"), first.date(), "London is on UTC in December");
        assertEquals("WHITE HANGING HEART T-LIGHT HOLDER, LARGE", first.description());
        assertEquals(Instant.parse("2010-07-01T08:28:00Z"), sales.get(1).date(), "summer time in July");
        assertEquals("IE", sales.get(1).country().value(), "EIRE is Ireland");
        assertEquals(new BigDecimal("3.39"), sales.get(2).unitPrice());
        assertEquals(4, sales.get(2).line());
        assertEquals("536365,85123A,\"WHITE HANGING HEART T-LIGHT HOLDER, LARGE\",6,2010-12-01 08:26:00,2.55,17850.0,"
                + "United Kingdom", raws.get(0), "the row as it was, quoted where it needs to be");
        assertEquals(List.of(), rejected);
    }

    @Test
    void everyUnreadableRowIsRejectedWithItsLineNumberAndReason() {
        read("InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\r\n"
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
                + "1003,B1,no such day,1,2026-02-30 08:00,1.00,7,United Kingdom\r\n"
                + "1003,B2,before 1970,1,1969-12-31 08:00,1.00,7,United Kingdom\r\n"
                + "1003,B3,too many,4294967297,2010-12-01 08:00,1.00,7,United Kingdom\r\n"
                + "1003,B4,a fraction,1.5,2010-12-01 08:00,1.00,7,United Kingdom\r\n"
                + "1003,B5,too dear,1,2010-12-01 08:00,10000000000,7,United Kingdom\r\n"
                + "1003,B6,too much,1000000,2010-12-01 08:00,10000.00,7,United Kingdom\r\n"
                + "1004,B7,good,1,2010-12-01 08:00,1.00,7,United Kingdom\r\n"
                + "\r\n");
        assertEquals(1, sales.size());
        assertEquals(new Refused(2, "no CustomerID"), rejected.get(0), "a quoted line break stays in its row");
        assertEquals(new Refused(4, "Quantity is 0"), rejected.get(1));
        assertEquals(new Refused(5, "UnitPrice -1.00 is negative"), rejected.get(2));
        assertEquals(new Refused(6, "unknown country 'Atlantis'"), rejected.get(3));
        assertTrue(rejected.get(4).reason().startsWith("InvoiceDate '2010-13-45 08:00' is not a date"), rejected.get(4).reason());
        assertEquals(new Refused(8, "expected 8 values, found 7"), rejected.get(5));
        assertEquals(new Refused(9, "Quantity 'two' is not a whole number"), rejected.get(6));
        assertEquals(new Refused(10, "InvoiceDate 2030-12-01 08:00 is in the future"), rejected.get(7));
        assertTrue(rejected.get(8).reason().contains("not a credit note"), rejected.get(8).reason());
        assertEquals(new Refused(12, "credit note C1002 has a positive Quantity 2"), rejected.get(9));
        assertTrue(rejected.get(10).reason().startsWith("InvoiceDate '2026-02-30 08:00' is not a date"),
                "not read as the 28th: " + rejected.get(10).reason());
        assertEquals(new Refused(14, "InvoiceDate 1969-12-31 08:00 is before 1970"), rejected.get(11));
        assertEquals(new Refused(15, "Quantity 4294967297 is out of range (at most 2147483647 units)"), rejected.get(12));
        assertEquals(new Refused(16, "Quantity '1.5' is not a whole number"), rejected.get(13));
        assertEquals(new Refused(17, "UnitPrice 10000000000 is more than 9999999999.99"), rejected.get(14));
        assertEquals(new Refused(18, "the line's total, 1000000 x 10000.00, is more than 9999999999.99"), rejected.get(15));
        assertEquals(16, rejected.size());
    }

    @Test
    void theSecondEditionsColumnNamesInAnotherOrderAreRead() {
        read("Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country\n"
                + "489434,85048,15CM CHRISTMAS GLASS BALL 20 LIGHTS,12,2009-12-01 07:45:00,6.95,13085.0,United Kingdom\n");
        assertEquals("13085", sales.get(0).customer());
        assertEquals(new BigDecimal("6.95"), sales.get(0).unitPrice());
    }

    @Test
    void aFileWithoutTheColumnsWithoutAnyRowNotInUtf8OrBinaryIsRefusedWhole() {
        assertThrows(InvalidRequest.class, () -> read("InvoiceNo,StockCode,Quantity\n1,2,3\n"));
        assertThrows(InvalidRequest.class, () -> read(""));
        byte[] latin1 = (SalesLineFormat.HEADER + "\n1,A,CAFÉ,1,2010-12-01 08:00,1.00,7,France\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        assertTrue(assertThrows(InvalidRequest.class, () -> read(latin1)).getMessage().contains("not UTF-8"));
        byte[] binary = (SalesLineFormat.HEADER + "\n1,A,\0\0\0,1,2010-12-01 08:00,1.00,7,France\n")
                .getBytes(StandardCharsets.UTF_8);
        assertTrue(assertThrows(InvalidRequest.class, () -> read(binary)).getMessage().contains("binary"));
        assertEquals(0, read(SalesLineFormat.HEADER + "\n"));
    }
}
