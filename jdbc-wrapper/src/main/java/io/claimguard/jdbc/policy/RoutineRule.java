package io.claimguard.jdbc.policy;

import io.claimguard.core.ConfigException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A user-defined function or procedure and the protected columns its body reads, out of the
 * analysis's sight: a call to it derives (never passes through) from {@code reads}, and one that
 * reads none may run in the clear. A procedure's OUT parameters named in {@code out} (by
 * lower-cased name) hand that column's value out; they count among its reads.
 *
 * @param schema null when not given: the rule then matches the routine in any schema
 */
public record RoutineRule(Name schema, Name name, List<ColumnRule> reads, Map<String, ColumnRule> out) {

    public RoutineRule {
        reads = List.copyOf(reads);
        out = Map.copyOf(out);
    }

    /**
     * Parses a routine reference such as {@code lookup_ssn}, {@code reports.lookup_ssn} or
     * {@code "Lookup"}.
     *
     * @return the schema (null when not given) and the name
     * @throws ConfigException naming the reference when it does not have one or two parts
     */
    static Name[] parseName(String reference) {
        List<String> parts = ColumnRef.parts(reference);
        if (parts.size() > 2 || parts.stream().anyMatch(String::isEmpty)) {
            throw new ConfigException("routine '" + reference + "' must be written [schema.]name");
        }
        return new Name[] {parts.size() == 2 ? Name.parse(parts.get(0)) : null, Name.parse(parts.get(parts.size() - 1))};
    }

    /** Whether this rule is about the routine a statement calls {@code [schema.]name}. */
    boolean matches(Name calledSchema, Name calledName, Dialect dialect) {
        return dialect.matches(name, calledName)
                && (schema == null || calledSchema == null || dialect.matches(schema, calledSchema));
    }

    /** The rule of an OUT parameter, or null when the parameter hands out nothing protected. */
    public ColumnRule outParameter(String parameter) {
        return parameter == null ? null : out.get(parameter.toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return (schema == null ? "" : schema + ".") + name;
    }
}
