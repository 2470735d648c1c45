-- Seed data, run after schema.sql. Every value is invented: emails on example.com/.org/.net,
-- phone numbers in the ranges kept for fiction (555-01xx), Luhn-valid card numbers on file.
INSERT INTO vets VALUES (1, 'Amara', 'Lindqvist', '+12025550181');
INSERT INTO vets VALUES (2, 'Tomas', 'Okonkwo', '+13125550142');
INSERT INTO vets VALUES (3, 'Ines', 'Marchetti', '+14155550199');

INSERT INTO owners (id, first_name, last_name, address, city, email, phone, card_number) VALUES (1, 'Greta', 'Halvorsen', '14 Birch Lane', 'Madison', 'greta.halvorsen@example.com', '+16085550117', '4178778932879215');
INSERT INTO owners (id, first_name, last_name, address, city, email, phone, card_number) VALUES (2, 'Kofi', 'Mensah', '902 Oak Street', 'Sun Prairie', 'kofi.mensah@example.org', '+16085550123', '5274218096792904');
INSERT INTO owners (id, first_name, last_name, address, city, email, phone, card_number) VALUES (3, 'Lucia', 'Ferreira', '3 Harbor Road', 'McFarland', 'lucia.ferreira@example.net', '+16085550138', '4581003390757931');
INSERT INTO owners (id, first_name, last_name, address, city, email, phone, card_number) VALUES (4, 'Hiro', 'Tanabe', '57 Maple Court', 'Windsor', 'hiro.tanabe@example.com', '+16085550146', '5383470174681453');
INSERT INTO owners (id, first_name, last_name, address, city, email, phone, card_number) VALUES (5, 'Aoife', 'Brennan', '210 Cedar Avenue', 'Madison', 'aoife.brennan@example.org', '+16085550152', '4938401916146102');
INSERT INTO owners (id, first_name, last_name, address, city, email, phone, card_number) VALUES (6, 'Dmitri', 'Volkov', '8 Elm Row', 'Monona', 'dmitri.volkov@example.net', '+16085550169', '5403307666193454');
INSERT INTO owners (id, first_name, last_name, address, city, email, phone, card_number) VALUES (7, 'Nadia', 'Rahman', '77 Willow Way', 'Waunakee', 'nadia.rahman@example.com', '+16085550175', NULL);
ALTER TABLE owners ALTER COLUMN id RESTART WITH 100;

INSERT INTO pets VALUES (1, 'Biscuit', '2019-04-02', 1);
INSERT INTO pets VALUES (2, 'Juniper', '2021-09-17', 2);
INSERT INTO pets VALUES (3, 'Pepper', '2018-01-30', 3);
INSERT INTO pets VALUES (4, 'Mochi', '2022-06-11', 4);
INSERT INTO pets VALUES (5, 'Rufus', '2017-11-05', 5);

INSERT INTO visits VALUES (1, 1, '2024-03-04', 'rabies shot');
INSERT INTO visits VALUES (2, 3, '2024-05-21', 'dental cleaning');
