package io.claimguard.sample;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Plain JDBC on the {@code customers} table: a connection per call, as the application has always done. */
final class CustomerDao {

    /** Where connections come from: a container DataSource or DriverManager. */
    @FunctionalInterface
    interface Connections {
        Connection open() throws SQLException;
    }

    private static final String SELECT =
            "SELECT id, name, email, phone, ssn, card_number, salary, city, notes FROM customers";
    private static final String UPDATE =
            "UPDATE customers SET name=?, email=?, phone=?, ssn=?, card_number=?, salary=?, city=?, notes=? WHERE id=?";

    private final Connections connections;

    CustomerDao(Connections connections) {
        this.connections = connections;
    }

    List<Customer> all() throws SQLException {
        return query(SELECT + " ORDER BY id");
    }

    Optional<Customer> find(int id) throws SQLException {
        return query(SELECT + " WHERE id = ?", id).stream().findFirst();
    }

    /** Customers whose name, email or city contains {@code text}, ignoring case. */
    List<Customer> search(String text) throws SQLException {
        // H2's LIKE escapes with a backslash by default: the text's own % and _ match literally.
        String like = "%" + text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return query(SELECT + " WHERE LOWER(name) LIKE ? OR LOWER(email) LIKE ? OR LOWER(city) LIKE ? ORDER BY id",
                like, like, like);
    }

    /** Saves every column of the row, as the edit form submits it; false if there is no such row. */
    boolean update(Customer c) throws SQLException {
        try (Connection connection = connections.open();
             PreparedStatement statement = connection.prepareStatement(UPDATE)) {
            statement.setString(1, c.name());
            statement.setString(2, c.email());
            statement.setString(3, c.phone());
            statement.setString(4, c.ssn());
            statement.setString(5, c.cardNumber());
            if (c.salary() == null) {
                statement.setNull(6, Types.DECIMAL);
            } else {
                statement.setBigDecimal(6, c.salary());
            }
            statement.setString(7, c.city());
            statement.setString(8, c.notes());
            statement.setInt(9, c.id());
            return statement.executeUpdate() == 1;
        }
    }

    private List<Customer> query(String sql, Object... parameters) throws SQLException {
        try (Connection connection = connections.open();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<Customer> customers = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    customers.add(new Customer(rows.getInt("id"), rows.getString("name"), rows.getString("email"),
                            rows.getString("phone"), rows.getString("ssn"), rows.getString("card_number"),
                            rows.getObject("salary", BigDecimal.class), rows.getString("city"), rows.getString("notes")));
                }
            }
            return customers;
        }
    }
}
