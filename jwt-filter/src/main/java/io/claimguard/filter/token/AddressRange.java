package io.claimguard.filter.token;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** An IPv4 or IPv6 network in CIDR form ({@code 10.0.0.0/8}, {@code 2001:db8::/32}, or one address). */
public record AddressRange(byte[] network, int prefixBits) {

    /**
     * @throws IllegalArgumentException for anything but an address literal with an optional prefix;
     *         host names are refused, since resolving them would put DNS on the request path
     */
    public static AddressRange parse(String cidr) {
        int slash = cidr.indexOf('/');
        String address = slash < 0 ? cidr : cidr.substring(0, slash);
        byte[] bytes = literal(address);
        int bits = bytes.length * 8;
        if (slash >= 0) {
            String prefix = cidr.substring(slash + 1);
            if (prefix.isEmpty() || prefix.length() > 3 || !prefix.chars().allMatch(Character::isDigit)) {
                throw new IllegalArgumentException("bad prefix length in '" + cidr + "'");
            }
            bits = Integer.parseInt(prefix);
            if (bits > bytes.length * 8) {
                throw new IllegalArgumentException("prefix longer than the address in '" + cidr + "'");
            }
        }
        return new AddressRange(bytes, bits);
    }

    /** The bytes of an IP address literal. */
    public static byte[] literal(String address) {
        boolean v6 = address.indexOf(':') >= 0;
        boolean allowed = !address.isEmpty() && address.length() <= 45;
        int dots = 0;
        for (int i = 0; allowed && i < address.length(); i++) {   // a loop: this runs on every request
            char c = address.charAt(i);
            dots += c == '.' ? 1 : 0;
            allowed = (c >= '0' && c <= '9') || c == '.'
                    || (v6 && (c == ':' || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')));
        }
        if (!allowed || (!v6 && dots != 3)) {
            throw new IllegalArgumentException("'" + address + "' is not an IP address literal");
        }
        try {
            return InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + address + "' is not an IP address literal");
        }
    }

    public boolean contains(byte[] address) {
        if (address.length != network.length) {
            return false;
        }
        int full = prefixBits / 8;
        for (int i = 0; i < full; i++) {
            if (address[i] != network[i]) {
                return false;
            }
        }
        int rest = prefixBits % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (address[full] & mask) == (network[full] & mask);
    }
}
