-- An order's lines by product without touching the rows: recommendations read the products of a customer's
-- and their neighbours' orders on every request. (idx_order_item_order stays: H2 keeps it for the foreign key.)
CREATE INDEX idx_order_item_order_product ON order_item (order_id, product_id, quantity);
