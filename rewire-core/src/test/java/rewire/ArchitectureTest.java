package rewire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * Enforces the layering of ARCHITECTURE.md.
 *
 * <p>Packages of rewire-core form layers, and a package never uses one of a later layer:
 * {@code tensor, sparse -> kernel -> autodiff -> nn -> optim -> sparsity -> prune -> data ->
 * train -> dist}, with {@code config} and {@code io} usable from {@code train} upward. Reading
 * of the last clause: {@code config} and {@code io} form one layer between {@code data} and
 * {@code train}. A sub-package ({@code rewire.sparsity.ch}) belongs to its parent's layer. Uses
 * are imports and fully qualified {@code rewire.x.} references outside comments and strings.
 * Core code never uses {@code jdk.incubator} (the Vector API lives in rewire-simd).
 *
 * <p>Modules: core depends on no other module and has test dependencies only; simd on core;
 * models on core, and on simd only as an optional, runtime or test dependency (providers are
 * found through ServiceLoader); cli on models, core and simd; spark on core; testkit on core;
 * bench on anything. Every module uses testkit in test scope only. Modules that do not exist
 * yet are skipped; a module that the rules do not know fails the test, so the rules stay in
 * step with ARCHITECTURE.md.
 */
class ArchitectureTest {
    /** Layer of each top-level package of rewire-core; equal numbers are one layer. */
    static final Map<String, Integer> LAYERS = Map.ofEntries(
            Map.entry("tensor", 0), Map.entry("sparse", 0), Map.entry("kernel", 1), Map.entry("autodiff", 2),
            Map.entry("nn", 3), Map.entry("optim", 4), Map.entry("sparsity", 5), Map.entry("prune", 6),
            Map.entry("data", 7), Map.entry("config", 8), Map.entry("io", 8), Map.entry("train", 9),
            Map.entry("dist", 10));
    static final String LAYER_ORDER =
            "tensor, sparse -> kernel -> autodiff -> nn -> optim -> sparsity -> prune -> data -> {config, io}"
                    + " -> train -> dist";

    /** Rewire modules each module may depend on, by short name ("core" for rewire-core). */
    static final Map<String, Set<String>> MODULE_DEPENDENCIES = Map.of(
            "core", Set.of(), "simd", Set.of("core"), "models", Set.of("core", "simd"),
            "cli", Set.of("models", "core", "simd"), "spark", Set.of("core"), "testkit", Set.of("core"),
            "bench", Set.of("core", "simd", "models", "cli", "spark", "testkit"));

    private static final Pattern PACKAGE = Pattern.compile("\\bpackage\\s+([\\w.]+)\\s*;");
    private static final Pattern IMPORT = Pattern.compile("\\bimport\\s+(?:static\\s+)?([\\w.]+(?:\\.\\*)?)\\s*;");
    private static final Pattern REWIRE_REFERENCE = Pattern.compile("(?<![\\w.])rewire\\.([a-z_][\\w]*)\\.[\\w.]*");
    private static final Pattern INCUBATOR = Pattern.compile("(?<![\\w.])jdk\\.incubator\\b[\\w.]*");

    /** One broken rule: where, what, and which rule. */
    record Violation(String where, String what, String rule) {
        @Override
        public String toString() {
            return where + ": " + what + " breaks the rule: " + rule;
        }
    }

    // ---------------------------------------------------------------- the tests on this code base

    @Test
    void corePackagesRespectTheLayers() throws IOException {
        Path sources = moduleDir().resolve("src/main/java");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        assertTrue(files.size() > 10, "found only " + files.size() + " source files under " + sources.toAbsolutePath());
        List<Violation> violations = new ArrayList<>();
        for (Path file : files) {
            String name = moduleDir().getFileName() + "/" + moduleDir().relativize(file);
            violations.addAll(checkSource(name, Files.readString(file)));
        }
        assertNoViolations(violations);
    }

    @Test
    void modulesRespectTheDependencyRules() throws Exception {
        Path root = moduleDir().resolve("..").normalize();
        List<String> modules = childTexts(parse(Files.readString(root.resolve("pom.xml"))), "modules", "module");
        assertTrue(modules.contains("rewire-core"), "../pom.xml lists no rewire-core: " + modules);
        List<Violation> violations = new ArrayList<>();
        for (String module : modules) {
            Path pom = root.resolve(module).resolve("pom.xml");
            if (Files.exists(pom)) {
                violations.addAll(checkModule(module, Files.readString(pom)));
            }
        }
        assertNoViolations(violations);
    }

