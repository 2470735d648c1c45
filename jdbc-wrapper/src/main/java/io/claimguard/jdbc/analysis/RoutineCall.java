package io.claimguard.jdbc.analysis;

import io.claimguard.jdbc.policy.ColumnRule;
import io.claimguard.jdbc.policy.RoutineRule;

/**
 * A call of a routine whose OUT parameters the configuration names ({@code out}), with where
 * each of the statement's parameters lands among the routine's arguments, so that an OUT value
 * read by index can be told apart from one read by name.
 *
 * @param arguments per statement parameter (index 0 unused): the routine's 1-based argument
 *                  position, or 0 for the return value of {@code {? = call ...}}
 */
public record RoutineCall(RoutineRule routine, int[] arguments) {

    /** The routine's argument position of statement parameter {@code index}, or -1 if it has none. */
    public int argumentOf(int index) {
        return index > 0 && index < arguments.length ? arguments[index] : -1;
    }

    /** The rule of OUT parameter {@code name}, or null when the configuration maps nothing to it. */
    public ColumnRule out(String name) {
        return routine.outParameter(name);
    }
}
