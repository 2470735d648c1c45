package io.claimguard.filter;

import java.io.IOException;
import java.util.Base64;
import java.util.Map;

/**
 * A token split into its three parts and decoded, before any signature or claim check. Only
 * canonical unpadded base64url is accepted: the same bytes must have exactly one encoding, or a
 * cache or deny list keyed on the text could be sidestepped by re-encoding.
 */
final class CompactJws {
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    final Map<String, Object> header;
    final Map<String, Object> payload;
    /** The texts signed over and the signature, for {@link SignatureAlgorithm#verify}. */
    final SignedParts parts;

    private CompactJws(Map<String, Object> header, Map<String, Object> payload, SignedParts parts) {
        this.header = header;
        this.payload = payload;
        this.parts = parts;
    }

    static CompactJws parse(String token, StrictJson json) {
        SignedParts parts = split(token);
        try {
            Map<String, Object> header = json.object(DECODER.decode(parts.getHeader()));
            Map<String, Object> payload = json.object(DECODER.decode(parts.getPayload()));
            return new CompactJws(header, payload, parts);
        } catch (IOException | RuntimeException e) {
            throw new TokenRejectedException(RejectionReason.MALFORMED_TOKEN);
        }
    }

    /** The three parts, each checked to be canonical unpadded base64url; no JSON is read. */
    static SignedParts split(String token) {
        int first = token.indexOf('.');
        int second = first < 0 ? -1 : token.indexOf('.', first + 1);
        if (first <= 0 || second < 0 || token.indexOf('.', second + 1) >= 0 || second == first + 1
                || second == token.length() - 1) {
            throw new TokenRejectedException(RejectionReason.MALFORMED_TOKEN);
        }
        decode(token, 0, first);
        decode(token, first + 1, second);
        byte[] signature = decode(token, second + 1, token.length());
        return new SignedParts(token.substring(0, first), token.substring(first + 1, second), token.substring(second + 1),
                signature);
    }

    private static byte[] decode(String token, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = token.charAt(i);
            boolean alphabet = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!alphabet) {
                throw new TokenRejectedException(RejectionReason.MALFORMED_TOKEN);
            }
        }
        String part = token.substring(from, to);
        byte[] bytes;
        try {
            bytes = DECODER.decode(part);
        } catch (IllegalArgumentException e) {
            throw new TokenRejectedException(RejectionReason.MALFORMED_TOKEN);
        }
        // Unused low bits in the last character would give the same bytes another spelling.
        if (!ENCODER.encodeToString(bytes).equals(part)) {
            throw new TokenRejectedException(RejectionReason.MALFORMED_TOKEN);
        }
        return bytes;
    }
}
