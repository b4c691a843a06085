package rewire.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class YamlTest {

    @Test
    void parsesNestedMappingsListsScalarsAndComments() {
        String text = """
                ---
                # a run
                name: mlp   # trailing comment
                optim:
                  lr: 0.05
                  betas: [0.9, "0.999"]
                layers:
                  - size: 300
                    density: 0.1
                  - size: 100
                tags:
                - a
                - 'it''s #1'
                - "x: y # not a comment"
                empty:
                nested:
                  -
                    - 1
                    - 2
                  - [3, 4]
                """;
        Node.Mapping root = (Node.Mapping) Yaml.parse(text, "t.yaml");
        assertEquals(List.of("name", "optim", "layers", "tags", "empty", "nested"), List.copyOf(root.entries().keySet()));
        assertEquals("mlp", text(root.get("name")));
        Node.Mapping optim = (Node.Mapping) root.get("optim");
        assertEquals("0.05", text(optim.get("lr")));
        Node.Sequence betas = (Node.Sequence) optim.get("betas");
        assertEquals(List.of("0.9", "0.999"), betas.items().stream().map(YamlTest::text).toList());
        assertTrue(((Node.Scalar) betas.items().get(1)).quoted());
        Node.Sequence layers = (Node.Sequence) root.get("layers");
        assertEquals("0.1", text(((Node.Mapping) layers.items().get(0)).get("density")));
        assertEquals(Map.of("size", "100"), Map.of("size", text(((Node.Mapping) layers.items().get(1)).get("size"))));
        Node.Sequence tags = (Node.Sequence) root.get("tags");
        assertEquals(List.of("a", "it's #1", "x: y # not a comment"), tags.items().stream().map(YamlTest::text).toList());
        assertTrue(((Node.Scalar) root.get("empty")).isNull());
        Node.Sequence nested = (Node.Sequence) root.get("nested");
        assertInstanceOf(Node.Sequence.class, nested.items().get(0));
        assertEquals("4", text(((Node.Sequence) nested.items().get(1)).items().get(1)));
        assertEquals("t.yaml:5", optim.get("lr").origin());
        assertEquals("t.yaml:4", optim.origin(), "a nested block points at its key");
    }

    @Test
    void escapesInDoubleQuotes() {
        Node.Mapping root = (Node.Mapping) Yaml.parse("s: \"a\\tb\\n\\\"c\\\\ \\u00e9\"", "t");
        assertEquals("a\tb\n\"c\\ \u00e9", text(root.get("s")));
    }

    @Test
    void errorsNameTheLine() {
        assertError("a: 1\n\tb: 2\n", "t.yaml:2: tabs are not allowed");
        assertError("a: 1\n  b: 2\n", "t.yaml:2: unexpected indentation");
        assertError("a:\n    b: 1\n  c: 2\n", "t.yaml:3: unexpected indentation");
        assertError("a: 1\nb: 2\na: 3\n", "t.yaml:3: duplicate key 'a' (first at line 1)");
        assertError("a: 1\njust text\n", "t.yaml:2: expected 'key: value', got 'just text'");
        assertError("a:1\n", "t.yaml:1: expected 'key: value', got 'a:1' (a space must follow ':')");
        assertError("a: \"open\n", "t.yaml:1: unterminated string");
        assertError("a: [1, 2\n", "t.yaml:1: unterminated list");
        assertError("a: [1, [2]]\n", "t.yaml:1: nested collections");
        assertError("a: &x 1\n", "t.yaml:1: '&x 1': anchors, aliases, tags and block scalars are not supported");
        assertError("a: |\n  text\n", "t.yaml:1: '|': anchors");
        assertError("a: {b: 1}\n", "t.yaml:1: flow mappings");
        assertError("a: b: c\n", "t.yaml:1: 'b: c': quote a value that contains ': '");
        assertError("a: 1\n- b\n", "t.yaml:2: a list item where 'key: value' was expected");
        assertError("a: \"x\" y\n", "t.yaml:1: unexpected text after the closing quote");
        assertError("a: \"\\q\"\n", "t.yaml:1: unknown escape \\q");
        assertError("a: 1\n---\nb: 2\n", "t.yaml:2: multiple YAML documents");
    }

    @Test
    void writtenTreeParsesBackToTheSameText() {
        String text = """
                name: "a: b"
                plain: hello world
                list: [1, "x, y", "", "true"]
                empty: []
                nothing: null
                map: {}
                items:
                  - k: 1
                    inner:
                      deep: [a]
                  - - 1
                    - [2]
                  - plain
                """;
        Node first = Yaml.parse(text, "t");
        String written = Yaml.write(first);
        assertEquals(written, Yaml.write(Yaml.parse(written, "t2")), written);
        Node.Mapping again = (Node.Mapping) Yaml.parse(written, "t2");
        assertEquals("a: b", text(again.get("name")));
        assertEquals("x, y", text(((Node.Sequence) again.get("list")).items().get(1)));
        assertTrue(((Node.Scalar) again.get("nothing")).isNull());
        assertEquals(0, ((Node.Mapping) again.get("map")).entries().size());
    }

    private static void assertError(String yaml, String expected) {
        ConfigException e = assertThrows(ConfigException.class, () -> Yaml.parse(yaml, "t.yaml"), yaml);
        assertTrue(e.getMessage().startsWith(expected) || e.getMessage().contains(expected), e.getMessage());
    }

    static String text(Node node) {
        return ((Node.Scalar) node).text();
    }
}
