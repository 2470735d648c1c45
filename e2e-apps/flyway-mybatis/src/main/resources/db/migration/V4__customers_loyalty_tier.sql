ALTER TABLE customers ADD COLUMN loyalty_tier VARCHAR(20) DEFAULT 'bronze' NOT NULL;
UPDATE customers SET loyalty_tier = 'gold' WHERE id IN (1, 3);
