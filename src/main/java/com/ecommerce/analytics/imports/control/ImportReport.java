package com.ecommerce.analytics.imports.control;

import java.util.List;

/** The answer to an import: what it created, what it found already imported, and what it refused and why. */
public record ImportReport(long rowsRead, long ordersCreated, long itemsCreated, long refundsCreated,
                           long customersCreated, long productsCreated, long invoicesAlreadyImported,
                           long rowsAlreadyImported, long rowsRejected, List<Rejection> rejections) {

    static ImportReport of(long rowsRead, ImportTally tally, Rejections rejections) {
        return new ImportReport(rowsRead, tally.ordersCreated, tally.itemsCreated, tally.refundsCreated,
                tally.customersCreated, tally.productsCreated, tally.invoicesAlreadyImported, tally.rowsAlreadyImported,
                rejections.count(), rejections.first());
    }
}
