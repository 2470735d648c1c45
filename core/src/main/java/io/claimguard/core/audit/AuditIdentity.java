package io.claimguard.core.audit;

import io.claimguard.core.Subject;
import java.util.function.BiConsumer;

/**
 * Who an audit event is about: the token's {@code iss}, {@code sub} and {@code jti}, each made safe
 * to log (control characters replaced, at most {@value #MAX_LENGTH} characters) and null when
 * unknown. Claim values come from a verified token but can still hold anything, and an audit line
 * must stay one short line. Never any other claim: scopes, roles and personal data stay out.
 *
 * <p>Equal identities are the same subject for {@link RepeatThrottle}.
 */
public record AuditIdentity(String issuer, String subject, String tokenId) {
    /** Nobody: a statement that ran without a subject, a request before its token was verified. */
    public static final AuditIdentity NONE = new AuditIdentity(null, null, null);
    static final int MAX_LENGTH = 128;

    /** Cleans each part; prefer {@link #of(String, String, String)}. */
    public AuditIdentity {
        issuer = loggable(issuer);
        subject = loggable(subject);
        tokenId = loggable(tokenId);
    }

    public static AuditIdentity of(String issuer, String subject, String tokenId) {
        return issuer == null && subject == null && tokenId == null ? NONE : new AuditIdentity(issuer, subject, tokenId);
    }

    /** The subject's {@code iss}, {@code sub} and {@code jti} claims (text claims only); {@link #NONE} for null. */
    public static AuditIdentity of(Subject subject) {
        if (subject == null) {
            return NONE;
        }
        return of(text(subject, "iss"), subject.id(), text(subject, "jti"));
    }

    /** Hands each known part to {@code field} as it is named in audit events: {@code iss}, {@code sub}, {@code jti}. */
    public void eachKnown(BiConsumer<String, String> field) {
        if (issuer != null) {
            field.accept("iss", issuer);
        }
        if (subject != null) {
            field.accept("sub", subject);
        }
        if (tokenId != null) {
            field.accept("jti", tokenId);
        }
    }

    private static String text(Subject subject, String claim) {
        return subject.claims().get(claim) instanceof String value ? value : null;
    }

    private static String loggable(String value) {
        if (value == null) {
            return null;
        }
        int length = Math.min(value.length(), MAX_LENGTH);
        StringBuilder out = null;
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '\u2028' || c == '\u2029') {
                if (out == null) {
                    out = new StringBuilder(length).append(value, 0, i);
                }
                out.append('?');
            } else if (out != null) {
                out.append(c);
            }
        }
        if (out != null) {
            return out.toString();
        }
        return length == value.length() ? value : value.substring(0, length);
    }
}
