package io.claimguard.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** What a caller receives from a result set, as text: every row, each cell read with getString (null stays null). */
final class Rows {
    private Rows() {
    }

    static List<List<String>> of(ResultSet rs) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        while (rs.next()) {
            List<String> row = new ArrayList<>();
            for (int column = 1; column <= rs.getMetaData().getColumnCount(); column++) {
                row.add(rs.getString(column));
            }
            rows.add(row);
        }
        return rows;
    }
}
