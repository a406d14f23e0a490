-- Sales per store day and country over all products, with units and refunds as well as orders: revenue
-- by country, revenue over time and tax read days x countries rows. It replaces orders_daily.
CREATE TABLE country_daily (
    sale_date      DATE          NOT NULL,
    country        CHAR(2)       NOT NULL,
    orders         INT           NOT NULL DEFAULT 0,
    units          INT           NOT NULL DEFAULT 0,
    gross          DECIMAL(14,2) NOT NULL DEFAULT 0,
    refunded_units INT           NOT NULL DEFAULT 0,
    refunds        DECIMAL(14,2) NOT NULL DEFAULT 0,
    PRIMARY KEY (sale_date, country)
);
DROP TABLE orders_daily;

-- Snapshots of everything each product sold before a day (units, gross, orders containing it, refunds),
-- for every product that ever sold: weekly (Mondays) over all countries, monthly (the 1st) per country.
-- A range's sales are then the nearest snapshot to each end, corrected by the few days of sales_daily in
-- between, so product questions read about a snapshot's rows whatever the length of the range. Each
-- order, status change and refund updates the snapshots after its day in its own transaction.
CREATE TABLE sales_snapshot_day (
    scope        VARCHAR(16) NOT NULL,
    snapshot_day DATE        NOT NULL,
    PRIMARY KEY (scope, snapshot_day)
);

CREATE TABLE product_sales_before (
    snapshot_day   DATE          NOT NULL,
    product_id     BIGINT        NOT NULL,
    units          BIGINT        NOT NULL,
    gross          DECIMAL(16,2) NOT NULL,
    orders         BIGINT        NOT NULL,
    refunded_units BIGINT        NOT NULL,
    refunds        DECIMAL(16,2) NOT NULL,
    PRIMARY KEY (snapshot_day, product_id)
);

CREATE TABLE product_country_sales_before (
    snapshot_day   DATE          NOT NULL,
    country        CHAR(2)       NOT NULL,
    product_id     BIGINT        NOT NULL,
    units          BIGINT        NOT NULL,
    gross          DECIMAL(16,2) NOT NULL,
    orders         BIGINT        NOT NULL,
    refunded_units BIGINT        NOT NULL,
    refunds        DECIMAL(16,2) NOT NULL,
    PRIMARY KEY (snapshot_day, country, product_id)
);

-- Its row is locked shared by every change to the sales aggregates and exclusively while snapshots are
-- taken or the aggregates rebuilt; it also records the store time zone the aggregates were built in, so
-- the server rebuilds them when STORE_TIMEZONE changes.
CREATE TABLE sales_aggregates (
    id              INT         NOT NULL PRIMARY KEY,
    store_time_zone VARCHAR(64) NOT NULL
);
INSERT INTO sales_aggregates (id, store_time_zone) VALUES (1, '');

-- Which customers ordered in a short range, read from the index alone.
CREATE INDEX idx_orders_date_customer ON orders (order_date, status, customer_id);

-- A country's daily sales between a snapshot and a day, read from the index alone.
DROP INDEX idx_sales_daily_country ON sales_daily;
CREATE INDEX idx_sales_daily_country ON sales_daily (country, sale_date, product_id, units, gross, orders, refunded_units,
    refunds);

-- Every customer has a stats row (zeros before their first order), with net spend kept as a column, so
-- the customers report reads its biggest spenders from an index instead of sorting everyone.
ALTER TABLE customer_stats ADD COLUMN spend DECIMAL(14,2) NOT NULL DEFAULT 0;
UPDATE customer_stats SET spend = gross - refunds;
INSERT INTO customer_stats (customer_id)
    SELECT c.id FROM customer c WHERE NOT EXISTS (SELECT 1 FROM customer_stats s WHERE s.customer_id = c.id);
CREATE INDEX idx_customer_stats_spend ON customer_stats (spend DESC, customer_id);
