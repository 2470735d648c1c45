-- Every value is invented: emails on example.com/.org/.net, phone numbers in the ranges kept for
-- fiction (555-01xx).
INSERT INTO customers (id, name, email, phone, city) VALUES (1, 'Maren Solberg', 'maren.solberg@example.com', '+15035550114', 'Portland');
INSERT INTO customers (id, name, email, phone, city) VALUES (2, 'Tunde Adeyemi', 'tunde.adeyemi@example.org', '+15035550127', 'Beaverton');
INSERT INTO customers (id, name, email, phone, city) VALUES (3, 'Sofia Castellanos', 'sofia.castellanos@example.net', '+15035550139', 'Gresham');
INSERT INTO customers (id, name, email, phone, city) VALUES (4, 'Rangi Parata', 'rangi.parata@example.com', '+15035550148', 'Hillsboro');
INSERT INTO customers (id, name, email, phone, city) VALUES (5, 'Yuki Morimoto', 'yuki.morimoto@example.org', NULL, 'Tigard');
