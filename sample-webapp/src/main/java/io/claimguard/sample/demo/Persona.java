package io.claimguard.sample.demo;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The three people the demo identity provider issues tokens for, and the claims in their tokens. */
public enum Persona {
    AGENT("Support agent", "agent-7", "customers.read customers.write pii.contact", List.of("support"),
            "names, contact details and notes; SSN and card number as their last 4 digits; no salary"),
    COMPLIANCE("Compliance officer", "compliance-1", "customers.read customers.write pii.contact pii.ssn pii.financial",
            List.of("compliance"), "every column as stored"),
    VISITOR("Anonymous visitor", "visitor", null, List.of(),
            "names and cities; a masked email; phone, SSN and card number as their last 4 digits; no salary or notes");

    private final String title;
    private final String subject;
    private final String scope;
    private final List<String> roles;
    private final String sees;

    Persona(String title, String subject, String scope, List<String> roles, String sees) {
        this.title = title;
        this.subject = subject;
        this.scope = scope;
        this.roles = roles;
        this.sees = sees;
    }

    /** The name used in {@code /demo/token?persona=}: agent, compliance or visitor. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String title() {
        return title;
    }

    /** The token's {@code sub}, which the application shows as the user's name. */
    public String subject() {
        return subject;
    }

    /** The token's space-separated {@code scope}; null for a token without one. */
    String scope() {
        return scope;
    }

    List<String> roles() {
        return roles;
    }

    /** What this persona sees of a customer, in words. */
    public String sees() {
        return sees;
    }

    public static Optional<Persona> byId(String id) {
        for (Persona persona : values()) {
            if (persona.id().equals(id)) {
                return Optional.of(persona);
            }
        }
        return Optional.empty();
    }

    public static Optional<Persona> bySubject(String subject) {
        for (Persona persona : values()) {
            if (persona.subject.equals(subject)) {
                return Optional.of(persona);
            }
        }
        return Optional.empty();
    }
}
