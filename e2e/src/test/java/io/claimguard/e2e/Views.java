package io.claimguard.e2e;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** What a persona must be shown of a set of stored rows, and which stored rows a search finds. */
final class Views {

    private Views() {
    }

    /** Each row as {@code persona} must see it, by id, in the order given. */
    static Map<String, Map<String, String>> of(Persona persona, Map<String, Map<String, String>> stored) {
        Map<String, Map<String, String>> views = new LinkedHashMap<>();
        stored.forEach((id, row) -> views.put(id, persona.view(row)));
        return views;
    }

    static Map<String, Map<String, String>> one(Persona persona, Map<String, String> stored) {
        return Map.of(stored.get("id"), persona.view(stored));
    }

    /** The stored rows whose name, email or city contains {@code text} in any case: what the application's search selects. */
    static Map<String, Map<String, String>> searched(Map<String, Map<String, String>> stored, String text) {
        String needle = text.toLowerCase(Locale.ROOT);
        Map<String, Map<String, String>> found = new LinkedHashMap<>();
        stored.forEach((id, row) -> {
            for (String column : new String[] {"name", "email", "city"}) {
                String value = row.get(column);
                if (value != null && value.toLowerCase(Locale.ROOT).contains(needle)) {
                    found.put(id, row);
                    return;
                }
            }
        });
        return found;
    }
}
