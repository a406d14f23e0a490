-- created_at and updated_at, as the earlier service kept them on customers, order lines and stock. Nullable and not
-- backfilled: an UPDATE of every order line would hold a big store's start for minutes. Rows stored before this
-- migration keep NULL, and readers show the best date known instead (registration date, the order's creation, the
-- last restock); every row written from now on is stamped.
ALTER TABLE customer ADD COLUMN created_at DATETIME(6) NULL;
ALTER TABLE customer ADD COLUMN updated_at DATETIME(6) NULL;
ALTER TABLE order_item ADD COLUMN created_at DATETIME(6) NULL;
ALTER TABLE order_item ADD COLUMN updated_at DATETIME(6) NULL;
ALTER TABLE inventory ADD COLUMN created_at DATETIME(6) NULL;
ALTER TABLE inventory ADD COLUMN updated_at DATETIME(6) NULL;
