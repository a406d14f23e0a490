-- How many times the aggregates of each month changed after the month had settled (ended two days before, see
-- SettledMonths): an old order placed, changed or canceled, an import of history, a rebuild's correction, a
-- product moved to another category. Readers keep the product sales of settled periods in memory and read them
-- again when the changes counted for their months have moved; every instance shares the counts, so each sees
-- the others' changes. Writers add to one of eight slots at random, as in country_daily.
CREATE TABLE settled_changes (
    month_start DATE     NOT NULL,
    slot        SMALLINT NOT NULL,
    changes     BIGINT   NOT NULL,
    PRIMARY KEY (month_start, slot)
);
