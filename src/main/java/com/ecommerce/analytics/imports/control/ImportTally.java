package com.ecommerce.analytics.imports.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.ecommerce.analytics.analytics.ledger.DeferredRollups;

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
    DeferredRollups.Owed owed = new DeferredRollups.Owed(Map.of(), Set.of());

    void reject(SalesLine line, String reason) {
        rejections.add(new Rejection(line.line(), reason));
    }
}
