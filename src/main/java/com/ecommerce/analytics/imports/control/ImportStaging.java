package com.ecommerce.analytics.imports.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import com.ecommerce.analytics.platform.database.StoredTime;

import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/**
 * The import's own tables, a slice per transaction: the file's rows staged as they are read, its invoices
 * listed in the order they are written, the products it sells created before any invoice, and the staged rows
 * deleted once the import has ended.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ImportStaging {

    /** SKUs per transaction when products are created; rows per statement when staged rows are deleted. */
    static final int PRODUCTS_PER_TRANSACTION = 1_000;
    private static final int DELETED_PER_TRANSACTION = 10_000;

    @Resource(lookup = "jdbc/platform")
    DataSource dataSource;

    @Resource
    SessionContext context;

    public void stage(long run, List<StagingTables.StagedLine> lines, List<RejectedRow> rejected,
                      long rowsRead) {
        try (Connection db = dataSource.getConnection()) {
            StagingTables staging = new StagingTables(db);
            staging.insertLines(run, lines);
            staging.insertRejections(run, rejected);
            ImportRuns.staged(db, run, rowsRead, rejected.size());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot stage the rows of import " + run, e);
        }
    }

    /** Lists the staged invoices in the order they are written; answers how many there are. */
    public long indexInvoices(long run, long fileBytes) {
        try (Connection db = dataSource.getConnection()) {
            try (PreparedStatement update = db.prepareStatement("UPDATE import_run SET file_bytes = ? WHERE id = ?")) {
                update.setLong(1, fileBytes);
                update.setLong(2, run);
                update.executeUpdate();
            }
            return new StagingTables(db).indexInvoices(run);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot list the invoices of import " + run, e);
        }
    }

    /** Creates the missing products of the next SKUs after the given one; answers the last SKU, or null when done. */
    public String createProducts(long run, String after) {
        try (Connection db = dataSource.getConnection()) {
            StagingTables staging = new StagingTables(db);
            List<String> skus = staging.skusAfter(run, after, PRODUCTS_PER_TRANSACTION);
            if (skus.isEmpty()) {
                return null;
            }
            ImportedProducts.Found products = ImportedProducts.findOrCreate(new ImportTables(db),
                    staging.spellingsOf(run, skus), staging.salesOf(run, skus), StoredTime.now());
            staging.insertProductIds(run, products.ids());
            ImportRuns.productsCreated(db, run, products.created());
            return skus.get(skus.size() - 1);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the products of import " + run, e);
        }
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<StagingTables.InvoiceKey> invoicesAfter(long run, boolean credit, StagingTables.InvoiceKey after, int count) {
        try (Connection db = dataSource.getConnection()) {
            return new StagingTables(db).invoicesAfter(run, credit, after, count);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the invoices of import " + run, e);
        }
    }

    /** Deletes the run's staged rows, a slice per transaction, on a thread of its own: no one waits for it. */
    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void clearLater(long run) {
        ImportStaging self = context.getBusinessObject(ImportStaging.class);
        while (self.clearSome(run) > 0) {
            // each slice committed on its own
        }
    }

    public int clearSome(long run) {
        try (Connection db = dataSource.getConnection()) {
            return new StagingTables(db).clear(run, DELETED_PER_TRANSACTION);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot delete the staged rows of import " + run, e);
        }
    }
}
