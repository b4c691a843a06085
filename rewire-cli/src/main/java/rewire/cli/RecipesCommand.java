package rewire.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import rewire.recipe.Part;
import rewire.recipe.Parts;
import rewire.recipe.RecipeOption;
import rewire.recipe.Recipes;
import rewire.train.SparsitySettings;

/** {@code rewire recipes [NAME]}: the DST recipes, their options and the parts the options name. */
@Command(name = "recipes", mixinStandardHelpOptions = true,
        description = {"List the DST recipes (sparsity.recipe) with their papers and options (sparsity.options), "
                + "then the parts that options name (prune and grow criteria, constraints, distributions, ...); "
                + "or one recipe in detail.",
            "Options marked * have defaults not verified against the paper's code (see docs/methods.md)."})
final class RecipesCommand implements Callable<Integer> {
    private static final String INDENT = "    ";

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME", arity = "0..1", description = "Show only this recipe.")
    String name;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Recipes recipes = SparsitySettings.registry();
        if (name != null) {
            print(out, List.of(), List.of(recipes.spec(name)));  // throws for an unknown name, naming the nearest and all
            return 0;
        }
        print(out, List.of(List.of(SparsitySettings.DENSE, "no sparsity: every layer dense, never rewired")),
                recipes.names().stream().<Recipes.Spec<?>>map(recipes::spec).toList());
        TextColumns partColumns = TextColumns.fit(Parts.KINDS.stream().flatMap(k -> k.parts().stream())
                .map(RecipesCommand::part).toList());
        for (Parts.Kind kind : Parts.KINDS) {
            out.printf("%n%s (%s):%n", kind.title(), kind.options());
            kind.parts().forEach(p -> out.println(partColumns.line(INDENT, part(p))));
        }
        out.flush();
        return 0;
    }

    // Lines without options first, then each recipe's line and its options: recipe names in one
    // column, option keys and defaults in two more.
    private static void print(PrintWriter out, List<List<String>> bare, List<Recipes.Spec<?>> specs) {
        List<List<String>> heads = new ArrayList<>(bare);
        specs.forEach(s -> heads.add(head(s)));
        TextColumns headColumns = TextColumns.fit(heads);
        TextColumns optionColumns = TextColumns.fit(specs.stream().flatMap(s -> s.options().stream())
                .map(RecipesCommand::option).toList());
        bare.forEach(row -> out.println(headColumns.line("", row)));
        for (Recipes.Spec<?> s : specs) {
            out.println(headColumns.line("", head(s)));
            s.options().forEach(o -> out.println(optionColumns.line(INDENT, option(o))));
        }
    }

    private static List<String> head(Recipes.Spec<?> s) {
        return List.of(s.name(), s.paper() + ": " + s.summary());
    }

    private static List<String> option(RecipeOption o) {
        return List.of(o.key(), o.defaultValue(), o.doc() + (o.verified() ? "" : " *") + "; " + o.valid());
    }

    private static List<String> part(Part p) {
        return List.of(p.key(), p.info().doc() + " (" + p.info().paper() + ")");
    }
}
