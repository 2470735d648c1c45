package io.claimguard.jdbc.catalog;

import io.claimguard.jdbc.policy.Dialect;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a database's views (definition and column names, in order) and user-defined routines
 * (SQL body, or none) through the application's own connection, in the database's own catalog.
 * System schemas are left out: built-in views and functions read no application data.
 */
final class CatalogReader {

    /** The three catalog queries of one database, each returning schema, name, then its own columns. */
    private record Queries(String views, String viewColumns, String routines, String grantHint) {
    }

    private static final String H2_USER_SCHEMA = " <> 'INFORMATION_SCHEMA'";
    private static final Queries H2 = new Queries(
            "SELECT TABLE_SCHEMA, TABLE_NAME, VIEW_DEFINITION FROM INFORMATION_SCHEMA.VIEWS"
                    + " WHERE TABLE_SCHEMA" + H2_USER_SCHEMA,
            "SELECT C.TABLE_SCHEMA, C.TABLE_NAME, C.COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS C"
                    + " JOIN INFORMATION_SCHEMA.VIEWS V ON V.TABLE_SCHEMA = C.TABLE_SCHEMA AND V.TABLE_NAME = C.TABLE_NAME"
                    + " WHERE C.TABLE_SCHEMA" + H2_USER_SCHEMA + " ORDER BY C.TABLE_SCHEMA, C.TABLE_NAME, C.ORDINAL_POSITION",
            // H2 routines are Java, which can run any SQL through its connection: no body tells what it reads
            "SELECT ROUTINE_SCHEMA, ROUTINE_NAME, CAST(NULL AS VARCHAR) FROM INFORMATION_SCHEMA.ROUTINES"
                    + " WHERE ROUTINE_SCHEMA" + H2_USER_SCHEMA,
            "INFORMATION_SCHEMA.VIEWS, COLUMNS and ROUTINES");

    private static final String HSQLDB_USER_SCHEMA = " NOT IN ('INFORMATION_SCHEMA', 'SYSTEM_LOBS')";
    private static final Queries HSQLDB = new Queries(
            "SELECT TABLE_SCHEMA, TABLE_NAME, VIEW_DEFINITION FROM INFORMATION_SCHEMA.VIEWS"
                    + " WHERE TABLE_SCHEMA" + HSQLDB_USER_SCHEMA,
            "SELECT C.TABLE_SCHEMA, C.TABLE_NAME, C.COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS C"
                    + " JOIN INFORMATION_SCHEMA.VIEWS V ON V.TABLE_SCHEMA = C.TABLE_SCHEMA AND V.TABLE_NAME = C.TABLE_NAME"
                    + " WHERE C.TABLE_SCHEMA" + HSQLDB_USER_SCHEMA + " ORDER BY C.TABLE_SCHEMA, C.TABLE_NAME, C.ORDINAL_POSITION",
            // SQL routines have their body here; Java ones (EXTERNAL) can run any SQL: none tells what they read.
            // A body of one bare statement (a procedure's SELECT ... INTO) is left out of the definition: the
            // tables, views and routines HSQLDB records the routine uses are added, named the way a body names them.
            "SELECT R.ROUTINE_SCHEMA, R.ROUTINE_NAME, CASE WHEN R.ROUTINE_BODY = 'SQL' THEN R.ROUTINE_DEFINITION"
                    + " || COALESCE((SELECT ' ' || GROUP_CONCAT(" + hsqldbName("T.TABLE_SCHEMA", "T.TABLE_NAME")
                    + " SEPARATOR ' ') FROM INFORMATION_SCHEMA.ROUTINE_TABLE_USAGE T"
                    + " WHERE T.SPECIFIC_SCHEMA = R.SPECIFIC_SCHEMA AND T.SPECIFIC_NAME = R.SPECIFIC_NAME), '')"
                    + " || COALESCE((SELECT ' ' || GROUP_CONCAT(" + hsqldbName("C.ROUTINE_SCHEMA", "C.ROUTINE_NAME")
                    + " SEPARATOR ' ') FROM INFORMATION_SCHEMA.ROUTINE_ROUTINE_USAGE U JOIN INFORMATION_SCHEMA.ROUTINES C"
                    + " ON C.SPECIFIC_SCHEMA = U.ROUTINE_SCHEMA AND C.SPECIFIC_NAME = U.ROUTINE_NAME"
                    + " WHERE U.SPECIFIC_SCHEMA = R.SPECIFIC_SCHEMA AND U.SPECIFIC_NAME = R.SPECIFIC_NAME), '') END"
                    + " FROM INFORMATION_SCHEMA.ROUTINES R WHERE R.ROUTINE_SCHEMA" + HSQLDB_USER_SCHEMA,
            "INFORMATION_SCHEMA.VIEWS, COLUMNS and ROUTINES");

    /** The SQL that quotes {@code schema.name}, as HSQLDB prints a name in a routine's definition. */
    private static String hsqldbName(String schema, String name) {
        return "'\"' || REPLACE(" + schema + ", '\"', '\"\"') || '\".\"' || REPLACE(" + name + ", '\"', '\"\"') || '\"'";
    }

