package io.claimguard.jdbc;

import io.claimguard.jdbc.policy.Dialect;
import io.claimguard.jdbc.policy.RoutineRule;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The names of a routine's arguments by position, from the driver's own metadata, so that an OUT
 * value read by index is matched to the parameter the configuration names.
 */
final class RoutineArguments {
    private RoutineArguments() {
    }

    /**
     * @return names by 1-based position, index 0 for the return value; entries the driver does not
     *         report (and every entry, for a routine it does not know) are null
     */
    static String[] names(DatabaseMetaData metaData, RoutineRule routine, Dialect dialect) throws SQLException {
        String schema = routine.schema() == null ? null : dialect.resolve(routine.schema());
        List<String> names = new ArrayList<>();
        names.add(null);
        try (ResultSet columns = metaData.getProcedureColumns(null, schema, dialect.resolve(routine.name()), "%")) {
            while (columns.next()) {
                int type = columns.getInt("COLUMN_TYPE");
                if (type == DatabaseMetaData.procedureColumnReturn) {
                    names.set(0, columns.getString("COLUMN_NAME"));
                } else if (type != DatabaseMetaData.procedureColumnResult) {
                    names.add(columns.getString("COLUMN_NAME"));
                }
            }
        }
        return names.toArray(new String[0]);
    }
}
