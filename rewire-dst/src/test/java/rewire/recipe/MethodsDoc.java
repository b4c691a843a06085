package rewire.recipe;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The generated tables of docs/methods.md, rendered from the registries: each recipe's options
 * (from its {@link RecipeOptions} record, defaults and verified flags) and the parts of
 * {@link Parts}. The doc marks each table with {@code <!-- generated: options NAME -->} or
 * {@code <!-- generated: parts -->} and {@code <!-- end generated -->}; the hand-written prose
 * around the markers is kept as it is.
 */
final class MethodsDoc {
    private static final Pattern BLOCK = Pattern.compile(
            "(<!-- generated: (options [a-z-]+|parts) -->\n)(.*?)(<!-- end generated -->)", Pattern.DOTALL);

    private MethodsDoc() {
    }

    /** {@code doc} with every generated block rendered anew from the registries. */
    static String render(String doc, Recipes recipes) {
        Matcher m = BLOCK.matcher(doc);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String what = m.group(2);
            String table = what.equals("parts") ? parts() : options(recipes.spec(what.substring("options ".length())));
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + table + m.group(4)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String options(Recipes.Spec<?> spec) {
        StringBuilder t = new StringBuilder("| option | default | status | meaning | valid values |\n"
                + "|---|---|---|---|---|\n");
        for (RecipeOption o : spec.options()) {
            row(t, "`" + o.key() + "`", "`" + o.defaultValue() + "`", o.verified() ? "verified" : "chosen", o.doc(),
                    o.valid());
        }
        return t.toString();
    }

    private static String parts() {
        StringBuilder t = new StringBuilder();
        for (Parts.Kind kind : Parts.KINDS) {
            t.append("| ").append(kind.title()).append(" (`").append(kind.options().replace(", ", "`, `"))
                    .append("`) | source | what it does |\n|---|---|---|\n");
            for (Part p : kind.parts()) {
                row(t, "`" + p.key() + "`", p.info().paper(), p.info().doc());
            }
            t.append('\n');
        }
        return t.toString();
    }

    private static void row(StringBuilder t, String... cells) {
        t.append("| ").append(String.join(" | ", List.of(cells).stream().map(c -> c.replace("|", "\\|")).toList()))
                .append(" |\n");
    }
}