    // ---------------------------------------------------------------- the checkers fail on violations

    @Test
    void layerCheckerFindsUpwardImportsAndReferencesButNotCommentsOrStrings() {
        String source = """
                package rewire.kernel;

                import rewire.sparse.SparsityPattern;
                import rewire.nn.Param;
                import static rewire.optim.Schedule.constant;
                /** See {@link rewire.train.Trainer}. */
                class Fake {
                    // rewire.dist.DataParallel in a comment
                    String text = "rewire.dist.DataParallel in a string";
                    rewire.autodiff.Tape tape;
                    rewire.tensor.Tensor fine;
                }
                """;
        List<Violation> v = checkSource("Fake.java", source);
        assertEquals(List.of("Fake.java:4", "Fake.java:5", "Fake.java:10"), v.stream().map(Violation::where).toList(),
                v.toString());
        assertTrue(v.get(0).toString().contains("import rewire.nn.Param")
                && v.get(0).rule().contains("kernel (layer 1) must not use nn (layer 3)"), v.get(0).toString());
        assertTrue(v.get(2).what().contains("reference rewire.autodiff.Tape"), v.get(2).toString());
    }

    @Test
    void layerCheckerPlacesSubPackagesConfigAndIo() {
        assertEquals(1, checkSource("A.java", "package rewire.sparsity.ch; import rewire.prune.X; import rewire.nn.Y;")
                .size());
        assertEquals(1, checkSource("B.java", "package rewire.data; import rewire.config.RunConfig;").size());
        assertEquals(0, checkSource("C.java", "package rewire.train; import rewire.config.X; import rewire.io.Y;").size());
        assertEquals(0, checkSource("D.java", "package rewire.sparse; import rewire.tensor.Rng;").size());
        assertEquals(0, checkSource("E.java", "package rewire.tensor; import rewire.sparse.Patterns;").size());
        List<Violation> unknown = checkSource("F.java", "package rewire.util; class F {}");
        assertTrue(unknown.size() == 1 && unknown.get(0).rule().contains("not in ARCHITECTURE.md's layer list"),
                unknown.toString());
    }

    @Test
    void layerCheckerFindsTheIncubatorInCore() {
        List<Violation> v = checkSource("V.java", """
                package rewire.kernel;
                import jdk.incubator.vector.FloatVector;
                """);
        assertTrue(v.size() == 1 && v.get(0).rule().contains("jdk.incubator"), v.toString());
        assertEquals("V.java:2", v.get(0).where());
    }

    @Test
    void moduleCheckerFindsForbiddenDependencies() throws Exception {
        assertTrue(checkModule("rewire-core", pom(dependency("org.slf4j", "slf4j-api", null, false))).getFirst()
                .rule().contains("core has test dependencies only"));
        assertTrue(checkModule("rewire-core", pom(dependency("org.junit.jupiter", "junit-jupiter", "test", false)))
                .isEmpty());
        assertTrue(checkModule("rewire-simd", pom(dependency("dev.rewire", "rewire-models", null, false))).getFirst()
                .rule().contains("simd may depend on [core]"));
        assertTrue(checkModule("rewire-spark", pom(dependency("dev.rewire", "rewire-testkit", null, false))).stream()
                .anyMatch(v -> v.rule().contains("testkit only in test scope")));
        assertTrue(checkModule("rewire-models", pom(dependency("dev.rewire", "rewire-simd", null, false))).getFirst()
                .rule().contains("optional"));
        assertTrue(checkModule("rewire-models", pom(dependency("dev.rewire", "rewire-simd", null, true))).isEmpty());
        assertTrue(checkModule("rewire-cli", pom(dependency("dev.rewire", "rewire-models", null, false)
                + dependency("dev.rewire", "rewire-testkit", "test", false))).isEmpty());
        assertTrue(checkModule("rewire-gui", pom("")).getFirst().rule().contains("not in ARCHITECTURE.md's module list"));
    }

    // ---------------------------------------------------------------- layer checker

