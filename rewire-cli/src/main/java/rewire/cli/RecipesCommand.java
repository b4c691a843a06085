package rewire.cli;

import java.io.PrintWriter;
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

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME", arity = "0..1", description = "Show only this recipe.")
    String name;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Recipes recipes = SparsitySettings.registry();
        if (name != null) {
            recipe(out, recipes.spec(name));  // throws for an unknown name, naming the nearest and all
            return 0;
        }
        out.printf("%-10s %s%n", SparsitySettings.DENSE, "no sparsity: every layer dense, never rewired");
        for (String n : recipes.names()) {
            recipe(out, recipes.spec(n));
        }
        for (Parts.Kind kind : Parts.KINDS) {
            out.printf("%n%s (%s):%n", kind.title(), kind.options());
            for (Part p : kind.parts()) {
                out.printf("    %-16s %s (%s)%n", p.key(), p.info().doc(), p.info().paper());
            }
        }
        return 0;
    }

    private static void recipe(PrintWriter out, Recipes.Spec<?> s) {
        out.printf("%-10s %s: %s%n", s.name(), s.paper(), s.summary());
        for (RecipeOption o : s.options()) {
            out.printf("    %-20s %-14s %s%s; %s%n", o.key(), o.defaultValue(), o.doc(), o.verified() ? "" : " *",
                    o.valid());
        }
    }
}
