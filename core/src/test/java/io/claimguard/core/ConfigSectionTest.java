package io.claimguard.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigSectionTest {
    private static final String SECRET = "Zq8-s3cr3t-Wv";

    enum Mode { DENY, MASK }

    @TempDir
    Path dir;

    private ConfigFile file(String yaml) throws IOException {
        return ConfigFile.load(Files.writeString(dir.resolve("cg.yaml"), yaml, StandardCharsets.UTF_8).toString());
    }

    private ConfigSection jwt(String yaml) throws IOException {
        return file(yaml).section("jwt").orElseThrow();
    }

    /** Fails, naming the file and every word, never the secret. */
    private ConfigException refused(String yaml, Consumer<ConfigFile> read, String... words) throws IOException {
        ConfigFile config = file(yaml);
        ConfigException e = assertThrows(ConfigException.class, () -> read.accept(config));
        assertTrue(e.getMessage().contains(config.location()), e.getMessage());
        for (String word : words) {
            assertTrue(e.getMessage().contains(word), "'" + word + "' in: " + e.getMessage());
        }
        assertFalse(e.getMessage().contains(SECRET), e.getMessage());
        assertFalse(String.valueOf(e.getCause()).contains(SECRET), String.valueOf(e.getCause()));
        return e;
    }

    private static Consumer<ConfigFile> section(String name) {
        return config -> config.section(name);
    }

    @Test
    void section_absent_isEmpty_andOthersAreIgnored() throws IOException {
        ConfigFile config = file("jdbc:\n  columns: []\n");
        assertTrue(config.section("jwt").isEmpty());
        assertEquals("jdbc", config.section("jdbc").orElseThrow().path());
    }

    @Test
    void accessors_readTypedValues() throws IOException {
        ConfigSection jwt = jwt("jwt:\n  issuer: ' https://id/ '\n  required: false\n  leeway_seconds: 30\n"
                + "  mode: Deny\n  audiences: [a, b]\n  one: x\n  nested: {k: v}\n  list: [{k: 1}, {k: 2}]\n  nothing: null\n");
        assertEquals("https://id/", jwt.text("issuer"));
        assertEquals("fallback", jwt.text("absent", "fallback"));
        assertFalse(jwt.flag("required", true));
        assertTrue(jwt.flag("absent", true));
        assertEquals(30, jwt.integer("leeway_seconds", 0, 3600, 5));
        assertEquals(5, jwt.integer("nothing", 0, 3600, 5));
        assertEquals(Mode.DENY, jwt.choice("mode", Mode.class, Mode.MASK));
        assertEquals(List.of("a", "b"), jwt.strings("audiences"));
        assertEquals(List.of("x"), jwt.strings("one"));
        assertEquals(List.of(), jwt.strings("absent"));
        assertEquals("v", jwt.section("nested").orElseThrow().text("k"));
        assertEquals("jwt.nested", jwt.section("nested").orElseThrow().path());
        List<ConfigSection> list = jwt.sections("list");
        assertEquals(2, list.size());
        assertEquals("jwt.list[1]", list.get(1).path());
        assertFalse(jwt.has("nothing"));
        assertTrue(jwt.has("issuer"));
        assertEquals(List.of("issuer", "required", "leeway_seconds", "mode", "audiences", "one", "nested", "list", "nothing"),
                List.copyOf(jwt.keys()));
    }

    @Test
    void wrongTypes_nameTheKeyPath_neverTheValue() throws IOException {
        String yaml = "jwt:\n  issuer: [\"" + SECRET + "\"]\n  required: \"" + SECRET + "\"\n  leeway_seconds: \"" + SECRET
                + "\"\n  mode: \"" + SECRET + "\"\n  audiences: {a: \"" + SECRET + "\"}\n  nested: \"" + SECRET + "\"\n"
                + "  list: [\"" + SECRET + "\"]\n  big: 99999999999999999999999\n  blank: '  '\n";
        refused(yaml, c -> c.section("jwt").orElseThrow().text("issuer"), "jwt.issuer must be a non-empty string");
        refused(yaml, c -> c.section("jwt").orElseThrow().text("blank"), "jwt.blank must be a non-empty string");
        refused(yaml, c -> c.section("jwt").orElseThrow().flag("required", true), "jwt.required must be true or false");
        refused(yaml, c -> c.section("jwt").orElseThrow().integer("leeway_seconds", 0, 60, 1),
                "jwt.leeway_seconds must be a whole number from 0 to 60");
        refused(yaml, c -> c.section("jwt").orElseThrow().integer("big", 0, 60, 1), "jwt.big");
        refused(yaml, c -> c.section("jwt").orElseThrow().choice("mode", Mode.class, Mode.DENY), "jwt.mode", "[deny, mask]");
        refused(yaml, c -> c.section("jwt").orElseThrow().strings("audiences"), "jwt.audiences must be a string or a list");
        refused(yaml, c -> c.section("jwt").orElseThrow().section("nested"), "jwt.nested must be a mapping");
        refused(yaml, c -> c.section("jwt").orElseThrow().sections("list"), "jwt.list[0] must be a mapping");
        refused(yaml, c -> c.section("jwt").orElseThrow().sections("nested"), "jwt.nested must be a list");
    }

    @Test
    void integer_outOfRange_refused() throws IOException {
        refused("jwt:\n  n: -1\n", c -> c.section("jwt").orElseThrow().integer("n", 0, 10, 1), "jwt.n", "from 0 to 10");
        refused("jwt:\n  n: 1.5\n", c -> c.section("jwt").orElseThrow().integer("n", 0, 10, 1), "jwt.n");
    }

    @Test
    void choice_showsAPlainWord_butNothingElse() throws IOException {
        refused("jwt:\n  mode: sometimes\n", c -> c.section("jwt").orElseThrow().choice("mode", Mode.class, Mode.DENY),
                "not 'sometimes'");
        ConfigException e = refused("jwt:\n  mode: \"" + SECRET + "\"\n",
                c -> c.section("jwt").orElseThrow().choice("mode", Mode.class, Mode.DENY), "jwt.mode must be one of");
        assertFalse(e.getMessage().contains("not '"), e.getMessage());
    }

    @Test
    void rejectUnknownKeys_namesItAndListsKnownKeysSorted() throws IOException {
        refused("jwt:\n  issuer: x\n  audeince: y\n", c -> c.section("jwt").orElseThrow().rejectUnknownKeys(Set.of("issuer",
                "audiences", "algorithms")), "jwt has an unknown key 'audeince' (known: algorithms, audiences, issuer)");
    }

    @Test
    void rejectUnknownKeys_flowStyleWithoutSpace_showsOnlyTheLeadingName() throws IOException {
        refused("jwt: {hmac_secret:\"" + SECRET + "\", issuer: x}\n",
                c -> c.section("jwt").orElseThrow().rejectUnknownKeys(Set.of("issuer")), "unknown key 'hmac_secret...'");
    }

    @Test
    void overrides_areParsedFromText() throws IOException {
        ConfigSection jwt = jwt("jwt:\n  required: true\n  audiences: [a]\n").withTextOverrides(
                Map.of("required", "false", "audiences", "x, y,,z", "leeway_seconds", "12", "mode", "mask"), "init-param");
        assertFalse(jwt.flag("required", true));
        assertEquals(List.of("x", "y", "z"), jwt.strings("audiences"));
        assertEquals(12, jwt.integer("leeway_seconds", 0, 60, 1));
        assertEquals(Mode.MASK, jwt.choice("mode", Mode.class, Mode.DENY));
        ConfigException e = assertThrows(ConfigException.class,
                () -> jwt.withTextOverrides(Map.of("required", "yes"), "init-param").flag("required", true));
        assertTrue(e.getMessage().contains("init-param jwt.required must be true or false"), e.getMessage());
    }

    @Test
    void fileLevelProblems() throws IOException {
        refused("", section("jwt"), "the file is empty");
        refused("- a\n- b\n", section("jwt"), "the top level must be a mapping");
        refused("jwt: \"" + SECRET + "\"\n", section("jwt"), "jwt must be a mapping");
    }

    /** snakeyaml's own message quotes the offending line: a secret on it must never reach the message. */
    @ParameterizedTest
    @ValueSource(strings = {
            "jwt:\n  hmac_secret: \"" + SECRET + "\n  issuer: x\n",                  // unterminated quote
            "jwt:\n  hmac_secret: " + SECRET + ": more\n",                          // a second colon
            "jwt:\n  hmac_secret: '" + SECRET + "' trailing\n  issuer: x\n",        // text after a quoted scalar
            "jwt:\n\thmac_secret: " + SECRET + "\n",                                // a tab as indentation
            "jwt:\n  hmac_secret: [" + SECRET + "\n",                               // unclosed flow sequence
            "jwt:\n  hmac_secret: " + SECRET + "\n  hmac_secret: " + SECRET + "\n", // duplicate key
            "jwt: {hmac_secret:\"" + SECRET + "\", hmac_secret:\"" + SECRET + "\"}\n", // duplicate flow key holding it
            "jdbc:\n  hash_secret: \"" + SECRET + "\"\n  columns: [\n    - column: x\n",
    })
    void yamlSyntaxError_neverShowsTheFaultyLine(String yaml) throws IOException {
        for (String name : List.of("jwt", "jdbc")) {
            ConfigException e = refused(yaml, section(name), "not valid YAML");
            assertTrue(e.getCause() == null, "no cause carrying the parser's message");
        }
    }

    @Test
    void yamlSyntaxError_namesLineAndColumn() throws IOException {
        refused("jwt:\n  issuer: x\n  audiences: [a\n", section("jwt"), "not valid YAML at line");
    }

    @Test
    void toString_namesThePathOnly() throws IOException {
        ConfigSection jwt = jwt("jwt:\n  hmac_secret: " + SECRET + "\n");
        assertFalse(jwt.toString().contains(SECRET));
        assertTrue(jwt.toString().contains("jwt"));
    }
}
