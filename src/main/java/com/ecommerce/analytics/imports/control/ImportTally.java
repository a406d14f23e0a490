package com.ecommerce.analytics.imports.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.ecommerce.analytics.analytics.control.Measures;
import com.ecommerce.analytics.analytics.ledger.SalesRows;

/** What an import batch created, skipped and rejected. */
public class ImportTally {

    long ordersCreated;
    long itemsCreated;
    long refundsCreated;
    long customersCreated;
    long productsCreated;
    long invoicesAlreadyImported;
    long rowsAlreadyImported;
    final List<Rejection> rejections = new ArrayList<>();
    /** The month and year rows the batch owes (DeferredRollups). */
    Map<SalesRows.RollupKey, Measures> owed = Map.of();

    void reject(SalesLine line, String reason) {
        rejections.add(new Rejection(line.line(), reason));
    }
}