    /** The layer violations of one source file of rewire-core. */
    static List<Violation> checkSource(String fileName, String source) {
        String code = CodeText.blankCommentsAndStrings(source);
        Matcher pkg = PACKAGE.matcher(code);
        if (!pkg.find()) {
            return List.of();
        }
        String ownTop = topPackage(pkg.group(1));
        Integer ownLayer = ownTop == null ? null : LAYERS.get(ownTop);
        if (ownLayer == null) {
            return List.of(new Violation(fileName, "package " + pkg.group(1),
                    "package is not in ARCHITECTURE.md's layer list (" + LAYER_ORDER + ")"));
        }
        List<Violation> violations = new ArrayList<>();
        Matcher imp = IMPORT.matcher(code);
        int importsEnd = pkg.end();
        while (imp.find()) {
            checkUse(fileName, code, imp.start(1), imp.group(1), "import ", ownTop, ownLayer, violations);
            importsEnd = imp.end();
        }
        Matcher ref = REWIRE_REFERENCE.matcher(code);
        ref.region(importsEnd, code.length());
        while (ref.find()) {
            checkUse(fileName, code, ref.start(), ref.group(), "reference ", ownTop, ownLayer, violations);
        }
        Matcher inc = INCUBATOR.matcher(code);
        inc.region(importsEnd, code.length());
        while (inc.find()) {
            violations.add(new Violation(where(fileName, code, inc.start()), "reference " + inc.group(),
                    "rewire-core never uses jdk.incubator (Vector API code lives in rewire-simd)"));
        }
        return violations;
    }

    private static void checkUse(String fileName, String code, int at, String name, String kind, String ownTop,
                                 int ownLayer, List<Violation> violations) {
        if (name.startsWith("jdk.incubator")) {
            violations.add(new Violation(where(fileName, code, at), kind + name,
                    "rewire-core never uses jdk.incubator (Vector API code lives in rewire-simd)"));
            return;
        }
        String usedTop = topPackage(name);
        if (usedTop == null) {
            return;
        }
        Integer usedLayer = LAYERS.get(usedTop);
        if (usedLayer == null) {
            violations.add(new Violation(where(fileName, code, at), kind + name,
                    "package rewire." + usedTop + " is not in ARCHITECTURE.md's layer list (" + LAYER_ORDER + ")"));
        } else if (usedLayer > ownLayer) {
            violations.add(new Violation(where(fileName, code, at), kind + name, ownTop + " (layer " + ownLayer
                    + ") must not use " + usedTop + " (layer " + usedLayer + "); layers: " + LAYER_ORDER));
        }
    }

    // "kernel" for rewire.kernel.X, rewire.kernel or rewire.kernel.sub; null outside rewire
    private static String topPackage(String qualifiedName) {
        String[] parts = qualifiedName.split("\\.");
        return parts.length >= 2 && parts[0].equals("rewire") ? parts[1] : null;
    }

