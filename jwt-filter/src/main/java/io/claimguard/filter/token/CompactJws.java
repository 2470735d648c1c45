package io.claimguard.filter.token;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.util.Base64;
import java.util.Map;

/**
 * A token split into its three parts and decoded, before any signature or claim check. Only
 * canonical unpadded base64url is accepted: the same bytes must have exactly one encoding, or a
 * cache or deny list keyed on the text could be sidestepped by re-encoding.
 */
final class CompactJws {
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    final Map<String, Object> header;
    final Map<String, Object> payload;
    /** The texts signed over and the signature, for {@link SignatureAlgorithm#verify}. */
    final SignedParts parts;

    private CompactJws(Map<String, Object> header, Map<String, Object> payload, SignedParts parts) {
        this.header = header;
        this.payload = payload;
        this.parts = parts;
    }

    /** The three parts, checked as by {@link #split}, with header and payload read as JSON objects. */
    static CompactJws parse(String token, StrictJson json) {
        SignedParts parts = split(token);
        try {
            return new CompactJws(json.object(parts.headerJson()), json.object(parts.payloadJson()), parts);
        } catch (CharacterCodingException e) {
            throw new TokenRejectedException(RejectionReason.MALFORMED_UTF8);
        } catch (IOException | RuntimeException e) {
            throw new TokenRejectedException(RejectionReason.MALFORMED_TOKEN);
        }
    }

    /** The three parts, each checked to be canonical unpadded base64url, and decoded; no JSON is read. */
    static SignedParts split(String token) {
        int first = token.indexOf('.');
        int second = first < 0 ? -1 : token.indexOf('.', first + 1);
        if (first <= 0 || second < 0 || token.indexOf('.', second + 1) >= 0 || second == first + 1
                || second == token.length() - 1) {
            throw new TokenRejectedException(RejectionReason.MALFORMED_TOKEN);
        }
        String header = token.substring(0, first);
        String payload = token.substring(first + 1, second);
        String signature = token.substring(second + 1);
        return new SignedParts(header, payload, signature, decode(header), decode(payload), decode(signature));
    }

    private static byte[] decode(String part) {
        int length = part.length();
        for (int i = 0; i < length; i++) {
            char c = part.charAt(i);
            boolean alphabet = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!alphabet) {
                throw new TokenRejectedException(RejectionReason.MALFORMED_TOKEN);
            }
        }
        // A last character carrying bits beyond the final byte would give the same bytes another
        // spelling (and one character alone carries no whole byte at all).
        int unusedBits = switch (length % 4) {
            case 1 -> throw new TokenRejectedException(RejectionReason.MALFORMED_TOKEN);
            case 2 -> 4;
            case 3 -> 2;
            default -> 0;
        };
        if ((sextet(part.charAt(length - 1)) & ((1 << unusedBits) - 1)) != 0) {
            throw new TokenRejectedException(RejectionReason.MALFORMED_TOKEN);
        }
        return DECODER.decode(part);
    }

    private static int sextet(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        return c == '-' ? 62 : 63;
    }
}
