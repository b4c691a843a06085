package rewire.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
        assertEquals("t.yaml:5:3", optim.get("lr").origin().place(), "a value is placed at its key");
        assertEquals("t.yaml:4:1", optim.origin().place(), "a nested block points at its key");
        assertEquals("t.yaml:10:5", ((Node.Mapping) layers.items().get(1)).origin().place());
    }

    @Test
    void readsAnchorsAliasesBlockScalarsFlowMappingsAndTags() {
        String text = """
                hidden: &wide [1000, 1000]
                other: *wide
                base: &base {lr: 0.1, kind: sgd}
                copy: *base
                literal: |
                  first line
                  second line
                folded: >
                  one
                  sentence
                single: 'it''s'
                double: "tab\\there \\u00e9"
                forced: !!str null
                none: ~
                """;
        Node.Mapping root = (Node.Mapping) Yaml.parse(text, "t.yaml");
        assertEquals(List.of("1000", "1000"), ((Node.Sequence) root.get("other")).items().stream().map(YamlTest::text).toList());
        Node.Mapping copy = (Node.Mapping) root.get("copy");
        assertEquals("0.1", text(copy.get("lr")));
        assertEquals("sgd", text(copy.get("kind")));
        assertEquals("first line\nsecond line\n", text(root.get("literal")));
        assertEquals("one sentence\n", text(root.get("folded")));
        assertEquals("it's", text(root.get("single")));
        assertEquals("tab\there é", text(root.get("double")));
        assertFalse(((Node.Scalar) root.get("forced")).isNull(), "!!str makes null text");
        assertEquals("null", text(root.get("forced")));
        assertTrue(((Node.Scalar) root.get("none")).isNull());
        assertTrue(((Node.Scalar) root.get("literal")).quoted(), "a block scalar is text");
    }

    @Test
    void errorsNameTheFileLineAndColumn() {
        assertError("a: 1\n\tb: 2\n", "t.yaml:2:1: found character '\\t(TAB)' that cannot start any token");
        assertError("a: 1\n  b: 2\n", "t.yaml:2:4: mapping values are not allowed here");
        assertError("a: 1\nb: 2\na: 3\n", "t.yaml:3:1: duplicate key 'a' (first at t.yaml:1:1)");
        assertError("a: 1\n- b\n", "t.yaml:2:1: expected <block end>, but found '-' (while parsing a block mapping at t.yaml:1:1)");
        assertError("a: \"open\n", "t.yaml:2:1: found unexpected end of stream");
        assertError("a: [1, 2\n", "t.yaml:2:1: expected ',' or ']', but got <stream end> (while parsing a flow sequence at t.yaml:1:4)");
        assertError("a: *nowhere\n", "t.yaml:1:4: found undefined alias nowhere");
        assertError("a: &x\n  b: *x\n", "t.yaml:1:4: this collection holds an alias to itself");
        assertError("a: !custom 1\n", "t.yaml:1:4: unsupported tag !custom");
        assertError("[a, b]: 1\n", "t.yaml:1:1: a key must be a scalar, not a sequence");
        assertError("a: 1\n---\nb: 2\n", "t.yaml:2:1: but found another document (expected a single document in the stream at t.yaml:1:1)");
        assertError("a: \"\\q\"\n", "t.yaml:1:6: found unknown escape character q");
        assertError("# only a comment\n", "t.yaml: no YAML document");
    }

    @Test
    void writtenTreeParsesBackToTheSameTree() {
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
        assertTrue(((Node.Sequence) again.get("list")).items().get(2) instanceof Node.Scalar s && !s.isNull() && s.text().isEmpty());
        assertTrue(((Node.Scalar) again.get("nothing")).isNull());
        assertEquals(0, ((Node.Mapping) again.get("map")).entries().size());
    }

    @Test
    void writesBlockMappingsFlowListsOfScalarsAndQuotesOnlyWhatNeedsIt() {
        Node.Mapping tree = (Node.Mapping) Yaml.parse("""
                name: rigl
                lr: 0.01
                text: '123'
                hidden: [1000, 300]
                layers: [{size: 3}]
                """, "t");
        assertEquals("""
                name: rigl
                lr: 0.01
                text: '123'
                hidden: [1000, 300]
                layers:
                  - size: 3
                """, Yaml.write(tree));
    }

    @Test
    void relativePathsResolveAgainstTheDocumentsFolder() {
        Path folder = Path.of("/configs/mine");
        Node.Scalar dir = (Node.Scalar) ((Node.Mapping) Yaml.document("dir: data\n", "c.yaml", folder).orElseThrow()).get("dir");
        assertEquals(folder, dir.origin().folder());
        assertEquals(Optional.empty(), Yaml.document("\n# nothing\n", "c.yaml", folder));
        assertEquals(Path.of("").toAbsolutePath(), Yaml.parse("dir: data\n", "text").origin().folder());
    }

    private static void assertError(String yaml, String expected) {
        ConfigException e = assertThrows(ConfigException.class, () -> Yaml.parse(yaml, "t.yaml"), yaml);
        assertTrue(e.getMessage().startsWith(expected), e.getMessage());
    }

    static String text(Node node) {
        return ((Node.Scalar) node).text();
    }
}
