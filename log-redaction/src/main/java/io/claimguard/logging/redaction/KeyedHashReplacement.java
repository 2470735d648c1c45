package io.claimguard.logging.redaction;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code [EMAIL:3f2a9c]}: a keyed HMAC-SHA-256 of the value, so an operator can see that two lines
 * mention the same card or address without seeing it. Without the key, hashing guesses (every
 * card number with a given prefix, every address at a domain) finds nothing, which a plain hash
 * would allow.
 *
 * <p>Values are hashed in a canonical form so that one value written two ways still correlates:
 * emails in lower case; cards, SSNs, phone numbers and IBANs by their letters and digits only.
 * Six hex characters (24 bits) are enough to tell values apart within an incident and too few
 * to be a stable identifier across a whole log archive.
 */
final class KeyedHashReplacement implements Replacement {

    static final int MIN_KEY_BYTES = 16;
    private static final int SHOWN_HEX = 6;
    private static final String ALGORITHM = "HmacSHA256";
    private static final HexFormat HEX = HexFormat.of();

    /** A Mac is stateful; one per formatting thread, keyed once. */
    private final ThreadLocal<Mac> mac;

    KeyedHashReplacement(byte[] key) {
        if (key.length < MIN_KEY_BYTES) {
            throw new RedactionConfigException("hashKey",
                    "the hash key must have at least " + MIN_KEY_BYTES + " bytes, it has " + key.length);
        }
        SecretKeySpec spec = new SecretKeySpec(key, ALGORITHM);
        keyed(spec); // fails at configuration time rather than on the first line
        this.mac = ThreadLocal.withInitial(() -> keyed(spec));
    }

    private static Mac keyed(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new RedactionConfigException("style", "style 'hash' needs " + ALGORITHM + ", which this JVM cannot provide");
        }
    }

    @Override
    public void append(StringBuilder out, Kind kind, String label, String value) {
        byte[] digest = mac.get().doFinal(canonical(kind, value).getBytes(StandardCharsets.UTF_8));
        out.append('[').append(label).append(':').append(HEX.formatHex(digest), 0, SHOWN_HEX).append(']');
    }

    private static String canonical(Kind kind, String value) {
        if (kind == null) {
            return value;
        }
        switch (kind) {
            case EMAIL:
                return value.toLowerCase(Locale.ROOT);
            case CARD, SSN, PHONE, IBAN:
                StringBuilder kept = new StringBuilder(value.length());
                for (int i = 0; i < value.length(); i++) {
                    char c = value.charAt(i);
                    if (Character.isLetterOrDigit(c)) {
                        kept.append(Character.toUpperCase(c));
                    }
                }
                return kept.toString();
            default:
                return value;
        }
    }
}
