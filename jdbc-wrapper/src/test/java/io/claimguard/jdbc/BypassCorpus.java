package io.claimguard.jdbc;

import io.claimguard.core.GuardContext;
import io.claimguard.core.Subject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The bypass corpus: SQL that tries to get a protected value out, kept as data
 * ({@code bypass-corpus.txt}) and run through the real driver.
 *
 * <p>File format. {@code #} starts a comment line. A case starts with a header line
 * <pre>@@ id class databases [flag ...]</pre>
 * where databases is {@code all} or a comma list of {@code h2}, {@code pg}, {@code mariadb},
 * {@code hsqldb}, and the
 * flags are
 * <ul>
 *   <li>{@code officer}: Subjects.OFFICER must run the case without a 42501 refusal and receive an
 *       exact protected value (or the oracle marker) somewhere;</li>
 *   <li>{@code sql-error}: some step fails with an SQL error for the officer too, by design;</li>
 *   <li>{@code deny}: Subjects.AGENT must be refused with 42501 (an oracle that shows no plaintext);</li>
 *   <li>{@code allowed}: Subjects.AGENT must run every step without a 42501 refusal (DDL that reads nothing protected);</li>
 *   <li>{@code multiquery}: on MariaDB, connect with {@code allowMultiQueries=true};</li>
 *   <li>{@code no-savepoint}: on PostgreSQL, do not wrap each step in a savepoint, so that an error
 *       leaves the transaction aborted for the steps that follow.</li>
 * </ul>
 * The SQL follows; a line holding only {@code ;;} separates steps, which run in order on one
 * connection inside a transaction that is rolled back. A step may start with a mode in brackets:
 * {@code [prepared]}, {@code [query]}, {@code [callable]}, {@code [fetch1]} (fetch size 1, so rows
 * arrive from a cursor), {@code [keys]} / {@code [keys:a,b]} / {@code [keyidx:3,4]} /
 * {@code [pkeys]} / {@code [pkeys:a,b]} (generated keys), {@code [commit]} and {@code [savepoint]}
 * (call the connection method; the SQL text is ignored), {@code [batch]} (consecutive batch steps
 * form one {@code executeBatch}, which is run a second time after a refusal), {@code [pbatch]}
 * (a prepared statement added to its batch twice), raw-handle escapes ({@code [unwrap-conn:C]},
 * {@code [unwrap-stmt:C]}, {@code [unwrap-pstmt:C]}, {@code [unwrap-rs:C]}, {@code [unwrap-meta:C]},
 * where C is a class name or {@code driver} for the database driver's own class;
 * {@code [meta-conn]}, {@code [stmt-conn]}, {@code [rs-stmt]}, {@code [meta-rs-stmt]},
 * {@code [ds]} (a connection from ClaimGuardDataSource), {@code [ds-unwrap]}), {@code [setup]}, which
 * runs on a raw connection before the case, {@code [cleanup]}, which runs after it on a ClaimGuard
 * connection as the officer (autocommitted, so that the driver sees what it drops), and
 * {@code [guarded-setup]}, which runs after {@code [setup]} on a ClaimGuard connection as the
 * officer (autocommitted), so that views and routines it defines are read by the driver the way an
 * application's would be. SQL lines must not
 * start with {@code #} or {@code @@}.
 */
final class BypassCorpus {
    static final Set<String> CLASSES = new LinkedHashSet<>(List.of("aliasing", "quoting", "expressions",
            "aggregates", "case-oracle", "derived", "cte", "set-operations", "scalar-subquery", "inference",
            "copy-out", "write-back", "returning", "json", "statistics", "errors", "multi", "raw-handles", "dialect",
            "routines", "ddl"));

    record Step(String mode, List<String> sql) {
    }

    record Case(String id, String kind, Set<TestDatabase> databases, Set<String> flags, List<Step> steps,
                List<String> setup, List<String> guardedSetup, List<String> cleanup, String source) {
        boolean officer() {
            return flags.contains("officer");
        }

        boolean mustDeny() {
            return flags.contains("deny");
        }

        boolean mustAllow() {
            return flags.contains("allowed");
        }

        /**
         * This case with its first plain step sent in one text together with {@code harmless},
         * before or after it (on MariaDB with {@code allowMultiQueries}); null when it has no
         * plain step. What the case expects stays the same: each statement of a text must be
         * treated as if it had been sent alone.
         */
        Case joinedWith(String harmless, boolean before) {
            List<Step> joined = new ArrayList<>();
            boolean done = false;
            for (Step step : steps) {
                if (!done && step.mode().isEmpty()) {
                    String sql = step.sql().get(0);
                    joined.add(new Step("", new ArrayList<>(List.of(before ? harmless + ";\n" + sql : sql + ";\n" + harmless))));
                    done = true;
                } else {
                    joined.add(step);
                }
            }
            if (!done) {
                return null;
            }
            Set<String> multiFlags = new LinkedHashSet<>(flags);
            multiFlags.add("multiquery");
            return new Case(id + (before ? "-after-harmless" : "-before-harmless"), kind, databases, multiFlags, joined,
                    setup, guardedSetup, cleanup, source);
        }

        @Override
        public String toString() {
            return id + " (" + source + ")";
        }
    }

    private BypassCorpus() {
    }

    static List<Case> load(String resource) {
        try (InputStream in = BypassCorpus.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the test classpath");
            }
            return parse(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Case> parse(String name, String text) {
        List<Case> cases = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        String[] lines = text.split("\n", -1);
        String[] header = null;
        int headerLine = 0;
        List<String> body = new ArrayList<>();
        for (int i = 0; i <= lines.length; i++) {
            String line = i < lines.length ? lines[i].stripTrailing() : "@@";
            if (line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("@@")) {
                if (header != null) {
                    Case parsed = build(name + ":" + headerLine, header, body);
                    if (!ids.add(parsed.id())) {
                        throw new IllegalStateException(parsed + ": duplicate id");
                    }
                    cases.add(parsed);
                }
                if (i < lines.length) {
                    header = line.substring(2).trim().split("\\s+");
                    headerLine = i + 1;
                    body = new ArrayList<>();
                }
            } else if (header != null) {
                body.add(line);
            } else if (!line.isBlank()) {
                throw new IllegalStateException(name + ":" + (i + 1) + ": text before the first case");
            }
        }
        return cases;
    }

    private static Case build(String source, String[] header, List<String> body) {
        if (header.length < 3) {
            throw new IllegalStateException(source + ": header needs id, class and databases");
        }
        String id = header[0];
        String kind = header[1];
        if (!CLASSES.contains(kind)) {
            throw new IllegalStateException(source + ": unknown class " + kind);
        }
        Set<TestDatabase> databases = EnumSet.noneOf(TestDatabase.class);
        for (String db : header[2].split(",")) {
            switch (db) {
                case "all" -> databases.addAll(EnumSet.allOf(TestDatabase.class));
                case "h2" -> databases.add(TestDatabase.H2);
                case "pg" -> databases.add(TestDatabase.POSTGRESQL);
                case "mariadb" -> databases.add(TestDatabase.MARIADB);
                case "hsqldb" -> databases.add(TestDatabase.HSQLDB);
                default -> throw new IllegalStateException(source + ": unknown database " + db);
            }
        }
        Set<String> flags = new LinkedHashSet<>(Arrays.asList(header).subList(3, header.length));
        for (String flag : flags) {
            if (!Set.of("officer", "deny", "allowed", "multiquery", "no-savepoint", "sql-error").contains(flag)) {
                throw new IllegalStateException(source + ": unknown flag " + flag);
            }
        }
        List<Step> steps = new ArrayList<>();
        List<String> setup = new ArrayList<>();
        List<String> guardedSetup = new ArrayList<>();
        List<String> cleanup = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        List<String> texts = new ArrayList<>();
        for (String line : body) {
            if (line.trim().equals(";;")) {
                texts.add(current.toString());
                current.setLength(0);
            } else if (!line.isBlank()) {
                current.append(current.length() == 0 ? "" : "\n").append(line);
            }
        }
        texts.add(current.toString());
        for (String text : texts) {
            String sql = text.strip();
            if (sql.isEmpty()) {
                continue;
            }
            String mode = "";
            if (sql.startsWith("[")) {
                mode = sql.substring(1, sql.indexOf(']'));
                sql = sql.substring(sql.indexOf(']') + 1).strip();
            }
            String fragment = Received.forbiddenIn(sql);
            if (fragment != null && !mode.equals("setup") && !mode.equals("guarded-setup") && !mode.equals("cleanup")) {
                throw new IllegalStateException(source + ": the SQL contains '" + fragment
                        + "', which the checks look for in what comes back; build it from pieces");
            }
            if (mode.equals("setup")) {
                setup.add(sql);
            } else if (mode.equals("guarded-setup")) {
                guardedSetup.add(sql);
            } else if (mode.equals("cleanup")) {
                cleanup.add(sql);
            } else if (mode.equals("batch") && !steps.isEmpty() && steps.get(steps.size() - 1).mode().equals("batch")) {
                steps.get(steps.size() - 1).sql().add(sql);
            } else {
                steps.add(new Step(mode, new ArrayList<>(List.of(sql))));
            }
        }
        if (steps.isEmpty()) {
            throw new IllegalStateException(source + ": no SQL");
        }
        return new Case(id, kind, databases, flags, steps, setup, guardedSetup, cleanup, source);
    }

    // ---- running a case

    /** Runs every step of {@code c} on {@code db} as {@code subject}, in one transaction that is rolled back. */
    static Received run(Case c, TestDatabase db, Subject subject) throws SQLException {
        db.prepare();
        Received received = new Received();
        try (Connection raw = db.raw(); Statement s = raw.createStatement()) {
            for (String sql : c.setup()) {
                s.execute(sql);
            }
        }
        if (!c.guardedSetup().isEmpty()) {
            try (Connection officer = DriverManager.getConnection(db.guardedUrl());
                 GuardContext.Scope ignored = GuardContext.open(Subjects.OFFICER); Statement s = officer.createStatement()) {
                for (String sql : c.guardedSetup()) {
                    s.execute(sql);
                }
            }
        }
        String url = db.guardedUrl() + (c.flags().contains("multiquery") && db == TestDatabase.MARIADB
                ? "&allowMultiQueries=true" : "");
        try (Connection connection = DriverManager.getConnection(url);
             GuardContext.Scope ignored = GuardContext.open(subject)) {
            connection.setAutoCommit(false);
            try {
                int index = 0;
                for (Step step : c.steps()) {
                    String origin = "step " + (++index) + " " + (step.mode().isEmpty() ? "" : "[" + step.mode() + "] ");
                    // PostgreSQL aborts the transaction on an error: a savepoint lets the next step run.
                    // (no-savepoint keeps the aborted transaction, for cases about what happens next)
                    Savepoint savepoint = db == TestDatabase.POSTGRESQL && !c.flags().contains("no-savepoint")
                            ? connection.setSavepoint() : null;
                    try {
                        step(connection, db, step, origin, received);
                    } catch (SQLException | RuntimeException e) {
                        received.exception(origin, e);
                        if (savepoint != null) {
                            try {
                                connection.rollback(savepoint);
                            } catch (SQLException ended) {
                                received.exception(origin + "rollback to savepoint", ended);   // a failed COMMIT ended the transaction
                            }
                        }
                    }
                    received.warnings(origin + "connection", connection.getWarnings());
                    connection.clearWarnings();
                }
            } finally {
                try {
                    connection.rollback();
                } catch (SQLException e) {
                    received.exception("rollback", e);
                }
            }
        } finally {
            // through the driver, so that it reads the views and routines a case dropped again
            try (Connection officer = DriverManager.getConnection(db.guardedUrl());
                 GuardContext.Scope ignored = GuardContext.open(Subjects.OFFICER); Statement s = officer.createStatement()) {
                for (String sql : c.cleanup()) {
                    s.execute(sql);
                }
            }
        }
        return received;
    }

    private static void step(Connection c, TestDatabase db, Step step, String origin, Received received)
            throws SQLException {
        String mode = step.mode();
        String sql = step.sql().get(0);
        String argument = mode.contains(":") ? mode.substring(mode.indexOf(':') + 1) : null;
        String kind = mode.contains(":") ? mode.substring(0, mode.indexOf(':')) : mode;
        switch (kind) {
            case "" -> {
                try (Statement s = c.createStatement()) {
                    results(s, s.execute(sql), origin, received);
                }
            }
            case "prepared" -> {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    results(ps, ps.execute(), origin, received);
                }
            }
            case "callable" -> {
                try (PreparedStatement cs = c.prepareCall(sql)) {
                    results(cs, cs.execute(), origin, received);
                }
            }
            case "commit" -> c.commit();
            case "savepoint" -> c.setSavepoint();
            case "query" -> {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                    received.resultSet(origin, rs);
                    received.warnings(origin, s.getWarnings());
                }
            }
            case "fetch1" -> {
                try (Statement s = c.createStatement()) {
                    s.setFetchSize(1);
                    try (ResultSet rs = s.executeQuery(sql)) {
                        received.resultSet(origin, rs);
                    }
                }
            }
            case "keys" -> {
                try (Statement s = c.createStatement()) {
                    boolean first = argument == null ? s.execute(sql, Statement.RETURN_GENERATED_KEYS)
                            : s.execute(sql, argument.split(","));
                    // the keys first: moving on to further results may close them
                    received.resultSet(origin + "generated keys", s.getGeneratedKeys());
                    results(s, first, origin, received);
                }
            }
            case "keyidx" -> {
                try (Statement s = c.createStatement()) {
                    int[] indexes = Arrays.stream(argument.split(",")).mapToInt(Integer::parseInt).toArray();
                    boolean first = s.execute(sql, indexes);
                    received.resultSet(origin + "generated keys", s.getGeneratedKeys());
                    results(s, first, origin, received);
                }
            }
            case "pkeys" -> {
                try (PreparedStatement ps = argument == null ? c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)
                        : c.prepareStatement(sql, argument.split(","))) {
                    boolean first = ps.execute();
                    received.resultSet(origin + "generated keys", ps.getGeneratedKeys());
                    results(ps, first, origin, received);
                }
            }
            case "batch" -> {
                try (Statement s = c.createStatement()) {
                    for (String entry : step.sql()) {
                        s.addBatch(entry);
                    }
                    batch(s, origin, received);
                }
            }
            case "pbatch" -> {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.addBatch();
                    ps.addBatch();
                    batch(ps, origin, received);
                }
            }
            case "unwrap-conn" -> runOn(c.unwrap(type(db, argument, "conn")), sql, origin, received);
            case "unwrap-stmt" -> {
                try (Statement s = c.createStatement()) {
                    runOn(s.unwrap(type(db, argument, "stmt")), sql, origin, received);
                }
            }
            case "unwrap-pstmt" -> {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    Object unwrapped = ps.unwrap(type(db, argument, "pstmt"));
                    if (unwrapped instanceof PreparedStatement raw) {
                        results(raw, raw.execute(), origin + "unwrapped ", received);
                    }
                }
            }
            case "unwrap-rs" -> {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                    Object unwrapped = rs.unwrap(type(db, argument, "rs"));
                    if (unwrapped instanceof ResultSet raw) {
                        received.resultSet(origin + "unwrapped", raw);
                    }
                }
            }
            case "unwrap-meta" -> {
                Object unwrapped = c.getMetaData().unwrap(type(db, argument, "meta"));
                if (unwrapped instanceof DatabaseMetaData raw) {
                    runOn(raw.getConnection(), sql, origin + "metadata connection ", received);
                }
            }
            case "meta-conn" -> runOn(c.getMetaData().getConnection(), sql, origin, received);
            case "stmt-conn" -> {
                try (Statement s = c.createStatement()) {
                    runOn(s.getConnection(), sql, origin, received);
                }
            }
            case "rs-stmt" -> {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                    received.resultSet(origin, rs);
                    runOn(rs.getStatement(), sql, origin + "rs.getStatement() ", received);
                }
            }
            case "meta-rs-stmt" -> {
                try (ResultSet tables = c.getMetaData().getTables(null, null, "%", null)) {
                    Statement owner = tables.getStatement();
                    if (owner != null) {
                        runOn(owner.getConnection(), sql, origin + "metadata statement connection ", received);
                    }
                }
            }
            case "ds" -> {
                try (Connection through = new ClaimGuardDataSource(dataSource(db)).getConnection()) {
                    through.setAutoCommit(false);
                    runOn(through, sql, origin + "ClaimGuardDataSource ", received);
                    through.rollback();
                }
            }
            case "ds-unwrap" -> {
                DataSource target = dataSource(db);
                Object unwrapped = new ClaimGuardDataSource(target).unwrap(target.getClass());
                if (unwrapped instanceof DataSource raw) {
                    try (Connection escaped = raw.getConnection()) {
                        runOn(escaped, sql, origin + "unwrapped DataSource ", received);
                    }
                }
            }
            default -> throw new IllegalStateException("unknown step mode [" + mode + "]");
        }
    }

    private static void batch(Statement s, String origin, Received received) throws SQLException {
        try {
            s.executeBatch();
        } catch (SQLException refused) {
            received.exception(origin, refused);
            // a refused batch must not run later either
            s.executeBatch();
        } finally {
            received.warnings(origin, s.getWarnings());
        }
    }

    /** Runs {@code sql} on whatever a raw-handle escape produced, if it is a connection or statement. */
    private static void runOn(Object handle, String sql, String origin, Received received) throws SQLException {
        if (handle instanceof Connection connection) {
            try (Statement s = connection.createStatement()) {
                results(s, s.execute(sql), origin, received);
            }
        } else if (handle instanceof Statement statement) {
            results(statement, statement.execute(sql), origin, received);
        }
    }

    /** Every result of an execution: result sets, update counts and further results, and the warnings. */
    private static void results(Statement s, boolean isResultSet, String origin, Received received) throws SQLException {
        boolean resultSet = isResultSet;
        for (int i = 0; i < 32; i++) {
            if (resultSet) {
                try (ResultSet rs = s.getResultSet()) {
                    received.resultSet(origin + "result " + (i + 1), rs);
                }
            } else if (s.getUpdateCount() == -1) {
                break;
            }
            received.warnings(origin, s.getWarnings());
            s.clearWarnings();
            resultSet = s.getMoreResults();
        }
        received.warnings(origin, s.getWarnings());
    }

    private static final Map<String, String[]> DRIVER_TYPES = new LinkedHashMap<>();

    static {
        // per handle kind: H2, PostgreSQL, MariaDB, HSQLDB
        DRIVER_TYPES.put("conn", new String[] {"org.h2.jdbc.JdbcConnection", "org.postgresql.jdbc.PgConnection",
                "org.mariadb.jdbc.Connection", "org.hsqldb.jdbc.JDBCConnection"});
        DRIVER_TYPES.put("stmt", new String[] {"org.h2.jdbc.JdbcStatement", "org.postgresql.jdbc.PgStatement",
                "org.mariadb.jdbc.Statement", "org.hsqldb.jdbc.JDBCStatement"});
        DRIVER_TYPES.put("pstmt", new String[] {"org.h2.jdbc.JdbcPreparedStatement",
                "org.postgresql.jdbc.PgPreparedStatement", "org.mariadb.jdbc.BasePreparedStatement",
                "org.hsqldb.jdbc.JDBCPreparedStatement"});
        DRIVER_TYPES.put("rs", new String[] {"org.h2.jdbc.JdbcResultSet", "org.postgresql.jdbc.PgResultSet",
                "org.mariadb.jdbc.client.result.Result", "org.hsqldb.jdbc.JDBCResultSet"});
        DRIVER_TYPES.put("meta", new String[] {"org.h2.jdbc.JdbcDatabaseMetaData",
                "org.postgresql.jdbc.PgDatabaseMetaData", "org.mariadb.jdbc.DatabaseMetaData",
                "org.hsqldb.jdbc.JDBCDatabaseMetaData"});
    }

    private static Class<?> type(TestDatabase db, String name, String handle) {
        String className = "driver".equals(name) ? DRIVER_TYPES.get(handle)[db.ordinal()] : name;
        try {
            return Class.forName(className);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("no class " + className, e);
        }
    }

    private static DataSource dataSource(TestDatabase db) throws SQLException {
        switch (db) {
            case H2 -> {
                org.h2.jdbcx.JdbcDataSource ds = new org.h2.jdbcx.JdbcDataSource();
                ds.setURL(db.rawUrl);
                return ds;
            }
            case POSTGRESQL -> {
                org.postgresql.ds.PGSimpleDataSource ds = new org.postgresql.ds.PGSimpleDataSource();
                ds.setURL(db.rawUrl);
                return ds;
            }
            case HSQLDB -> {
                org.hsqldb.jdbc.JDBCDataSource ds = new org.hsqldb.jdbc.JDBCDataSource();
                ds.setUrl(db.rawUrl);
                return ds;
            }
            default -> {
                return new org.mariadb.jdbc.MariaDbDataSource(db.rawUrl);
            }
        }
    }

    /** The counts the report asks for: cases per class and per database. */
    static String counts(List<Case> cases) {
        int width = TestDatabase.values().length + 1;   // a column per database, then all cases
        Map<String, int[]> perClass = new LinkedHashMap<>();
        CLASSES.forEach(k -> perClass.put(k, new int[width]));
        int[] total = new int[width];
        for (Case c : cases) {
            for (int[] row : List.of(perClass.get(c.kind()), total)) {
                row[width - 1]++;
                c.databases().forEach(db -> row[db.ordinal()]++);
            }
        }
        perClass.put("total", total);
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-16s %5s", "class", "cases"));
        for (TestDatabase db : TestDatabase.values()) {
            out.append(String.format(Locale.ROOT, " %10s", db.name().toLowerCase(Locale.ROOT)));
        }
        perClass.forEach((k, row) -> {
            out.append(String.format(Locale.ROOT, "%n%-16s %5d", k, row[width - 1]));
            for (int i = 0; i < width - 1; i++) {
                out.append(String.format(Locale.ROOT, " %10d", row[i]));
            }
        });
        return out.append(String.format(Locale.ROOT, "%n")).toString();
    }
}
