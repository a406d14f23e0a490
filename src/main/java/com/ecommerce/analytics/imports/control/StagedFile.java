package com.ecommerce.analytics.imports.control;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.ecommerce.analytics.customers.entity.CountryCode;

/**
 * The valid rows of a file being imported, kept on disk in a directory of their own: gathered by invoice and the
 * invoices put in the order they are written (by their earliest line's date, then number; credit notes after
 * every invoice), whatever the order of the rows in the file and whatever its size, with two external sorts.
 * Only the SKUs are summed up in memory: a product's earliest and latest sale and the file's spellings of it.
 */
final class StagedFile implements AutoCloseable {

    /** A staged row: a valid line of the file and the row as it was written there. */
    record StagedLine(SalesLine line, String raw) {
    }

    /** What a SKU is created with if no product has it: its earliest sale and its latest, and every spelling of it. */
    record SkuSales(String key, StagedSale earliest, StagedSale latest, Set<String> spellings) {
    }

    /** A sale as it decides a new product's name and price. */
    record StagedSale(String sku, String description, BigDecimal unitPrice, Instant date, String invoice) {
    }

    /** Lines per sorted chunk: about 30 MB of heap. */
    private static final int CHUNK_LINES = 100_000;
    private static final Comparator<StagedLine> BY_INVOICE = Comparator
            .comparing((StagedLine staged) -> staged.line().invoice()).thenComparingLong(staged -> staged.line().line());
    /** The order invoices are written in: invoices before credit notes, each by date, then number. */
    private static final Comparator<List<StagedLine>> WRITING_ORDER = Comparator
            .comparing((List<StagedLine> invoice) -> isCredit(invoice)).thenComparing(StagedFile::date)
            .thenComparing(invoice -> invoice.get(0).line().invoice());
    private static final Comparator<StagedSale> SALE_ORDER = Comparator.comparing(StagedSale::date)
            .thenComparing(StagedSale::invoice).thenComparing(StagedSale::description).thenComparing(StagedSale::unitPrice);

    private final Path directory;
    private final int chunkLines;
    private final SortedRuns<StagedLine> lines;
    private final Map<String, SkuSales> skus = new TreeMap<>();
    private SortedRuns<List<StagedLine>> invoices;

    StagedFile(long run) {
        this(run, CHUNK_LINES);
    }

    StagedFile(long run, int chunkLines) {
        this.chunkLines = chunkLines;
        try {
            this.directory = Files.createTempDirectory("import-" + run + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.lines = new SortedRuns<>(directory, "lines", BY_INVOICE, LINE_CODEC, staged -> 1, chunkLines);
    }

    void add(SalesLine line, String raw) {
        lines.add(new StagedLine(line, raw));
        String key = ImportTables.normal(line.sku());
        SkuSales known = skus.computeIfAbsent(key, k -> new SkuSales(k, null, null, new TreeSet<>()));
        known.spellings().add(line.sku());
        if (!SalesLineFormat.isCreditNote(line.invoice())) {
            StagedSale sale = new StagedSale(line.sku(), line.description(), line.unitPrice(), line.date(), line.invoice());
            skus.put(key, new SkuSales(key, earlier(known.earliest(), sale), later(known.latest(), sale), known.spellings()));
        }
    }

    List<SkuSales> skus() {
        return List.copyOf(skus.values());
    }

    /** The file's invoices and credit notes, each as its lines, in the order they are written; sorted once. */
    Iterator<List<StagedLine>> invoices() {
        invoices = new SortedRuns<>(directory, "invoices", WRITING_ORDER, INVOICE_CODEC, List::size, chunkLines);
        List<StagedLine> invoice = new ArrayList<>();
        for (Iterator<StagedLine> sorted = lines.sorted(); sorted.hasNext(); ) {
            StagedLine line = sorted.next();
            if (!invoice.isEmpty() && !invoice.get(0).line().invoice().equals(line.line().invoice())) {
                invoices.add(invoice);
                invoice = new ArrayList<>();
            }
            invoice.add(line);
        }
        if (!invoice.isEmpty()) {
            invoices.add(invoice);
        }
        lines.close();
        return invoices.sorted();
    }

    /** How many invoices and credit notes invoices() found. */
    long invoiceCount() {
        return invoices == null ? 0 : invoices.count();
    }

    Path directory() {
        return directory;
    }

    static boolean isCredit(List<StagedLine> invoice) {
        return SalesLineFormat.isCreditNote(invoice.get(0).line().invoice());
    }

    @Override
    public void close() {
        lines.close();
        if (invoices != null) {
            invoices.close();
        }
        try {
            Files.deleteIfExists(directory);
        } catch (IOException e) {
            // a temporary directory; the server's temporary directory is cleared on restart
        }
    }

    private static Instant date(List<StagedLine> invoice) {
        Instant earliest = invoice.get(0).line().date();
        for (StagedLine line : invoice) {
            earliest = line.line().date().isBefore(earliest) ? line.line().date() : earliest;
        }
        return earliest;
    }

    private static StagedSale earlier(StagedSale known, StagedSale sale) {
        return known == null || SALE_ORDER.compare(sale, known) < 0 ? sale : known;
    }

    private static StagedSale later(StagedSale known, StagedSale sale) {
        return known == null || SALE_ORDER.compare(sale, known) > 0 ? sale : known;
    }

    private static final SortedRuns.Codec<StagedLine> LINE_CODEC = new SortedRuns.Codec<>() {
        @Override
        public void write(DataOutputStream out, StagedLine staged) throws IOException {
            SalesLine line = staged.line();
            out.writeLong(line.line());
            out.writeUTF(line.invoice());
            out.writeUTF(line.sku());
            out.writeUTF(line.description());
            out.writeInt(line.quantity());
            out.writeLong(line.date().getEpochSecond());
            out.writeUTF(line.unitPrice().toPlainString());
            out.writeUTF(line.customer());
            out.writeUTF(line.country().value());
            out.writeUTF(staged.raw());
        }

        @Override
        public StagedLine read(DataInputStream in) throws IOException {
            long line = in.readLong();
            SalesLine sale = new SalesLine(line, in.readUTF(), in.readUTF(), in.readUTF(), in.readInt(),
                    Instant.ofEpochSecond(in.readLong()), new BigDecimal(in.readUTF()), in.readUTF(),
                    new CountryCode(in.readUTF()));
            return new StagedLine(sale, in.readUTF());
        }
    };

    private static final SortedRuns.Codec<List<StagedLine>> INVOICE_CODEC = new SortedRuns.Codec<>() {
        @Override
        public void write(DataOutputStream out, List<StagedLine> invoice) throws IOException {
            out.writeInt(invoice.size());
            for (StagedLine line : invoice) {
                LINE_CODEC.write(out, line);
            }
        }

        @Override
        public List<StagedLine> read(DataInputStream in) throws IOException {
            int size = in.readInt();
            List<StagedLine> invoice = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                invoice.add(LINE_CODEC.read(in));
            }
            return invoice;
        }
    };
}
