-- The month and year periods whose rollup rows lack what a running import has written to their days: the
-- import adds those rows once every few thousand invoices instead of in every batch (see DeferredRollups), and
-- until then readers read such a period from its finer rows, and a rebuild leaves its rollups alone. A marker
-- is written in the transaction that writes the days and removed in the one that adds their rollups.
CREATE TABLE sales_rollup_pending (
    grain        CHAR(1) NOT NULL,
    period_start DATE    NOT NULL,
    import_id    BIGINT  NOT NULL,
    PRIMARY KEY (grain, period_start, import_id)
);
