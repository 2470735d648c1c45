package io.claimguard.jdbc;

import java.sql.SQLException;
import java.sql.Wrapper;

/**
 * {@code unwrap} and {@code isWrapperFor} for every wrapper: the driver's own objects read and
 * write without masks, so they are handed out only when the policy says {@code allow_unwrap: true}.
 */
final class Unwrapping {
    private Unwrapping() {
    }

    static <T> T unwrap(Object wrapper, Wrapper delegate, Class<T> iface, boolean allowed) throws SQLException {
        if (iface.isInstance(wrapper)) {
            return iface.cast(wrapper);
        }
        if (!allowed) {
            throw Denials.raised("ClaimGuard does not hand out the driver's own " + iface.getName()
                    + ": it would bypass masking (set jdbc.allow_unwrap: true to permit it)", Denials.INSUFFICIENT_PRIVILEGE);
        }
        return iface.isInstance(delegate) ? iface.cast(delegate) : delegate.unwrap(iface);
    }

    static boolean isWrapperFor(Object wrapper, Wrapper delegate, Class<?> iface, boolean allowed) throws SQLException {
        if (iface.isInstance(wrapper)) {
            return true;
        }
        return allowed && (iface.isInstance(delegate) || delegate.isWrapperFor(iface));
    }
}
