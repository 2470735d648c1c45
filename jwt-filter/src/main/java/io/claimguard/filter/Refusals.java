package io.claimguard.filter;

import io.claimguard.core.Mode;
import io.claimguard.core.audit.AuditIdentity;
import io.claimguard.core.audit.CoarseClock;
import io.claimguard.core.audit.RepeatThrottle;
import io.claimguard.filter.revocation.TokenIdentity;
import io.claimguard.filter.token.RejectionReason;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * What the filter does with a refusal, and its audit event.
 *
 * <p>In {@code enforce} mode every refusal is answered (401, 400, 403). In {@code report} mode
 * ({@code jwt.mode: report}) a refusal of a well-formed request for a policy reason ({@link #REPORTABLE}:
 * no token, wrong type, claims, lifetime, audience, revocation, client address, personal data,
 * scope) lets the request through instead; a malformed request or token and anything that keeps
 * the signature from being verified are refused in both modes.
 *
 * <p>Each refusal writes one event on the logger {@code claimguard.audit} at INFO, as SLF4J
 * key-value pairs: its reason code, HTTP status, the client address and, once the signature was
 * verified, {@code iss}, {@code sub} and {@code jti}; never the token. Identical refusals (same
 * outcome, reason, client and subject) within the configured window are counted, not repeated
 * ({@link RepeatThrottle}): a client replaying a bad token writes one line a window.
 */
final class Refusals {
    /** Refusals report mode lets through; every other reason, including any added later, is always enforced. */
    static final Set<RejectionReason> REPORTABLE = EnumSet.of(RejectionReason.NO_TOKEN,
            RejectionReason.TYPE_NOT_ALLOWED, RejectionReason.EXPIRED, RejectionReason.NOT_YET_VALID,
            RejectionReason.ISSUED_IN_FUTURE, RejectionReason.LIFETIME_TOO_LONG, RejectionReason.BAD_CLAIM,
            RejectionReason.WRONG_AUDIENCE, RejectionReason.REVOKED, RejectionReason.CLIENT_ADDRESS,
            RejectionReason.PERSONAL_DATA_CLAIM, RejectionReason.INSUFFICIENT_SCOPE);
    private static final Logger LOG = LoggerFactory.getLogger("claimguard.audit");

    private final Mode mode;
    private final RepeatThrottle throttle;

    /** What a refusal's event says; equal refusals are counted as repeats. */
    private record Refusal(boolean enforced, RejectionReason reason, String client, AuditIdentity who) {
    }

    Refusals(Mode mode, RepeatThrottle.Settings settings) {
        this.mode = mode;
        this.throttle = new RepeatThrottle(settings, CoarseClock.SYSTEM, (key, repeats) -> write((Refusal) key, repeats));
        if (mode == Mode.REPORT) {
            LOG.atWarn().setMessage("ClaimGuard JWT filter is in REPORT mode: requests it would refuse for " + REPORTABLE.size()
                            + " policy reasons go through (without a subject unless the token verified); malformed"
                            + " and unverifiable tokens are still refused")
                    .addKeyValue("kind", "config")
                    .addKeyValue("mode", "report")
                    .addKeyValue("section", "jwt")
                    .log();
        }
    }

    /** Whether a refusal for {@code reason} is answered, rather than let through by report mode. */
    boolean enforces(RejectionReason reason) {
        return mode == Mode.ENFORCE || !REPORTABLE.contains(reason);
    }

    /**
     * Writes the refusal's event.
     *
     * @param identity the verified token's identity, or null when the refusal came before the signature was verified
     * @param enforced false when report mode lets the request through
     */
    void record(RejectionReason reason, byte[] client, TokenIdentity identity, boolean enforced) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        AuditIdentity who = identity == null ? AuditIdentity.NONE
                : AuditIdentity.of(identity.issuer(), identity.subject(), identity.tokenId());
        Refusal refusal = new Refusal(enforced, reason, ClientAddress.describe(client), who);
        long repeats = throttle.admit(refusal);
        if (repeats != RepeatThrottle.SUPPRESSED) {
            write(refusal, repeats);
        }
    }

    private static void write(Refusal r, long repeats) {
        String outcome = r.enforced() ? "reject" : "would_reject";
        LoggingEventBuilder event = LOG.atInfo()
                .setMessage("ClaimGuard JWT " + outcome + ": " + r.reason().code())
                .addKeyValue("kind", "jwt")
                .addKeyValue("outcome", outcome)
                .addKeyValue("mode", r.enforced() ? "enforce" : "report")
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
