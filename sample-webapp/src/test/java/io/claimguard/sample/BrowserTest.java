package io.claimguard.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.claimguard.sample.demo.Persona;
import io.claimguard.sample.launcher.DemoServer;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The customer list as each persona sees it in a real browser: headless chromium with the
 * persona's token in an Authorization header, the rendered text checked against the visibility
 * matrix and a screenshot saved as {@code target/screenshots/PERSONA.png}. Runs when
 * {@code /usr/bin/chromium} exists; a missing chromium fails the test under
 * {@code CLAIMGUARD_REQUIRE_SERVICES=true} and skips it otherwise.
 */
@ExtendWith(DemoFixture.class)
class BrowserTest {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static DemoServer demo;
    private static HeadlessChromium chromium;
    private static HeadlessChromium.Tab tab;

    @BeforeAll
    static void launch(DemoServer server) throws Exception {
        if (!Files.isExecutable(HeadlessChromium.BINARY)) {
            String missing = HeadlessChromium.BINARY + " is missing (apt-get install -y chromium)";
            if (Boolean.parseBoolean(System.getenv("CLAIMGUARD_REQUIRE_SERVICES"))) {
                fail(missing);
            }
            Assumptions.abort(missing);
        }
        demo = server;
        chromium = HeadlessChromium.launch();
        tab = chromium.openTab(1400, 900);
    }

    @AfterAll
    static void quit() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Persona.class)
    void customerList_rendersWhatThePersonaMaySee(Persona persona) throws Exception {
        tab.setHeaders(Map.of("Authorization", "Bearer " + demo.token(persona)));

        int status = tab.navigate(demo.base().resolve("/customers"));
        String text = tab.evaluate("document.body.innerText");
        tab.screenshot(SCREENSHOTS.resolve(persona.id() + ".png"));

        assertEquals(200, status);
        assertEquals(persona.subject(), tab.evaluate("document.getElementById('whoami').innerText"));
        assertTrue(text.contains("Signed in as " + persona.subject()), text);
        assertTrue(text.contains(persona.title() + " (" + persona.id() + ", " + persona.subject() + "), you"), text);
        Map<Integer, List<String>> expected = new LinkedHashMap<>();
        Seed.rows().forEach((id, row) -> expected.put(id, Arrays.stream(Column.values())
                .map(column -> Visibility.expected(persona, column, row.get(column)))
                .map(value -> value == null ? "" : value).toList()));
        assertEquals(expected, renderedRows(text));
    }

    @Test
    void editForm_savedInTheBrowserAsSupportAgent_keepsTheHiddenValues() throws Exception {
        int id = 12;
        Map<Column, String> seeded = Seed.row(id);
        tab.setHeaders(Map.of("Authorization", "Bearer " + demo.token(Persona.AGENT)));
        try {
            assertEquals(200, tab.navigate(demo.base().resolve("/customers/" + id + "/edit")));
            assertEquals(Visibility.expected(Persona.AGENT, Column.SSN, seeded.get(Column.SSN)),
                    tab.evaluate("document.getElementById('ssn').value"));
            assertEquals("", tab.evaluate("document.getElementById('salary').value"));
            tab.evaluate("document.getElementById('notes').value = 'Asked for a callback after 5 pm.'");
            tab.screenshot(SCREENSHOTS.resolve("agent-edit.png"));

            int status = tab.leaveBy("document.getElementById('save').click()");

            assertEquals(200, status);
            assertEquals(demo.base().resolve("/customers/" + id).toString(), tab.evaluate("location.href"));
            assertEquals("Asked for a callback after 5 pm.", tab.evaluate("document.querySelector('td.notes').innerText"));
            Map<Column, String> expected = Seed.rowWith(id, Column.NOTES, "Asked for a callback after 5 pm.");
            assertEquals(expected, Seed.stored(id));
        } finally {
            Seed.restore(id);
        }
    }

    /** The demo page, in a browser that sends no header of its own: its script fetches each persona's token. */
    @ParameterizedTest
    @EnumSource(Persona.class)
    void demoPage_showsEachPersonasView_andMarksWhatIsMasked(Persona persona) throws Exception {
        tab.setHeaders(Map.of());
        assertEquals(200, tab.navigate(demo.base().resolve("/demo/")));

        tab.await("document.querySelector('[data-persona=" + persona.id() + "]').click(), window.shown.then(() => 'shown')");
        tab.screenshot(SCREENSHOTS.resolve("demo-page-" + persona.id() + ".png"));

        assertEquals(persona.title(), tab.evaluate("document.getElementById('persona').innerText"));
        Map<Integer, List<String>> expected = new LinkedHashMap<>();
        Map<Integer, List<String>> expectedMasked = new LinkedHashMap<>();
        Seed.rows().forEach((id, row) -> {
            List<String> shown = Arrays.stream(Column.values())
                    .map(column -> asScriptShows(column, Visibility.expected(persona, column, row.get(column)))).toList();
            expected.put(id, shown);
            expectedMasked.put(id, Arrays.stream(Column.values())
                    .filter(column -> !Objects.equals(Visibility.expected(persona, column, row.get(column)), row.get(column)))
                    .map(column -> column.key).toList());
        });
        assertEquals(expected, renderedRows(tab.evaluate("document.getElementById('customers').innerText")));
        assertEquals(expectedMasked, maskedCells());
    }

    /** A value as the page's script writes it: NULL as nothing, and the salary as a JSON number (no trailing zeros). */
    private static String asScriptShows(Column column, String value) {
        if (value == null) {
            return "";
        }
        return column == Column.SALARY ? new BigDecimal(value).stripTrailingZeros().toPlainString() : value;
    }

    /** Per row, the keys of the cells the page marked as masked. */
    private static Map<Integer, List<String>> maskedCells() throws Exception {
        String marked = tab.evaluate("JSON.stringify(Array.from(document.querySelectorAll('#customers tbody tr')).map(row =>"
                + " [row.cells[0].innerText].concat(Array.from(row.cells).map((cell, i) => cell.className === 'masked'"
                + " ? document.querySelectorAll('#customers th')[i].innerText : null).filter(key => key !== null))))");
        Map<Integer, List<String>> cells = new LinkedHashMap<>();
        for (JsonNode row : new ObjectMapper().readTree(marked)) {
            List<String> keys = new ArrayList<>();
            row.forEach(key -> keys.add(key.asText()));
            cells.put(Integer.valueOf(keys.remove(0)), keys);
        }
        return cells;
    }

    @Test
    void withoutToken_theBrowserGets401() throws Exception {
        tab.setHeaders(Map.of());

        assertEquals(401, tab.navigate(demo.base().resolve("/customers")));
    }

    /** The table's rows as rendered text: one line per row, cells separated by tabs, an id first. */
    private static Map<Integer, List<String>> renderedRows(String text) {
        Map<Integer, List<String>> rows = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            List<String> cells = List.of(line.split("\t", -1));
            if (cells.size() == Column.values().length && cells.get(0).matches("[0-9]+")) {
                rows.put(Integer.valueOf(cells.get(0)), cells);
            }
        }
        return rows;
    }
}
