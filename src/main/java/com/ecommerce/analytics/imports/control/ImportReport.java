package com.ecommerce.analytics.imports.control;

import java.util.List;

/**
 * The answer to an import made while the client waits: what it created, what it found already imported, how
 * many rows it refused and the first hundred of them by line; every one is at the import's rejections.
 */
public record ImportReport(long id, String status, long rowsRead, long ordersCreated, long itemsCreated,
                           long refundsCreated, long customersCreated, long productsCreated, long invoicesAlreadyImported,
                           long rowsAlreadyImported, long rowsRejected, List<RejectedRow> rejections) {

    static ImportReport of(ImportRecord run, List<RejectedRow> firstRejections) {
        return new ImportReport(run.id(), run.status(), run.rowsRead(), run.ordersCreated(), run.itemsCreated(),
                run.refundsCreated(), run.customersCreated(), run.productsCreated(), run.invoicesAlreadyImported(),
                run.rowsAlreadyImported(), run.rowsRejected(), firstRejections);
    }
}
