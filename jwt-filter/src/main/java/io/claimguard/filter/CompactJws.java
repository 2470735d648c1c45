package io.claimguard.filter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
    final byte[] signingInput;
    final byte[] signature;

    private CompactJws(Map<String, Object> header, Map<String, Object> payload, byte[] signingInput, byte[] signature) {
        this.header = header;
        this.payload = payload;
        this.signingInput = signingInput;
        this.signature = signature;
    }

    static CompactJws parse(String token, StrictJson json) {
        int first = token.indexOf('.');
        int second = first < 0 ? -1 : token.indexOf('.', first + 1);
        if (first <= 0 || second < 0 || token.indexOf('.', second + 1) >= 0 || second == first + 1
                || second == token.length() - 1) {
            throw new TokenRejectedException(RejectionReason.MALFORMED_TOKEN);
        }
        byte[] headerJson = decode(token, 0, first);
        byte[] payloadJson = decode(token, first + 1, second);
        byte[] signature = decode(token, second + 1, token.length());
        try {
            Map<String, Object> header = json.object(headerJson);
            Map<String, Object> payload = json.object(payloadJson);
            return new CompactJws(header, payload, token.substring(0, second).getBytes(StandardCharsets.US_ASCII), signature);
        } catch (IOException | RuntimeException e) {
            throw new TokenRejectedException(RejectionReason.MALFORMED_TOKEN);
        }
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