    /** Application schemas: not the system ones, nor other sessions' temporary schemas. */
    private static final String PG_USER_SCHEMA = " n.nspname NOT IN ('pg_catalog', 'information_schema')"
            + " AND n.nspname NOT LIKE 'pg\\_toast%' AND (n.nspname NOT LIKE 'pg\\_temp\\_%' OR n.oid = pg_my_temp_schema())";
    private static final Queries POSTGRESQL = new Queries(
            // pg_views shows every view's definition, also to users who do not own it; 'm': materialized views
            "SELECT n.nspname, c.relname, pg_get_viewdef(c.oid) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE c.relkind IN ('v', 'm') AND" + PG_USER_SCHEMA,
            "SELECT n.nspname, c.relname, a.attname FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
                    + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE c.relkind IN ('v', 'm') AND a.attnum > 0 AND NOT a.attisdropped AND" + PG_USER_SCHEMA
                    + " ORDER BY n.nspname, c.relname, a.attnum",
            // Only SQL and PL/pgSQL bodies can be read; C, internal and other languages may do anything.
            // The signature comes first: a parameter or result of a table's row type carries its
            // columns (c.f is f(c)). BEGIN ATOMIC bodies are not in prosrc: pg_get_functiondef
            // prints them. Functions that belong to an extension are vetted code, like built-ins.
            "SELECT n.nspname, p.proname, CASE WHEN l.lanname IN ('sql', 'plpgsql') THEN"
                    + " pg_get_function_arguments(p.oid) || ' ' || coalesce(pg_get_function_result(p.oid), '') || ' '"
                    + " || CASE WHEN btrim(p.prosrc, E' \\t\\r\\n') <> '' THEN p.prosrc ELSE pg_get_functiondef(p.oid) END END"
                    + " FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace JOIN pg_language l ON l.oid = p.prolang"
                    + " WHERE" + PG_USER_SCHEMA
                    + " AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass"
                    + " AND d.objid = p.oid AND d.deptype = 'e')",
            "pg_class, pg_attribute, pg_proc and pg_depend");

    private static final String MARIADB_USER_SCHEMA = " NOT IN ('information_schema', 'mysql', 'performance_schema', 'sys')";
    private static final Queries MARIADB = new Queries(
            // an empty definition: the user lacks SHOW VIEW on it
            "SELECT TABLE_SCHEMA, TABLE_NAME, VIEW_DEFINITION FROM information_schema.VIEWS"
                    + " WHERE TABLE_SCHEMA" + MARIADB_USER_SCHEMA,
            "SELECT c.TABLE_SCHEMA, c.TABLE_NAME, c.COLUMN_NAME FROM information_schema.COLUMNS c"
                    + " JOIN information_schema.VIEWS v ON v.TABLE_SCHEMA = c.TABLE_SCHEMA AND v.TABLE_NAME = c.TABLE_NAME"
                    + " WHERE c.TABLE_SCHEMA" + MARIADB_USER_SCHEMA
                    + " ORDER BY c.TABLE_SCHEMA, c.TABLE_NAME, c.ORDINAL_POSITION",
            // ROUTINE_DEFINITION is NULL for routines the user may not see into
            "SELECT ROUTINE_SCHEMA, ROUTINE_NAME, CASE WHEN ROUTINE_BODY = 'SQL' THEN ROUTINE_DEFINITION END"
                    + " FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA" + MARIADB_USER_SCHEMA,
            "SHOW VIEW on the views and SELECT on mysql.proc, or ownership of the routines");

    private CatalogReader() {
    }

    /**
     * @throws SQLException naming what could not be read and how to do without it, when the
     *                      database is of an unsupported kind or a catalog query fails
     */
    static DatabaseObjects read(Connection connection, Dialect dialect, String configLocation) throws SQLException {
        Queries queries = switch (dialect) {
            case H2 -> H2;
            case HSQLDB -> HSQLDB;
            case POSTGRESQL -> POSTGRESQL;
            case MARIADB -> MARIADB;
            case GENERIC -> throw new SQLException("ClaimGuard cannot read the views and routines of "
                    + connection.getMetaData().getDatabaseProductName() + " databases, which may read protected columns"
                    + " out of sight. " + howToSkip(configLocation), "08001");
        };
        Map<String, List<String>> columns = new LinkedHashMap<>();
        query(connection, queries.viewColumns(), "view columns", queries, configLocation,
                row -> columns.computeIfAbsent(key(row[0], row[1]), k -> new ArrayList<>()).add(row[2]));
        List<DatabaseObjects.View> views = new ArrayList<>();
        query(connection, queries.views(), "view definitions", queries, configLocation,
                row -> views.add(new DatabaseObjects.View(row[0], row[1], blankToNull(row[2]),
                        columns.getOrDefault(key(row[0], row[1]), List.of()))));
        List<DatabaseObjects.Routine> routines = new ArrayList<>();
        query(connection, queries.routines(), "routines", queries, configLocation,
                row -> routines.add(new DatabaseObjects.Routine(row[0], row[1], blankToNull(row[2]))));
        return new DatabaseObjects(views, routines);
    }

    @FunctionalInterface
    private interface RowHandler {
        void accept(String[] row);
    }

    private static void query(Connection connection, String sql, String what, Queries queries, String configLocation,
                              RowHandler handler) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                handler.accept(new String[] {rows.getString(1), rows.getString(2), rows.getString(3)});
            }
        } catch (SQLException e) {
            // the database's message names a catalog object or a privilege, never application data
            throw new SQLException("ClaimGuard could not read the " + what + " of this database (" + e.getMessage()
                    + "); views and routines may read protected columns out of sight. Let the connecting user read "
                    + queries.grantHint() + ", or " + uncapitalised(howToSkip(configLocation)), "08001", e);
        }
    }

    private static String howToSkip(String configLocation) {
        return "Set 'catalog: skip' in the jdbc section of " + configLocation + " and name the views and routines"
                + " that read protected columns under jdbc.views and jdbc.routines.";
    }

    private static String uncapitalised(String sentence) {
        return Character.toLowerCase(sentence.charAt(0)) + sentence.substring(1);
    }

    private static String key(String schema, String name) {
        return schema + '\u0000' + name;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
