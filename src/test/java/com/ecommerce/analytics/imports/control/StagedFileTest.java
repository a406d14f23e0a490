package com.ecommerce.analytics.imports.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.ecommerce.analytics.customers.entity.CountryCode;

class StagedFileTest {

    private static List<SalesLine> shuffledLines(int count, long seed) {
        Random random = new Random(seed);
        List<SalesLine> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int invoice = random.nextInt(150);
            String number = (invoice % 10 == 0 ? "C" : "") + (1000 + invoice);
            lines.add(new SalesLine(i + 2, number, "SKU" + random.nextInt(20), "Item, \"quoted\"", invoice % 10 == 0 ? -1 : 2,
                    Instant.parse("2012-01-01T00:00:00Z").plusSeconds(random.nextInt(90 * 86_400)),
                    new BigDecimal("1.25"), "C" + invoice % 40, new CountryCode("GB")));
        }
        return lines;
    }

    @Test
    void linesSpilledInManyChunksComeBackAsWholeInvoicesInDateOrderCreditNotesLast() throws Exception {
        List<SalesLine> lines = shuffledLines(2_000, 1);
        List<List<Long>> invoices = new ArrayList<>();
        Path directory;
        try (StagedFile staged = new StagedFile(7, 37)) {
            directory = staged.directory();
            lines.forEach(line -> staged.add(line, "row " + line.line()));
            for (Iterator<List<StagedFile.StagedLine>> sorted = staged.invoices(); sorted.hasNext(); ) {
                List<StagedFile.StagedLine> invoice = sorted.next();
                assertEquals(1, invoice.stream().map(staged1 -> staged1.line().invoice()).distinct().count());
                invoice.forEach(line -> assertEquals("row " + line.line().line(), line.raw()));
                invoices.add(invoice.stream().map(line -> line.line().line()).sorted().toList());
            }
            assertTrue(Files.list(directory).count() > 10, "spilled to many files");
        }
        assertFalse(Files.exists(directory), "deleted when closed");

        Map<String, List<SalesLine>> byInvoice = lines.stream().collect(Collectors.groupingBy(SalesLine::invoice,
                TreeMap::new, Collectors.toList()));
        List<List<Long>> expected = byInvoice.values().stream()
                .sorted(Comparator.comparing((List<SalesLine> invoice) -> invoice.get(0).invoice().startsWith("C"))
                        .thenComparing(invoice -> invoice.stream().map(SalesLine::date).min(Comparator.naturalOrder())
                                .orElseThrow())
                        .thenComparing(invoice -> invoice.get(0).invoice()))
                .map(invoice -> invoice.stream().map(SalesLine::line).sorted().toList()).toList();
        assertEquals(expected, invoices);
    }

    @Test
    void aSkuIsNamedByItsEarliestSaleAndPricedByItsLatestWhateverTheRowOrder() {
        try (StagedFile staged = new StagedFile(8, 10)) {
            staged.add(new SalesLine(2, "B2", "mug", "MUG LATE", 1, Instant.parse("2012-03-01T00:00:00Z"),
                    new BigDecimal("3.00"), "1", new CountryCode("GB")), "");
            staged.add(new SalesLine(3, "A1", "MUG", "MUG FIRST", 1, Instant.parse("2012-01-01T00:00:00Z"),
                    new BigDecimal("2.00"), "1", new CountryCode("GB")), "");
            staged.add(new SalesLine(4, "CX", "Mug", "MUG RETURNED", -1, Instant.parse("2012-04-01T00:00:00Z"),
                    new BigDecimal("9.00"), "1", new CountryCode("GB")), "");
            StagedFile.SkuSales mug = staged.skus().get(0);
            assertEquals("MUG", mug.key());
            assertEquals("MUG FIRST", mug.earliest().description());
            assertEquals(new BigDecimal("3.00"), mug.latest().unitPrice(), "a credit note does not set the price");
            assertEquals(List.of("MUG", "Mug", "mug"), List.copyOf(mug.spellings()));
        }
    }
}
