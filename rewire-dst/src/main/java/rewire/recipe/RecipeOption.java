package rewire.recipe;

/**
 * One documented option of a recipe, as {@code rewire recipes} and docs/methods.md show it; made
 * from the recipe's options record ({@link Recipes.Spec#options()}).
 *
 * @param key          the option name
 * @param defaultValue the default, as option text
 * @param doc          what it means
 * @param valid        what values it takes: a range, the choices of a part, or a form
 * @param verified     whether the default is checked against the paper or official code
 *                     (METHODS tags V-code/V-paper); false marks a choice documented in docs/methods.md
 */
public record RecipeOption(String key, String defaultValue, String doc, String valid, boolean verified) {
}
