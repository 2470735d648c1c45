package io.claimguard.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A parsed claim requirement: what a {@link Subject} must carry to be let through.
 *
 * <p>Grammar (whitespace around {@code &} is ignored; values cannot contain {@code &}):
 * <pre>
 *   requirement := term ( "&amp;" term )*        all terms must hold
 *   term        := "scope:" NAME             the subject has scope NAME
 *                | "role:" NAME              the subject has role NAME
 *                | "sub:" ID                 the subject's id is ID
 *                | "claim:" PATH "=" VALUE   the claim at dotted PATH equals VALUE,
 *                                            or is an array that contains VALUE
 * </pre>
 * A list of requirements ({@link #anyOf}) is satisfied by any one of them; an empty list by
 * nobody. Strings are parsed once, when a policy is loaded; {@link #isSatisfiedBy} then does set
 * lookups only. Parse errors throw {@link IllegalArgumentException} naming the bad text.
 */
public final class Requirement {
    private static final Requirement NOBODY = new Requirement("(nobody)", new Term[0][]);

    private final String text;
    /** Alternatives, each a conjunction of terms. */
    private final Term[][] alternatives;

    private Requirement(String text, Term[][] alternatives) {
        this.text = text;
        this.alternatives = alternatives;
    }

    /** Parses one requirement such as {@code "scope:pii.read & role:support"}. */
    public static Requirement parse(String requirement) {
        return new Requirement(requirement, new Term[][] {parseAll(requirement)});
    }

    /** Parses a list of requirements, any one of which is enough; empty means nobody. */
    public static Requirement anyOf(Collection<String> requirements) {
        Objects.requireNonNull(requirements, "requirements");
        if (requirements.isEmpty()) {
            return NOBODY;
        }
        List<Term[]> alternatives = new ArrayList<>();
        for (String requirement : requirements) {
            alternatives.add(parseAll(requirement));
        }
        return new Requirement(String.join(" | ", requirements), alternatives.toArray(new Term[0][]));
    }

    public boolean isSatisfiedBy(Subject subject) {
        if (subject == null) {
            return false;
        }
        for (Term[] conjunction : alternatives) {
            if (allHold(conjunction, subject)) {
                return true;
            }
        }
        return false;
    }

    private static boolean allHold(Term[] conjunction, Subject subject) {
        for (Term term : conjunction) {
            if (!term.holdsFor(subject)) {
                return false;
            }
        }
        return true;
    }

    private static Term[] parseAll(String requirement) {
        if (requirement == null || requirement.isBlank()) {
            throw new IllegalArgumentException("empty requirement");
        }
        String[] parts = requirement.split("&", -1);
        Term[] terms = new Term[parts.length];
        for (int i = 0; i < parts.length; i++) {
            terms[i] = parseTerm(parts[i].trim(), requirement);
        }
        return terms;
    }

    private static Term parseTerm(String term, String requirement) {
        int colon = term.indexOf(':');
        String kind = colon < 0 ? term : term.substring(0, colon);
        String argument = colon < 0 ? "" : term.substring(colon + 1).trim();
        if (argument.isEmpty()) {
            throw new IllegalArgumentException("requirement '" + requirement + "': term '" + term
                    + "' needs the form scope:NAME, role:NAME, sub:ID or claim:PATH=VALUE");
        }
        switch (kind) {
            case "scope":
                return subject -> subject.hasScope(argument);
            case "role":
                return subject -> subject.hasRole(argument);
            case "sub":
                return subject -> argument.equals(subject.id());
            case "claim":
                return claimTerm(argument, requirement);
            default:
                throw new IllegalArgumentException("requirement '" + requirement + "': unknown kind '" + kind
                        + "' (expected scope, role, sub or claim)");
        }
    }

    private static Term claimTerm(String argument, String requirement) {
        int eq = argument.indexOf('=');
        if (eq <= 0 || eq == argument.length() - 1) {
            throw new IllegalArgumentException("requirement '" + requirement + "': claim term needs PATH=VALUE");
        }
        String[] path;
        try {
            path = ClaimPath.split(argument.substring(0, eq).trim());
        } catch (IllegalArgumentException e) {
            // Name the whole requirement, as every other parse error does, so the policy entry can be found.
            throw new IllegalArgumentException("requirement '" + requirement + "': " + e.getMessage(), e);
        }
        String expected = argument.substring(eq + 1).trim();
        return subject -> matches(subject.claimAt(path), expected);
    }

    private static boolean matches(Object claim, String expected) {
        if (claim instanceof Collection<?> values) {
            for (Object value : values) {
                if (isScalar(value) && expected.equals(String.valueOf(value))) {
                    return true;
                }
            }
            return false;
        }
        return isScalar(claim) && expected.equals(String.valueOf(claim));
    }

    private static boolean isScalar(Object value) {
        return value instanceof String || value instanceof Number || value instanceof Boolean;
    }

    @Override
    public String toString() {
        return text;
    }

    @FunctionalInterface
    private interface Term {
        boolean holdsFor(Subject subject);
    }
}
