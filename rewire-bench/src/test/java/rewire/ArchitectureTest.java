package rewire;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.Architectures;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * The module graph and the package layers of ARCHITECTURE.md, checked on the compiled classes of
 * every module with ArchUnit, and the names that {@code docs/architecture.md} promises.
 *
 * <p>Modules: {@code core <- simd}, {@code core <- dst <- train <- models <- cli},
 * {@code train <- spark <- cli} (cli at run time: the engine is found through ServiceLoader); bench
 * may use all; testkit (on core) is used in test scope only; simd
 * may also be a runtime dependency (found through ServiceLoader, never named in code). Core
 * has no runtime dependency and never uses {@code jdk.incubator}. Packages of core, dst and train
 * form one layer order, {@link #LAYERS}: a package never uses one listed after it. No package
 * cycles anywhere, sub-packages counted as packages of their own. Runnable mains live in
 * rewire-bench and rewire-cli only.
 *
 * <p>This module builds last, so every other module's {@code target/classes} exists when it runs.
 */
class ArchitectureTest {
    /** Layers of core, dst and train, lowest first; names in one entry share a layer. */
    static final List<List<String>> LAYERS = List.of(List.of("tensor", "sparse"), List.of("kernel"),
            List.of("autodiff"), List.of("nn"), List.of("optim"), List.of("sparsity"), List.of("recipe"),
            List.of("prune"), List.of("data"), List.of("config", "io"), List.of("train"), List.of("run"),
            List.of("dist"));

    /** Rewire modules each module may use, by short name ("core" for rewire-core). */
    static final Map<String, Set<String>> MODULES = Map.of(
            "core", Set.of(), "simd", Set.of("core"), "testkit", Set.of("core"),
            "dst", Set.of("core"), "train", Set.of("dst", "core"),
            "models", Set.of("train", "dst", "core"), "cli", Set.of("models", "spark", "train", "dst", "core"),
            "spark", Set.of("train", "dst", "core"),
            "bench", Set.of("cli", "models", "train", "dst", "core", "simd", "spark", "testkit"));

    /** Modules whose classes may declare {@code public static void main}. */
    static final Set<String> MAIN_MODULES = Set.of("cli", "bench");

    private static Path root;
    private static Map<String, JavaClasses> classesByModule;
    private static JavaClasses all;

    @BeforeAll
    static void importClasses() throws Exception {
        root = Path.of(System.getProperty("basedir", "")).toAbsolutePath().resolve("..").normalize();
        classesByModule = new LinkedHashMap<>();
        List<Path> dirs = new ArrayList<>();
        for (String module : modulesOfParentPom()) {
            Path classes = root.resolve(module).resolve("target/classes");
            assertTrue(Files.isDirectory(classes), module + " has no compiled classes at " + classes);
            classesByModule.put(shortName(module), new ClassFileImporter().importPath(classes));
            dirs.add(classes);
        }
        all = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPaths(dirs);
    }

    @Test
    void everyModuleIsKnownAndUsesOnlyTheModulesItMay() {
        for (String module : classesByModule.keySet()) {
            assertTrue(MODULES.containsKey(module), "module rewire-" + module + " is not in ARCHITECTURE.md's module"
                    + " graph " + MODULES.keySet());
            Set<String> forbidden = new TreeSet<>(classesByModule.keySet());
            forbidden.removeAll(MODULES.get(module));
            forbidden.remove(module);
            for (String other : forbidden) {
                String[] theirs = packagesOf(other);
                String[] ours = packagesOf(module);
                if (theirs.length > 0 && ours.length > 0) {
                    noClasses().that().resideInAnyPackage(ours).should().dependOnClassesThat()
                            .resideInAnyPackage(theirs)
                            .because("rewire-" + module + " may use only " + MODULES.get(module))
                            .check(classesByModule.get(module));
                }
            }
        }
    }

    @Test
    void pomsFollowTheModuleGraph() throws Exception {
        List<String> violations = new ArrayList<>();
        for (String module : modulesOfParentPom()) {
            violations.addAll(pomViolations(module, Files.readString(root.resolve(module).resolve("pom.xml"))));
        }
        assertTrue(violations.isEmpty(), String.join("\n", violations));
    }

    @Test
    void packagesOfCoreDstAndTrainFollowTheLayers() {
        layers(LAYERS).check(all);
    }

    @Test
    void noPackageCycles() {
        slices().matching("rewire.(**)").should().beFreeOfCycles().check(all);
    }

    @Test
    void coreNeverUsesTheIncubatingVectorApi() {
        noClasses().that().resideInAnyPackage(packagesOf("core")).should().dependOnClassesThat()
                .resideInAPackage("jdk.incubator..")
                .because("the Vector API kernels live in rewire-simd, found through ServiceLoader")
                .check(classesByModule.get("core"));
    }

    @Test
    void mainsLiveInBenchAndCli() {
        for (Map.Entry<String, JavaClasses> m : classesByModule.entrySet()) {
            if (!MAIN_MODULES.contains(m.getKey())) {
                noClasses().should(declareMain()).because("benchmark and tool mains live in rewire-bench")
                        .check(m.getValue());
            }
        }
    }

    @Test
    void everyModuleAndPackageThatDocsArchitectureNamesExists() throws IOException {
        String doc = Files.readString(root.resolve("docs/architecture.md"));
        Set<String> modules = firstColumn(doc, "## Modules");
        Set<String> packages = firstColumn(doc, "## Packages");
        assertFalse(modules.isEmpty() || packages.isEmpty(), "docs/architecture.md has no module or package table");
        for (String module : modules) {
            assertTrue(classesByModule.containsKey(shortName(module)), "docs/architecture.md names module " + module
                    + ", which the parent pom does not build");
        }
        Set<String> present = new TreeSet<>();
        all.forEach(c -> present.add(c.getPackageName()));
        present.removeIf(p -> p.endsWith(".jmh_generated"));  // written by JMH's annotation processor
        for (String pkg : packages) {
            assertTrue(present.contains(pkg), "docs/architecture.md names package " + pkg + ", which has no class");
        }
        for (String pkg : present) {
            assertTrue(packages.contains(pkg), "package " + pkg + " is missing from docs/architecture.md's package table");
        }
    }

    // ---------------------------------------------------------------- the rules fail when broken

    @Test
    void theLayerRuleCatchesAnUpwardUse() {
        JavaClasses fake = new ClassFileImporter().importClasses(rewire.kernel.Kernels.class, rewire.nn.Module.class,
                rewire.train.Trainer.class);
        Error e = assertThrows(AssertionError.class, () -> layers(List.of(List.of("train"), List.of("nn"))).check(fake));
        assertTrue(e.getMessage().contains("rewire.train.Trainer"), e.getMessage());
    }

    @Test
    void thePomRuleCatchesForbiddenDependencies() throws Exception {
        assertTrue(pomViolations("rewire-core", pom(dependency("org.slf4j", "slf4j-api", null))).getFirst()
                .contains("core has test dependencies only"));
        assertTrue(pomViolations("rewire-dst", pom(dependency("dev.rewire", "rewire-train", null))).getFirst()
                .contains("dst may depend on"));
        assertTrue(pomViolations("rewire-spark", pom(dependency("dev.rewire", "rewire-testkit", null))).getFirst()
                .contains("testkit only in test scope"));
        assertTrue(pomViolations("rewire-gui", pom("")).getFirst().contains("not in ARCHITECTURE.md's module graph"));
        assertEquals(List.of(), pomViolations("rewire-cli", pom(dependency("dev.rewire", "rewire-models", null)
                + dependency("dev.rewire", "rewire-testkit", "test"))));
    }

    @Test
    void theDocTableReaderTakesTheFirstColumnOfOneSection() {
        String doc = "# x\n## Modules\n| module | holds |\n|---|---|\n| `rewire-core` | math |\n\n## Packages\n"
                + "| package | holds |\n|---|---|\n| `rewire.tensor` | shapes |\n| `rewire.kernel` | kernels |\n";
        assertEquals(Set.of("rewire-core"), firstColumn(doc, "## Modules"));
        assertEquals(Set.of("rewire.tensor", "rewire.kernel"), firstColumn(doc, "## Packages"));
    }

    // ---------------------------------------------------------------- rules

    private static Architectures.LayeredArchitecture layers(List<List<String>> order) {
        Architectures.LayeredArchitecture arch = Architectures.layeredArchitecture().consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true);
        for (List<String> layer : order) {
            arch = arch.layer(String.join("+", layer)).definedBy(layer.stream().map(p -> "rewire." + p + "..")
                    .toArray(String[]::new));
        }
        for (int i = 0; i < order.size(); i++) {
            List<String> above = new ArrayList<>();
            for (int j = i + 1; j < order.size(); j++) {
                above.add(String.join("+", order.get(j)));
            }
            String name = String.join("+", order.get(i));
            arch = above.isEmpty() ? arch.whereLayer(name).mayNotBeAccessedByAnyLayer()
                    : arch.whereLayer(name).mayOnlyBeAccessedByLayers(above.toArray(String[]::new));
        }
        return arch;
    }

    private static ArchCondition<JavaClass> declareMain() {
        return new ArchCondition<>("declare a public static void main") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                for (JavaMethod m : c.getMethods()) {
                    if (m.getName().equals("main") && m.getModifiers().contains(JavaModifier.STATIC)
                            && m.getModifiers().contains(JavaModifier.PUBLIC)) {
                        events.add(SimpleConditionEvent.violated(c, c.getName() + " declares main"));
                    }
                }
            }
        };
    }

    private static String[] packagesOf(String module) {
        Set<String> pkgs = new LinkedHashSet<>();
        JavaClasses classes = classesByModule.get(module);
        if (classes != null) {
            classes.forEach(c -> pkgs.add(c.getPackageName()));
        }
        return pkgs.toArray(String[]::new);
    }

    // ---------------------------------------------------------------- poms

    static List<String> pomViolations(String module, String pomXml) throws Exception {
        String self = shortName(module);
        Set<String> allowed = MODULES.get(self);
        if (allowed == null) {
            return List.of(module + " is not in ARCHITECTURE.md's module graph " + MODULES.keySet());
        }
        List<String> violations = new ArrayList<>();
        for (Element dep : dependencies(parse(pomXml))) {
            String artifact = text(dep, "artifactId");
            String scope = text(dep, "scope").isEmpty() ? "compile" : text(dep, "scope");
            String what = module + "/pom.xml: dependency " + artifact + " (" + scope + ")";
            boolean testOnly = scope.equals("test");
            if (self.equals("core") && !testOnly) {
                violations.add(what + ": core has test dependencies only");
            }
            if (!artifact.startsWith("rewire-")) {
                continue;
            }
            String target = shortName(artifact);
            if (target.equals("testkit") && !testOnly && !self.equals("testkit")) {
                violations.add(what + ": modules use testkit only in test scope");
            } else if (target.equals("simd") && scope.equals("runtime")) {
                continue;  // found through ServiceLoader; the class rule keeps code from naming it
            } else if (!allowed.contains(target) && !testOnly) {
                violations.add(what + ": " + self + " may depend on " + allowed);
            }
        }
        return violations;
    }

    private static List<String> modulesOfParentPom() throws Exception {
        List<String> out = new ArrayList<>();
        for (Element list : children(parse(Files.readString(root.resolve("pom.xml"))), "modules")) {
            children(list, "module").forEach(e -> out.add(e.getTextContent().trim()));
        }
        return out;
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

    private static String text(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? "" : found.getFirst().getTextContent().trim();
    }

    private static String pom(String dependencies) {
        return "<project><artifactId>x</artifactId><dependencyManagement><dependencies>"
                + dependency("dev.rewire", "rewire-bench", null)
                + "</dependencies></dependencyManagement><dependencies>" + dependencies + "</dependencies></project>";
    }

    private static String dependency(String group, String artifact, String scope) {
        return "<dependency><groupId>" + group + "</groupId><artifactId>" + artifact + "</artifactId>"
                + (scope == null ? "" : "<scope>" + scope + "</scope>") + "</dependency>";
    }

    // ---------------------------------------------------------------- docs

    private static final Pattern FIRST_CELL = Pattern.compile("^\\|\\s*`([^`]+)`\\s*\\|", Pattern.MULTILINE);

    /** The back-quoted names in the first column of the tables under {@code heading}, up to the next heading. */
    static Set<String> firstColumn(String doc, String heading) {
        int start = doc.indexOf("\n" + heading + "\n");
        if (start < 0) {
            return Set.of();
        }
        int end = doc.indexOf("\n## ", start + heading.length() + 1);
        Matcher m = FIRST_CELL.matcher(doc.substring(start, end < 0 ? doc.length() : end));
        Set<String> out = new LinkedHashSet<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static String shortName(String module) {
        return module.replaceFirst("^rewire-", "");
    }
}
