-- The country an order was sold to, kept with the order: analytics count a sale where it happened,
-- even if the customer moves later.
ALTER TABLE orders ADD COLUMN country CHAR(2);
UPDATE orders SET country = (SELECT c.country FROM customer c WHERE c.id = orders.customer_id);
ALTER TABLE orders MODIFY COLUMN country CHAR(2) NOT NULL;
CREATE INDEX idx_orders_country_date ON orders (country, order_date);

-- Sales per store-calendar day, product and country, kept current in the same transaction as every
-- order, status change and refund, so analytics read days x products rows instead of order lines.
-- units/gross/orders count orders that are not canceled, on their order day; refunds count on their
-- own day.
CREATE TABLE sales_daily (
    sale_date      DATE          NOT NULL,
    product_id     BIGINT        NOT NULL,
    country        CHAR(2)       NOT NULL,
    units          INT           NOT NULL DEFAULT 0,
    gross          DECIMAL(14,2) NOT NULL DEFAULT 0,
    orders         INT           NOT NULL DEFAULT 0,
    refunded_units INT           NOT NULL DEFAULT 0,
    refunds        DECIMAL(14,2) NOT NULL DEFAULT 0,
    PRIMARY KEY (sale_date, product_id, country)
);
CREATE INDEX idx_sales_daily_product ON sales_daily (product_id, sale_date);
CREATE INDEX idx_sales_daily_country ON sales_daily (country, sale_date);

-- Whole orders per day and country (an order counts once, however many products it has).
CREATE TABLE orders_daily (
    sale_date DATE          NOT NULL,
    country   CHAR(2)       NOT NULL,
    orders    INT           NOT NULL DEFAULT 0,
    gross     DECIMAL(14,2) NOT NULL DEFAULT 0,
    PRIMARY KEY (sale_date, country)
);
