-- Sales per product by month and by year, per country and over all countries (country '**'), kept in the same
-- transaction as sales_daily. A range is the sum of a few whole years, months and days, so a change of an old
-- day touches five rows however much history follows it; the cumulative snapshots of V7, which an old change
-- had to correct for every later snapshot day, are gone. See ProductSalesReader and PeriodCover.
CREATE TABLE sales_rollup (
    grain          CHAR(1)       NOT NULL,
    country        CHAR(2)       NOT NULL,
    period_start   DATE          NOT NULL,
    product_id     BIGINT        NOT NULL,
    units          BIGINT        NOT NULL DEFAULT 0,
    gross          DECIMAL(16,2) NOT NULL DEFAULT 0,
    orders         BIGINT        NOT NULL DEFAULT 0,
    refunded_units BIGINT        NOT NULL DEFAULT 0,
    refunds        DECIMAL(16,2) NOT NULL DEFAULT 0,
    PRIMARY KEY (grain, country, period_start, product_id)
);

DROP TABLE product_sales_before;
DROP TABLE product_country_sales_before;
DROP TABLE sales_snapshot_day;

-- sales_aggregates no longer locks anything. It records the store time zone the aggregates were built in and
-- a lease, so that one instance at a time repairs them in the background; the empty zone makes the server
-- fill the new rollups from the daily rows after it starts.
ALTER TABLE sales_aggregates ADD COLUMN rebuild_owner VARCHAR(64);
ALTER TABLE sales_aggregates ADD COLUMN rebuild_until BIGINT NOT NULL DEFAULT 0;
UPDATE sales_aggregates SET store_time_zone = '';

-- Every order of a country on a day added to the same country_daily row, and every order of a category to the
-- same category_daily row, so orders of one country took turns at that row until they committed. Each writer
-- now adds to one of eight slots of the day's row, chosen at random, and readers sum the slots.
ALTER TABLE country_daily ADD COLUMN slot SMALLINT NOT NULL DEFAULT 0;
ALTER TABLE country_daily DROP PRIMARY KEY;
ALTER TABLE country_daily ADD PRIMARY KEY (sale_date, country, slot);
ALTER TABLE category_daily ADD COLUMN slot SMALLINT NOT NULL DEFAULT 0;
ALTER TABLE category_daily DROP PRIMARY KEY;
ALTER TABLE category_daily ADD PRIMARY KEY (sale_date, category_id, slot);
