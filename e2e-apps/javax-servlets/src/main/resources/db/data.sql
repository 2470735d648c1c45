-- Invented members: the emails use reserved domains, the phone numbers the 555-01xx range, the IBANs pass the mod-97 check.
INSERT INTO members (id, name, email, phone, city, iban, notes) VALUES (1, 'Ingrid Halvorsen', 'ingrid.halvorsen@example.org', '+15035550121', 'Portland', 'DE50526018159083016613', 'Knee surgery in March; no contact sports');
INSERT INTO members (id, name, email, phone, city, iban, notes) VALUES (2, 'Tomasz Wierzbicki', 'tomasz.w@example.net', '+15035550134', 'Beaverton', 'DE85186091390996030824', 'Pays for two junior members');
INSERT INTO members (id, name, email, phone, city, iban, notes) VALUES (3, 'Amara Okonkwo', 'amara.okonkwo@example.com', '+15035550147', 'Salem', 'DE97628194821993518190', 'Asthma: inhaler kept at the front desk');
INSERT INTO members (id, name, email, phone, city, iban, notes) VALUES (4, 'Lucien Marchetti', 'lucien.marchetti@example.org', '+15035550152', 'Eugene', 'DE56937865797543231948', NULL);
INSERT INTO members (id, name, email, phone, city, iban, notes) VALUES (5, 'Haruto Sakamoto', 'h.sakamoto@example.com', NULL, 'Gresham', NULL, 'Fees waived until June');
INSERT INTO members (id, name, email, phone, city, iban, notes) VALUES (6, 'Beatriz Fonseca', 'beatriz.fonseca@example.net', '+15035550168', 'Hillsboro', 'DE65757491186252760189', 'Coach for the under-12 team');
