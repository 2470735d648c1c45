package io.claimguard.jdbc.analysis;

import io.claimguard.jdbc.policy.ColumnRule;
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
    private final List<Output> outputs;
    private final Set<ColumnRule> taint;
    private final Set<ColumnRule> predicates;
    private final Set<ColumnRule> touched;
    private final String unanalysable;
    private final List<Output.TableName> tables;
    private final Set<ColumnRule> copied;
    private final WriteBack writeBack;

    private Analysis(List<Output> outputs, Set<ColumnRule> taint, Set<ColumnRule> predicates, String unanalysable,
                     List<Output.TableName> tables, Set<ColumnRule> referenced, Set<ColumnRule> copied,
                     WriteBack writeBack) {
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

    static Analysis unanalysable(String reason, Set<ColumnRule> mentioned) {
        return new Analysis(List.of(), mentioned, Set.of(), reason, List.of(), Set.of(), Set.of(), WriteBack.NONE);
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

    @Override
    public String toString() {
        return "Analysis[" + (unanalysable != null ? "unanalysable: " + unanalysable + ", " : "")
                + outputs.size() + " outputs, taint=" + taint + ", predicates=" + predicates + "]";
    }
}
