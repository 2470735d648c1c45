package io.claimguard.e2e;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sample's three personas: the claims their tokens carry and, for every column of
 * {@code customers}, what each may see (the visibility matrix of the sample's policy, written
 * out here independently of it).
 */
enum Persona {
    AGENT("agent-7", "customers.read customers.write pii.contact", List.of("support"),
            Map.of("ssn", Shown.LAST4, "card_number", Shown.LAST4, "salary", Shown.NULL)),
    COMPLIANCE("compliance-1", "customers.read customers.write pii.contact pii.ssn pii.financial", List.of("compliance"),
            Map.of()),
    VISITOR("visitor", null, null,
            Map.of("email", Shown.EMAIL, "phone", Shown.LAST4, "ssn", Shown.LAST4, "card_number", Shown.LAST4,
                    "salary", Shown.NULL, "notes", Shown.NULL));

    static final List<String> COLUMNS = List.of("id", "name", "email", "phone", "ssn", "card_number", "salary", "city", "notes");

    /** How a column's value reaches a persona. */
    enum Shown {
        EXACT, EMAIL, LAST4, NULL
    }

    final String subject;
    private final String scope;
    private final List<String> roles;
    private final Map<String, Shown> hidden;

    Persona(String subject, String scope, List<String> roles, Map<String, Shown> hidden) {
        this.subject = subject;
        this.scope = scope;
        this.roles = roles;
        this.hidden = hidden;
    }

    /** The claims of this persona's tokens other than iss, aud, iat, exp and jti. */
    Map<String, Object> claims() {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", subject);
        if (scope != null) {
            claims.put("scope", scope);
        }
        if (roles != null) {
            claims.put("roles", roles);
        }
        return claims;
    }

    Shown shown(String column) {
        return hidden.getOrDefault(column, Shown.EXACT);
    }

    /** What this persona must be shown of a row, given the row's stored values (null for NULL). */
    Map<String, String> view(Map<String, String> stored) {
        Map<String, String> view = new LinkedHashMap<>();
        for (String column : COLUMNS) {
            view.put(column, mask(shown(column), stored.get(column)));
        }
        return view;
    }

    /** The masks of the personas table in docs/sample-webapp.md: {@code email} keeps the first character and the top-level domain, {@code last4} stars the rest. */
    static String mask(Shown shown, String value) {
        if (value == null) {
            return null;
        }
        return switch (shown) {
            case EXACT -> value;
            case NULL -> null;
            case EMAIL -> value.charAt(0) + "***@***" + value.substring(value.lastIndexOf('.'));
            case LAST4 -> value.length() <= 4 ? "*".repeat(value.length())
                    : "*".repeat(value.length() - 4) + value.substring(value.length() - 4);
        };
    }
}
