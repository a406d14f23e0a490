-- How many times the product sales of a period (sales_daily, sales_rollup) changed after it had settled (ended two
-- days before, see SettledMonths): an old order placed, changed or canceled, an import of history, a rebuild's
-- correction, a product moved to another category. A day's or a month's change counts under the month's first day, a year
-- row's under the year's last day, a product's move under 0001-01-01. Readers keep the product sales of settled
-- periods in memory and read them again when the changes counted for their periods have moved; every instance
-- shares the counts, so each sees the others' changes. Writers add to one of eight slots at random, as in
-- country_daily.
CREATE TABLE settled_changes (
    counted_under DATE     NOT NULL,
    slot          SMALLINT NOT NULL,
    changes       BIGINT   NOT NULL,
    PRIMARY KEY (counted_under, slot)
);
