package io.claimguard.e2e;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each persona may see of one table of an application, written out independently of the
 * application's policy: the columns a persona sees masked or not at all; every other column as
 * stored.
 */
final class Visibility {

    private final List<String> columns;
    private final Map<Persona, Map<String, Persona.Shown>> hidden;

    /** {@code columns} in the order the application shows them, the id first. */
    Visibility(List<String> columns, Map<Persona, Map<String, Persona.Shown>> hidden) {
        this.columns = List.copyOf(columns);
        this.hidden = Map.copyOf(hidden);
    }

    List<String> columns() {
        return columns;
    }

    /** What {@code persona} must be shown of a row, given the row's stored values (null for NULL). */
    Map<String, String> view(Persona persona, Map<String, String> stored) {
        Map<String, Persona.Shown> masked = hidden.getOrDefault(persona, Map.of());
        Map<String, String> view = new LinkedHashMap<>();
        for (String column : columns) {
            view.put(column, Persona.mask(masked.getOrDefault(column, Persona.Shown.EXACT), stored.get(column)));
        }
        return view;
    }

    /** Each row as {@code persona} must see it, by id, in the order given. */
    Map<String, Map<String, String>> of(Persona persona, Map<String, Map<String, String>> stored) {
        Map<String, Map<String, String>> views = new LinkedHashMap<>();
        stored.forEach((id, row) -> views.put(id, view(persona, row)));
        return views;
    }

    /** The edit form {@code persona} must be shown: the view without the id, which is in the form's address. */
    Map<String, String> form(Persona persona, Map<String, String> stored) {
        Map<String, String> form = view(persona, stored);
        form.remove(columns.get(0));
        return form;
    }
}
