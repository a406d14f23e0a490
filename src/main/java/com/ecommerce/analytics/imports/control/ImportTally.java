package com.ecommerce.analytics.imports.control;

import java.util.ArrayList;
import java.util.List;

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

    void reject(SalesLine line, String reason) {
        rejections.add(new Rejection(line.line(), reason));
    }
}
