package io.claimguard.jdbc.mask;

/** Turns a raw cell's string form into what is shown instead; pure, thread-safe, never null. */
@FunctionalInterface
interface TextRewrite {

    /** @param raw the cell's string form, never null */
    String apply(String raw);
}