    private static String where(String fileName, String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            line += text.charAt(i) == '\n' ? 1 : 0;
        }
        return fileName + ":" + line;
    }

    // ---------------------------------------------------------------- module checker

    /** The dependency violations of one module's pom.xml; {@code module} is its directory name. */
    static List<Violation> checkModule(String module, String pomXml) throws Exception {
        String self = module.replaceFirst("^rewire-", "");
        String where = module + "/pom.xml";
        Set<String> allowed = MODULE_DEPENDENCIES.get(self);
        if (allowed == null) {
            return List.of(new Violation(where, "module " + module,
                    "module is not in ARCHITECTURE.md's module list " + MODULE_DEPENDENCIES.keySet()));
        }
        List<Violation> violations = new ArrayList<>();
        for (Element dep : dependencies(parse(pomXml))) {
            String artifact = text(dep, "artifactId");
            String scope = text(dep, "scope").isEmpty() ? "compile" : text(dep, "scope");
            boolean optional = text(dep, "optional").equals("true");
            String what = "dependency " + artifact + " (" + scope + (optional ? ", optional" : "") + ")";
            boolean testOnly = scope.equals("test");
            if (self.equals("core") && !testOnly) {
                violations.add(new Violation(where, what, "core has test dependencies only"));
            }
            if (!artifact.startsWith("rewire-")) {
                continue;
            }
            String target = artifact.substring("rewire-".length());
            if (target.equals("testkit") && !testOnly && !self.equals("testkit")) {
                violations.add(new Violation(where, what, "modules use testkit only in test scope"));
            } else if (!allowed.contains(target) && !(target.equals("testkit") && testOnly)) {
                violations.add(new Violation(where, what, self + " may depend on " + allowed));
            } else if (self.equals("models") && target.equals("simd") && !optional && scope.equals("compile")) {
                violations.add(new Violation(where, what,
                        "models uses simd only as an optional, runtime or test dependency (found by ServiceLoader)"));
            }
        }
        return violations;
    }

    // <dependency> elements of <project><dependencies> and of each profile, not dependencyManagement
    private static List<Element> dependencies(Element project) {
        List<Element> owners = new ArrayList<>(List.of(project));
        for (Element profiles : children(project, "profiles")) {
            owners.addAll(children(profiles, "profile"));
        }
        List<Element> deps = new ArrayList<>();
        for (Element owner : owners) {
            for (Element list : children(owner, "dependencies")) {
                deps.addAll(children(list, "dependency"));
            }
        }
        return deps;
    }

    private static Element parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(xml))).getDocumentElement();
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                out.add(e);
            }
        }
        return out;
    }

    private static List<String> childTexts(Element parent, String listName, String itemName) {
        List<String> out = new ArrayList<>();
        for (Element list : children(parent, listName)) {
            children(list, itemName).forEach(e -> out.add(e.getTextContent().trim()));
        }
        return out;
    }

    private static String text(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? "" : found.getFirst().getTextContent().trim();
    }

    private static String pom(String dependencies) {
        return "<project><artifactId>x</artifactId><dependencyManagement><dependencies>"
                + dependency("dev.rewire", "rewire-bench", null, false)
                + "</dependencies></dependencyManagement><dependencies>" + dependencies + "</dependencies></project>";
    }

    private static String dependency(String group, String artifact, String scope, boolean optional) {
        return "<dependency><groupId>" + group + "</groupId><artifactId>" + artifact + "</artifactId>"
                + (scope == null ? "" : "<scope>" + scope + "</scope>")
                + (optional ? "<optional>true</optional>" : "") + "</dependency>";
    }

    // ---------------------------------------------------------------- helpers

    private static Path moduleDir() {
        return Path.of(System.getProperty("basedir", "")).toAbsolutePath();
    }

    private static void assertNoViolations(List<Violation> violations) {
        StringBuilder message = new StringBuilder(violations.size() + " architecture violation(s):");
        violations.forEach(v -> message.append("\n  ").append(v));
        assertTrue(violations.isEmpty(), message.toString());
    }

    /** Java source with comments, string, text block and char literals blanked (newlines kept). */
    static final class CodeText {
        private CodeText() {
        }

        static String blankCommentsAndStrings(String source) {
            StringBuilder out = new StringBuilder(source);
            int i = 0;
            while (i < source.length()) {
                int end = literalOrCommentEnd(source, i);
                if (end > i) {
                    for (int j = i; j < end; j++) {
                        out.setCharAt(j, source.charAt(j) == '\n' ? '\n' : ' ');
                    }
                    i = end;
                } else {
                    i++;
                }
            }
            return out.toString();
        }

        // end of the comment or literal starting at i, or i when none starts there
        private static int literalOrCommentEnd(String s, int i) {
            if (s.startsWith("//", i)) {
                int nl = s.indexOf('\n', i);
                return nl < 0 ? s.length() : nl;
            }
            if (s.startsWith("/*", i)) {
                int close = s.indexOf("*/", i + 2);
                return close < 0 ? s.length() : close + 2;
            }
            if (s.startsWith("\"\"\"", i)) {
                return closing(s, i + 3, "\"\"\"");
            }
            if (s.charAt(i) == '"' || s.charAt(i) == '\'') {
                return closing(s, i + 1, String.valueOf(s.charAt(i)));
            }
            return i;
        }

        // index after the first unescaped delimiter at or after from
        private static int closing(String s, int from, String delimiter) {
            for (int j = from; j < s.length(); j++) {
                if (s.charAt(j) == '\\') {
                    j++;
                } else if (s.startsWith(delimiter, j)) {
                    return j + delimiter.length();
                }
            }
            return s.length();
        }
    }
}
