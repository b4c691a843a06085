package rewire.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import rewire.recipe.RecipeOption;
import rewire.recipe.Recipes;
import rewire.train.SparsitySettings;

/** {@code rewire recipes [NAME]}: the DST recipes and their options. */
@Command(name = "recipes", mixinStandardHelpOptions = true,
        description = {"List the DST recipes (sparsity.recipe) with their papers and options (sparsity.options), "
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
        if (name == null) {
            out.printf("%-10s %s%n", SparsitySettings.DENSE, "no sparsity: every layer dense, never rewired");
        }
        for (String n : recipes.names()) {
            if (name != null && !name.equals(n)) {
                continue;
            }
            Recipes.Spec s = recipes.spec(n);
            out.printf("%-10s %s%n", s.name(), s.paper());
            for (RecipeOption o : s.options()) {
                out.printf("    %-14s %-12s %s%s%n", o.key(), o.defaultValue(), o.doc(), o.verified() ? "" : " *");
            }
        }
        if (name != null && !recipes.names().contains(name)) {
            recipes.spec(name);  // throws, naming the valid recipes
        }
        return 0;
    }
}
