package io.claimguard.jdbc.analysis;

import io.claimguard.jdbc.policy.ColumnRule;
import io.claimguard.jdbc.policy.Dialect;
import io.claimguard.jdbc.policy.Name;
import io.claimguard.jdbc.policy.Policy;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What one SQL text can reveal of protected columns, known before any subject or result
 * metadata: computed once per distinct text and dialect, then shared by every execution.
 *
 * <ul>
 *   <li>{@link #outputs()}: per SELECT-list item, when the statement is a projection whose items
 *       map onto result columns; empty otherwise;</li>
 *   <li>{@link #taint()}: rules that taint every result column, for statements whose columns
 *       cannot be told apart (and the whole of what an unanalysable statement mentions);</li>
 *   <li>{@link #predicates()}: rules used to choose or order rows;</li>
 *   <li>{@link #touched()}: every rule the statement involves in any way;</li>
 *   <li>{@link #tables()}: the tables the statement names;</li>
 *   <li>{@link #copied()}: protected columns the statement copies into a table or view;</li>
 *   <li>{@link #writeBack()}: protected columns the statement writes, and how;</li>
 *   <li>{@link #unanalysable()}: why the statement could not be analysed, or null.</li>
 * </ul>
 */
public final class Analysis {
    /**
     * What one result column derives from, by the statement alone: {@code passesThrough} when it
     * hands a single protected value out unchanged, so that the column's own mask fits.
     */
    public record ColumnSources(Set<ColumnRule> rules, boolean passesThrough) {
    }

    /**
     * The text's {@link Fingerprint}, set by {@link SqlAnalyzer} before the analysis is cached and
     * shared, when the text touches protected columns.
     */
    private long fingerprint;

    private final List<Output> outputs;
    private final Set<ColumnRule> taint;
    private final Set<ColumnRule> predicates;
    private final Set<ColumnRule> touched;
    private final String unanalysable;
    private final List<Output.TableName> tables;
    private final Set<ColumnRule> copied;
    private final WriteBack writeBack;
    /** Protected columns DDL renames, moves, retypes, drops or derives an object from. */
    private final Set<ColumnRule> moved;
    private final boolean redefinesObjects;
    /** Of a text that holds several statements: the analysis of each, in order; empty otherwise. */
    private final List<Analysis> statements;
    private TransactionControl transactionControl = TransactionControl.NONE;
    /** A call of a routine whose OUT parameters the configuration names, or null. */
    private RoutineCall routineCall;

    private Analysis(List<Output> outputs, Set<ColumnRule> taint, Set<ColumnRule> predicates, String unanalysable,
                     List<Output.TableName> tables, Set<ColumnRule> referenced, Set<ColumnRule> copied,
                     WriteBack writeBack) {
        this(outputs, taint, predicates, unanalysable, tables, referenced, copied, writeBack, Set.of(), false, List.of());
    }

    private Analysis(List<Output> outputs, Set<ColumnRule> taint, Set<ColumnRule> predicates, String unanalysable,
                     List<Output.TableName> tables, Set<ColumnRule> referenced, Set<ColumnRule> copied,
                     WriteBack writeBack, Set<ColumnRule> moved, boolean redefinesObjects, List<Analysis> statements) {
        this.moved = Set.copyOf(moved);
        this.redefinesObjects = redefinesObjects;
        this.statements = List.copyOf(statements);
        this.outputs = List.copyOf(outputs);
        this.tables = List.copyOf(tables);
        this.copied = Set.copyOf(copied);
        this.taint = Set.copyOf(taint);
        this.predicates = Set.copyOf(predicates);
        this.unanalysable = unanalysable;
        this.writeBack = writeBack;
        Set<ColumnRule> all = new LinkedHashSet<>(taint);
        all.addAll(predicates);
        all.addAll(referenced);
        all.addAll(copied);
        all.addAll(moved);
        writeBack.writes().forEach(write -> all.add(write.rule()));
        for (Output output : outputs) {
            all.addAll(output.rules());
        }
        this.touched = Set.copyOf(all);
    }

    /** @param referenced protected columns used anywhere, also where they do not reach the output */
    static Analysis projection(List<Output> outputs, Set<ColumnRule> predicates, List<Output.TableName> tables,
                               Set<ColumnRule> referenced, Set<ColumnRule> copied) {
        return new Analysis(outputs, Set.of(), predicates, null, tables, referenced, copied, WriteBack.NONE);
    }

    static Analysis tainted(Set<ColumnRule> taint, Set<ColumnRule> predicates, List<Output.TableName> tables) {
        return tainted(taint, predicates, tables, Set.of(), Set.of(), WriteBack.NONE);
    }

    /**
     * @param copied     protected columns whose values the statement writes into a table or view
     * @param referenced protected columns involved without reaching the output, such as those of
     *                   a table the statement writes to (its errors can quote the row)
     * @param writeBack  the protected columns the statement writes
     */
    static Analysis tainted(Set<ColumnRule> taint, Set<ColumnRule> predicates, List<Output.TableName> tables,
                            Set<ColumnRule> copied, Set<ColumnRule> referenced, WriteBack writeBack) {
        return new Analysis(List.of(), taint, predicates, null, tables, referenced, copied, writeBack);
    }

    /**
     * A call of a routine whose OUT parameters the configuration names: OUT values derive from
     * what {@code out} maps them to, other results from everything the routine reads, unless the
     * database returns nothing but OUT values ({@code outValuesOnly}: PostgreSQL's CALL).
     */
    static Analysis call(Set<ColumnRule> reads, RoutineCall call, boolean outValuesOnly) {
        Analysis analysis = new Analysis(List.of(), outValuesOnly ? Set.of() : reads, Set.of(), null, List.of(), reads,
                Set.of(), WriteBack.NONE);
        analysis.routineCall = call;
        return analysis;
    }

    static Analysis unanalysable(String reason, Set<ColumnRule> mentioned) {
        return new Analysis(List.of(), mentioned, Set.of(), reason, List.of(), Set.of(), Set.of(), WriteBack.NONE);
    }

    /**
     * This analysis of a DDL statement, which {@code moves} protected columns out from under the
     * policy and, if {@code redefinesObjects}, may change what views and routines derive from.
     */
    Analysis ofDdl(Set<ColumnRule> moves, boolean redefines) {
        if (moves.isEmpty() && !redefines) {
            return this;
        }
        return copy(moves, redefines, transactionControl);
    }

    /** This analysis of a statement that begins or ends a transaction. */
    Analysis controlling(TransactionControl control) {
        return control == transactionControl ? this : copy(moved, redefinesObjects, control);
    }

    private Analysis copy(Set<ColumnRule> moves, boolean redefines, TransactionControl control) {
        Analysis copy = new Analysis(outputs, taint, predicates, unanalysable, tables, touched, copied, writeBack,
                moves, redefines, statements);
        copy.routineCall = routineCall;
        copy.transactionControl = control;
        return copy;
    }

    /**
     * A text of several statements, each analysed as if sent alone: it involves what any of them
     * does, and each result is masked by the statement that produced it ({@link #resultAt}), or,
     * where the driver does not answer {@code byStatement}, by all that any of them touches. A
     * call among them with named OUT parameters makes the text unanalysable: OUT values cannot be
     * told apart by statement.
     */
    static Analysis sequence(List<Analysis> parts, boolean byStatement) {
        Set<ColumnRule> touched = new LinkedHashSet<>();
        Set<ColumnRule> predicates = new LinkedHashSet<>();
        Set<ColumnRule> copied = new LinkedHashSet<>();
        Set<ColumnRule> moved = new LinkedHashSet<>();
        List<Output.TableName> tables = new ArrayList<>();
        List<WriteBack> writes = new ArrayList<>();
        String unanalysable = null;
        boolean redefines = false;
        for (Analysis part : parts) {
            touched.addAll(part.touched);
            predicates.addAll(part.predicates);
            copied.addAll(part.copied);
            moved.addAll(part.moved);
            tables.addAll(part.tables);
            writes.add(part.writeBack);
            redefines |= part.redefinesObjects;
            if (unanalysable == null) {
                unanalysable = part.unanalysable != null ? part.unanalysable
                        : part.routineCall != null ? "calls a routine among other statements" : null;
            }
        }
        Analysis sequence = new Analysis(List.of(), touched, predicates, unanalysable, tables, touched, copied,
                WrittenColumns.computed(writes), moved, redefines, unanalysable == null && byStatement ? parts : List.of());
        sequence.transactionControl = TransactionControl.last(parts.stream().map(Analysis::transactionControl).toList());
        return sequence;
    }

    /** Whether the statement begins or ends a transaction by its text. */
    public TransactionControl transactionControl() {
        return transactionControl;
    }

    /**
     * What result {@code position} of a run derives from: 0 for the result {@code execute} returns,
     * 1 after one {@code getMoreResults}, and so on. A text of several statements answers with one
     * result per statement, in order; a position past them, or a text that cannot be analysed
     * statement by statement, is this analysis, which taints every column with all it touches.
     */
    public Analysis resultAt(int position) {
        return position >= 0 && position < statements.size() ? statements.get(position) : this;
    }

    /** The call of a routine whose OUT parameters the configuration names, or null. */
    public RoutineCall routineCall() {
        return routineCall;
    }

    /** The tables the statement names, for matching generated-key columns by label. */
    public List<Output.TableName> tables() {
        return tables;
    }

    public List<Output> outputs() {
        return outputs;
    }

    public Set<ColumnRule> taint() {
        return taint;
    }

    public Set<ColumnRule> predicates() {
        return predicates;
    }

    public Set<ColumnRule> touched() {
        return touched;
    }

    /**
     * Protected columns whose values the statement writes somewhere else (INSERT ... SELECT,
     * CREATE TABLE AS, SELECT INTO, MERGE, CREATE VIEW, UPDATE ... SET x = protected): masking
     * cannot follow a value once it is copied.
     */
    public Set<ColumnRule> copied() {
        return copied;
    }

    /** The protected columns the statement writes, and how it can keep their stored values. */
    public WriteBack writeBack() {
        return writeBack;
    }

    /** Why the statement could not be analysed (no SQL text in it), or null if it was. */
    public String unanalysable() {
        return unanalysable;
    }

    /**
     * Whether the statement may create, alter, rename or drop views or routines: once it ran, what
     * the database's objects derive from must be read again.
     */
    public boolean redefinesObjects() {
        return redefinesObjects;
    }

    /**
     * The {@link Fingerprint} of the SQL text, for audit events; only for texts that touch
     * protected columns (others share one analysis, and no event is written about them).
     */
    public long fingerprint() {
        return fingerprint;
    }

    /** Only on an instance of its own, before it is shared. */
    void fingerprint(long value) {
        fingerprint = value;
    }

    /**
     * Protected columns that the statement, DDL, renames, moves to another schema, retypes,
     * replaces or drops, or derives an object or a column from: once it ran, the policy's names
     * would no longer reach their data.
     */
    public Set<ColumnRule> moved() {
        return moved;
    }

    /**
     * What result column {@code column} (1-based) of {@code count}, labelled {@code label}, derives
     * from: the taint, and the SELECT item it aligns with ({@code *} items are matched by label);
     * when the items and columns cannot be aligned, every item.
     */
    public ColumnSources sourcesOf(int column, int count, String label, Policy policy, Dialect dialect) {
        ColumnRule out = routineCall == null ? null : routineCall.out(label);
        if (out != null) {
            return new ColumnSources(Set.of(out), true);   // PostgreSQL's CALL returns OUT values as a row
        }
        Set<ColumnRule> found = new LinkedHashSet<>(taint);
        boolean passesThrough = taint.isEmpty();
        Output item = outputAt(column, count);
        Name name = new Name(label == null ? "" : label, true);
        if (item == null && !outputs.isEmpty()) {
            for (Output output : outputs) {
                found.addAll(output.sources(name, policy, dialect));
            }
            passesThrough = false;
        } else if (item != null) {
            found.addAll(item.sources(name, policy, dialect));
            passesThrough &= item.direct() && !item.spread();
        }
        return new ColumnSources(found, passesThrough);
    }

    /**
     * Whether a result of {@code count} columns has one per SELECT item and none from a {@code *}:
     * the text then fixes its columns, whatever the tables come to hold.
     */
    public boolean namesEveryColumn(int count) {
        return !outputs.isEmpty() && count == outputs.size() && outputs.stream().noneMatch(Output::isStar);
    }

    /** The SELECT item that produced {@code column}, or null when they cannot be aligned. */
    private Output outputAt(int column, int count) {
        int stars = (int) outputs.stream().filter(Output::isStar).count();
        if (stars == 0) {
            return outputs.size() == count ? outputs.get(column - 1) : null;
        }
        if (stars > 1 || count < outputs.size() - 1) {
            return null;
        }
        int before = 0;
        while (!outputs.get(before).isStar()) {
            before++;
        }
        int after = outputs.size() - before - 1;
        if (column <= before) {
            return outputs.get(column - 1);
        }
        if (column > count - after) {
            return outputs.get(outputs.size() - (count - column) - 1);
        }
        return outputs.get(before);
    }

    @Override
    public String toString() {
        return "Analysis[" + (unanalysable != null ? "unanalysable: " + unanalysable + ", " : "")
                + outputs.size() + " outputs, taint=" + taint + ", predicates=" + predicates + "]";
    }
}
