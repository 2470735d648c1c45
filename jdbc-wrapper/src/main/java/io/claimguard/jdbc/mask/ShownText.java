package io.claimguard.jdbc.mask;

/**
 * Where text rewrites build what they show: one char array per thread, which a rewrite fills with
 * the characters it shows and makes its {@code String} from. A masked cell then costs one copy
 * (the String itself) rather than two. The array only ever holds characters that were shown.
 */
final class ShownText {
    /** Longer values get an array of their own, so no thread keeps a large one. */
    private static final int KEPT_LENGTH = 256;
    private static final ThreadLocal<char[]> BUFFER = ThreadLocal.withInitial(() -> new char[KEPT_LENGTH]);

    private ShownText() {
    }

    /** An array of at least {@code length} chars, to fill and pass to {@code new String(chars, 0, length)} at once. */
    static char[] buffer(int length) {
        return length <= KEPT_LENGTH ? BUFFER.get() : new char[length];
    }
}
