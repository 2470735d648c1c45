package io.claimguard.filter;

import io.claimguard.core.audit.AuditIdentity;
import io.claimguard.core.audit.RepeatThrottle;
import io.claimguard.filter.revocation.TokenIdentity;
import io.claimguard.filter.token.RejectionReason;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * Writes the filter's audit events on the logger {@code claimguard.audit} at INFO, as SLF4J
 * key-value pairs: one per refused request, with its reason code, HTTP status, the client address
 * and, once the signature was verified, {@code iss}, {@code sub} and {@code jti}; never the token.
 * Identical refusals (same reason, client, subject and outcome) within the configured window are
 * counted, not repeated ({@link RepeatThrottle}): a client replaying a bad token writes one line a
 * window.
 */
final class RequestAudit {
    private static final Logger LOG = LoggerFactory.getLogger("claimguard.audit");

    private final RepeatThrottle throttle;

    /** What a refusal's event says; equal refusals are counted as repeats. */
    private record Refusal(String outcome, RejectionReason reason, String client, AuditIdentity who) {
    }

    RequestAudit(RepeatThrottle.Settings settings) {
        this.throttle = new RepeatThrottle(settings, Clock.systemUTC(), (key, repeats) -> write((Refusal) key, repeats));
    }

    /** @param identity the verified token's identity, or null when the refusal came before the signature was verified */
    void rejected(RejectionReason reason, byte[] client, TokenIdentity identity) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        AuditIdentity who = identity == null ? AuditIdentity.NONE
                : AuditIdentity.of(identity.issuer(), identity.subject(), identity.tokenId());
        Refusal refusal = new Refusal("reject", reason, ClientAddress.describe(client), who);
        long repeats = throttle.admit(refusal);
        if (repeats != RepeatThrottle.SUPPRESSED) {
            write(refusal, repeats);
        }
    }

    private static void write(Refusal r, long repeats) {
        LoggingEventBuilder event = LOG.atInfo()
                .setMessage("ClaimGuard JWT " + r.outcome() + ": " + r.reason().code())
                .addKeyValue("kind", "jwt")
                .addKeyValue("outcome", r.outcome())
                .addKeyValue("reason", r.reason().code())
                .addKeyValue("status", r.reason().status())
                .addKeyValue("client", r.client());
        r.who().eachKnown(event::addKeyValue);
        if (repeats > 0) {
            event.addKeyValue("repeats", repeats);
        }
        event.log();
    }
}
