-- Remembers that the crossing below the low-stock threshold was reported, so it is logged once.
ALTER TABLE inventory ADD COLUMN low_stock_alerted BOOLEAN NOT NULL DEFAULT FALSE;
