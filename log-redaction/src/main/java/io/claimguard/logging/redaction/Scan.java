package io.claimguard.logging.redaction;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * One redaction of one line: a copy of its characters, where the scan is, and where the output
 * goes. Detectors read {@link #text} directly, an array read per character where a String or a
 * StringBuilder would check bounds and encoding on every call.
 *
 * <p>Scans and their buffers are reused ({@link #open}), so a line with nothing to redact
 * allocates nothing: the output is only touched at the first finding. Idle scans wait in slots
 * chosen by thread, not in thread-locals: a container's threads must keep nothing of an
 * application's classes once it is undeployed. A Scan is used by one thread at a time; one
 * opened while its slot is empty (another thread of the slot is scanning, or a redaction that
 * ends up logging, through a bridge, into a redacting appender) is a fresh one.
 */
final class Scan implements AutoCloseable {

    /** A power of two: more than the threads that log at once on most machines. */
    private static final int SLOTS = 64;
    /** Slots 16 references apart, a cache line or more, so that threads on two cores write to two lines. */
    private static final int SPACING = 16;
    private static final AtomicReferenceArray<Scan> IDLE = new AtomicReferenceArray<>(SLOTS * SPACING);
    /** Longer lines get a buffer of their own, so that one huge line does not stay in memory in an idle scan. */
    private static final int KEPT_CAPACITY = 16 * 1024;

    /** The line's characters; only {@code [0, length)} belong to it. */
    char[] text;
    int length;
    private char[] kept = new char[256];
    private Replacement replacement;
    /** Where the redacted line goes: the caller's buffer, or null for a String until the first finding. */
    private StringBuilder out;
    /** Where the line starts in {@code out}. */
    private int outStart;
    private boolean changed;
    /** Everything before this index is already in {@code out}, or has been replaced there. */
    private int copied;
    private final DigitGroups groups = new DigitGroups();
    /** The slot this scan returns to when closed. */
    private int slot;

    private Scan() {
    }

    /** A scan of {@code line}; close it when done. */
    static Scan open(String line, Replacement replacement) {
        Scan s = forThisThread(line.length(), replacement);
        line.getChars(0, s.length, s.text, 0);
        return s;
    }

    /** A scan of {@code buffer} from {@code from} on, whose redaction rewrites the buffer in place; close it when done. */
    static Scan open(StringBuilder buffer, int from, Replacement replacement) {
        Scan s = forThisThread(buffer.length() - from, replacement);
        buffer.getChars(from, buffer.length(), s.text, 0);
        s.out = buffer;
        s.outStart = from;
        return s;
    }

    @SuppressWarnings("deprecation")   // Thread.threadId() is Java 19's; getId() is the same number
    private static Scan forThisThread(int length, Replacement replacement) {
        int slot = (int) (Thread.currentThread().getId() & (SLOTS - 1)) * SPACING;
        Scan s = IDLE.getAndSet(slot, null);
        if (s == null) {
            s = new Scan();
        }
        s.slot = slot;
        s.replacement = replacement;
        s.length = length;
        s.changed = false;
        s.copied = 0;
        if (length <= s.kept.length) {
            s.text = s.kept;
        } else if (length <= KEPT_CAPACITY) {
            s.kept = new char[Math.max(length, Math.min(2 * s.kept.length, KEPT_CAPACITY))];
            s.text = s.kept;
        } else {
            s.text = new char[length];
        }
        return s;
    }

    @Override
    public void close() {
        // nothing of the line stays reachable but the characters in the buffer
        out = null;
        text = null;
        replacement = null;
        IDLE.compareAndSet(slot, null, this);   // or dropped, when another scan of the slot came back first
    }

    /** Lowest index a detector may still redact from: detectors that look backwards stop here. */
    int floor() {
        return copied;
    }

    /** Replaces {@code text[start, end)}; {@code start} is never before {@link #floor()}. */
    void redact(int start, int end, Kind kind) {
        if (!changed) {
            if (out == null) {
                out = new StringBuilder(length + 32).append(text, 0, start);
            } else {
                out.setLength(outStart + start); // the buffer holds the line itself: what is before start stays
            }
            changed = true;
        } else {
            out.append(text, copied, start - copied);
        }
        replacement.append(out, kind, kind.label, new String(text, start, end - start));
        copied = end;
    }

    boolean changed() {
        return changed;
    }

    /** Completes the output: the redacted line, or null if nothing was found (the line stands as it is). */
    StringBuilder finish() {
        if (!changed) {
            return null;
        }
        return out.append(text, copied, length - copied);
    }

    /** The character at {@code i}, or 0 outside the text: detectors peek without bounds checks. */
    char at(int i) {
        return i >= 0 && i < length ? text[i] : 0;
    }

    String substring(int start, int end) {
        return new String(text, start, end - start);
    }

    DigitGroups digitGroups() {
        return groups;
    }

    boolean startsWith(int i, String prefix) {
        if (i < 0 || prefix.length() > length - i) {
            return false;
        }
        for (int k = 0; k < prefix.length(); k++) {
            if (text[i + k] != prefix.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** {@code prefix} in lower case. */
    boolean startsWithIgnoreCase(int i, String prefix) {
        if (i < 0 || prefix.length() > length - i) {
            return false;
        }
        for (int k = 0; k < prefix.length(); k++) {
            char c = text[i + k];
            if (c != prefix.charAt(k) && Character.toLowerCase(c) != prefix.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** The first {@code s} at or after {@code from}, or -1. */
    int indexOf(String s, int from) {
        for (int i = Math.max(from, 0); i <= length - s.length(); i++) {
            if (startsWith(i, s)) {
                return i;
            }
        }
        return -1;
    }

    /** End of the run of {@code [A-Za-z0-9_.-]} from {@code i}: a word, a key name, a dotted or hyphenated id. */
    int wordEnd(int i) {
        char[] t = text;
        int n = length;
        while (i < n) {
            char c = t[i];
            if (c >= 128 || !WORD[c]) {
                return i;
            }
            i++;
        }
        return i;
    }

    /** Whether {@code i} begins a token: the character before it is not part of a word, id or number. */
    boolean startsToken(int i) {
        if (i == 0) {
            return true;
        }
        char before = text[i - 1];
        return before >= 128 || !WORD[before];
    }

    static final boolean[] WORD = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            WORD[c] = isAlnum(c) || c == '_' || c == '.' || c == '-';
        }
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isAlnum(char c) {
        return isLetter(c) || isDigit(c);
    }

    static boolean isWordChar(char c) {
        return isAlnum(c) || c == '_' || c == '.' || c == '-';
    }

    /** Base64url, the alphabet of JWT segments and most vendor tokens. */
    static boolean isTokenChar(char c) {
        return isAlnum(c) || c == '_' || c == '-';
    }
}
