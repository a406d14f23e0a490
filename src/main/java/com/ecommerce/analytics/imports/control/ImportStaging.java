package com.ecommerce.analytics.imports.control;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import com.ecommerce.analytics.platform.database.StoredTime;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/**
 * The import's short transactions besides its invoice batches: the rows refused and the count of rows read, kept
 * as the file streams in, and the products of the file found or created, a slice of SKUs at a time, before any
 * invoice is written.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ImportStaging {

    static final int SKUS_PER_TRANSACTION = 1_000;

    @Resource(lookup = "jdbc/platform")
    DataSource dataSource;

    public void read(long run, List<RejectedRow> rejected, long rowsRead) {
        try (Connection db = dataSource.getConnection()) {
            ImportRejections.insert(db, run, rejected);
            ImportRuns.staged(db, run, rowsRead, rejected.size());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot keep the rows read by import " + run, e);
        }
    }

    /** The products of these SKUs (found, or created if the file sells them), by SKU compared without case. */
    public ImportedProducts.Found products(long run, List<StagedFile.SkuSales> skus) {
        try (Connection db = dataSource.getConnection()) {
            ImportedProducts.Found products = ImportedProducts.findOrCreate(new ImportTables(db), skus, StoredTime.now());
            ImportRuns.productsCreated(db, run, products.created());
            return products;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the products of import " + run, e);
        }
    }
}
