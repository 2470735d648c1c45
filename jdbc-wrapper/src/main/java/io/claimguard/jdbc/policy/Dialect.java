package io.claimguard.jdbc.policy;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;

/**
 * How a database folds and compares identifiers, so that a policy written once matches the
 * names the database itself resolves.
 *
 * <p>Unquoted names in the policy match their column in any case (a policy that says
 * {@code customers.ssn} protects {@code CUSTOMERS.SSN} in H2 and {@code customers.ssn} in
 * PostgreSQL); quoted policy names match exactly where the database is case-sensitive. Erring
 * towards a match only ever masks more.
 */
public enum Dialect {
    /** Folds unquoted names to upper case; quoted names are exact. */
    H2(Fold.UPPER, true, true),
    /** Folds unquoted names to lower case; quoted names are exact. */
    POSTGRESQL(Fold.LOWER, true, true),
    /**
     * HSQLDB, like H2, folds unquoted names to upper case; quoted names are exact. It runs every
     * statement of a text but answers with the last one's result only.
     */
    HSQLDB(Fold.UPPER, true, false),
    /** Column names never depend on case; table names do only on some file systems. */
    MARIADB(Fold.NONE, false, true),
    /** Anything else: compare without case, which can only over-match; trust no result to one statement. */
    GENERIC(Fold.NONE, false, false);

    private enum Fold { UPPER, LOWER, NONE }

    private final Fold fold;
    private final boolean caseSensitive;
    private final boolean answersEachStatement;

    Dialect(Fold fold, boolean caseSensitive, boolean answersEachStatement) {
        this.fold = fold;
        this.caseSensitive = caseSensitive;
        this.answersEachStatement = answersEachStatement;
    }

    /**
     * Whether the driver answers a text of several statements with one result per statement, in
     * order, so that each result can be masked by the statement that produced it. Where it does
     * not, every result of such a text is masked by all that any of its statements touches.
     */
    public boolean answersEachStatement() {
        return answersEachStatement;
    }

    public static Dialect of(DatabaseMetaData metaData) throws SQLException {
        String product = metaData.getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("h2")) {
            return H2;
        }
        if (product.contains("hsql")) {
            return HSQLDB;
        }
        if (product.contains("postgres")) {
            return POSTGRESQL;
        }
        if (product.contains("mariadb") || product.contains("mysql")) {
            return MARIADB;
        }
        return GENERIC;
    }

    /** The name as the database stores it. */
    public String resolve(Name name) {
        if (name.quoted()) {
            return name.text();
        }
        switch (fold) {
            case UPPER: return name.text().toUpperCase(Locale.ROOT);
            case LOWER: return name.text().toLowerCase(Locale.ROOT);
            default: return name.text();
        }
    }

    /** Whether a policy name denotes the object the database calls {@code stored}. */
    boolean matches(Name policyName, String stored) {
        if (policyName.quoted() && caseSensitive) {
            return policyName.text().equals(stored);
        }
        return policyName.text().equalsIgnoreCase(stored);
    }

    /** Whether a policy name denotes the object a statement names {@code used}. */
    public boolean matches(Name policyName, Name used) {
        return matches(policyName, resolve(used));
    }
}
