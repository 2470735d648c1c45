package io.claimguard.filter;

import io.claimguard.filter.token.RejectionReason;
import io.claimguard.filter.token.TokenRejectedException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;

/**
 * Finds the one bearer token of a request before anything is decoded (RFC 6750 section 2):
 * exactly one {@code Authorization: Bearer <b64token>} header, or, only where allowed, one
 * {@code access_token} query parameter. Form bodies are never read: that would consume the
 * application's input stream.
 */
final class BearerCredentials {
    private static final String QUERY_PARAMETER = "access_token";

    private BearerCredentials() {
    }

    /**
     * @return the token, or null when the request carries no bearer credentials (an
     *         Authorization header of another scheme counts as none)
     */
    static String of(HttpServletRequest request, boolean allowQuery, int maxTokenBytes) {
        List<String> headers = Collections.list(request.getHeaders("Authorization"));
        int queryTokens = countQueryTokens(request.getQueryString());
        if (queryTokens > 0 && !allowQuery) {
            throw new TokenRejectedException(RejectionReason.TOKEN_IN_QUERY);
        }
        if (headers.size() + queryTokens > 1) {
            throw new TokenRejectedException(RejectionReason.MULTIPLE_CREDENTIALS);
        }
        if (queryTokens == 1) {
            return checked(queryToken(request.getQueryString()), maxTokenBytes);
        }
        if (headers.isEmpty()) {
            return null;
        }
        String header = headers.get(0);
        if (header.length() < 6 || !header.regionMatches(true, 0, "Bearer", 0, 6)) {
            return null;   // another scheme: not ours to judge
        }
        int start = 6;
        while (start < header.length() && header.charAt(start) == ' ') {
            start++;
        }
        if (start == 6 || start == header.length()) {
            throw new TokenRejectedException(RejectionReason.MALFORMED_AUTHORIZATION);
        }
        return checked(header.substring(start), maxTokenBytes);
    }

    /** b64token = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"=" */
    private static String checked(String token, int maxTokenBytes) {
        if (token.length() > maxTokenBytes) {
            throw new TokenRejectedException(RejectionReason.TOKEN_TOO_LARGE);
        }
        int end = token.length();
        while (end > 0 && token.charAt(end - 1) == '=') {
            end--;
        }
        if (end == 0) {
            throw new TokenRejectedException(RejectionReason.MALFORMED_AUTHORIZATION);
        }
        for (int i = 0; i < end; i++) {
            char c = token.charAt(i);
            boolean allowed = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
            if (!allowed) {
                throw new TokenRejectedException(RejectionReason.MALFORMED_AUTHORIZATION);
            }
        }
        return token;
    }

    private static int countQueryTokens(String query) {
        if (query == null || query.isEmpty()) {
            return 0;
        }
        int count = 0;
        for (String pair : query.split("&")) {
            if (QUERY_PARAMETER.equals(name(pair))) {
                count++;
            }
        }
        return count;
    }

    private static String queryToken(String query) {
        for (String pair : query.split("&")) {
            if (QUERY_PARAMETER.equals(name(pair))) {
                int eq = pair.indexOf('=');
                return eq < 0 ? "" : decode(pair.substring(eq + 1));
            }
        }
        return "";
    }

    private static String name(String pair) {
        int eq = pair.indexOf('=');
        return decode(eq < 0 ? pair : pair.substring(0, eq));
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new TokenRejectedException(RejectionReason.MALFORMED_AUTHORIZATION);
        }
    }
}
