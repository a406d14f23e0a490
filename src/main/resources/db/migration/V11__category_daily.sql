-- Orders per store day and category: an order counts once in each category it bought from, however many of
-- the category's products it holds, so revenue by category can say how many orders it came from. Kept by
-- SalesLedger with every order, line change and product move; the server rebuilds it at start where it is
-- missing (SalesRebuild.rebuildIfStale).
CREATE TABLE category_daily (
    sale_date   DATE   NOT NULL,
    category_id BIGINT NOT NULL,
    orders      INT    NOT NULL DEFAULT 0,
    PRIMARY KEY (sale_date, category_id)
);
