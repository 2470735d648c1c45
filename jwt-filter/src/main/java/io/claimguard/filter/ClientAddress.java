package io.claimguard.filter;

import io.claimguard.filter.token.AddressRange;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The address a request came from. {@code X-Forwarded-For} is believed only when the peer is a
 * trusted proxy, and then read from the right: the first address that is not a trusted proxy is
 * the client (everything to its left was written by the client itself).
 */
final class ClientAddress {
    private final List<AddressRange> trustedProxies;

    ClientAddress(List<AddressRange> trustedProxies) {
        this.trustedProxies = List.copyOf(trustedProxies);
    }

    /** The client's address bytes, or null when they cannot be told (a malformed forwarding chain). */
    byte[] of(HttpServletRequest request) {
        byte[] peer = bytes(request.getRemoteAddr());
        if (peer == null || !trusted(peer)) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String header : Collections.list(request.getHeaders("X-Forwarded-For"))) {
            for (String hop : header.split(",")) {
                hops.add(hop.trim());
            }
        }
        byte[] client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            client = bytes(hops.get(i));
            if (client == null || !trusted(client)) {
                return client;
            }
        }
        return client;
    }

    private boolean trusted(byte[] address) {
        for (AddressRange range : trustedProxies) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }

    private static byte[] bytes(String literal) {
        if (literal == null) {
            return null;
        }
        String bare = literal.startsWith("[") && literal.endsWith("]") ? literal.substring(1, literal.length() - 1) : literal;
        try {
            return AddressRange.literal(bare);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String describe(byte[] address) {
        if (address == null) {
            return "unknown";
        }
        try {
            return java.net.InetAddress.getByAddress(address).getHostAddress();
        } catch (java.net.UnknownHostException e) {
            return "unknown";
        }
    }
}
