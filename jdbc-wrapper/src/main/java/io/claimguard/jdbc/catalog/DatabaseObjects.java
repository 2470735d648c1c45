package io.claimguard.jdbc.catalog;

import java.util.List;

/**
 * What a database's catalog says about the objects that can read protected columns out of a
 * statement's sight. Names are as the database stores them.
 */
record DatabaseObjects(List<View> views, List<Routine> routines) {

    static final DatabaseObjects NONE = new DatabaseObjects(List.of(), List.of());

    DatabaseObjects {
        views = List.copyOf(views);
        routines = List.copyOf(routines);
    }

    /**
     * A view or materialized view.
     *
     * @param definition its query, or null when the catalog does not show it
     * @param columns    its column names, in order
     */
    record View(String schema, String name, String definition, List<String> columns) {
        View {
            columns = List.copyOf(columns);
        }
    }

    /**
     * A user-defined function or procedure.
     *
     * @param body its SQL body, or null when there is none to read (Java, C, a body the user may not see)
     */
    record Routine(String schema, String name, String body) {
    }
}
