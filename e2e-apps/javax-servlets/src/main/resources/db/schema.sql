-- The club's register, created at every start.
DROP TABLE IF EXISTS members;
CREATE TABLE members (
  id INT PRIMARY KEY,
  name VARCHAR(100) NOT NULL,
  email VARCHAR(200),
  phone VARCHAR(30),
  city VARCHAR(100),
  iban VARCHAR(34),
  notes VARCHAR(500)
);
