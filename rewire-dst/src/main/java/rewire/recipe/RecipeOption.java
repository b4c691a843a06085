package rewire.recipe;

/**
 * One documented parameter of a recipe.
 *
 * @param key          the option name
 * @param defaultValue the default, as text
 * @param doc          what it means
 * @param verified     whether the default is checked against the paper or official code
 *                     (METHODS.md tags V-code/V-paper); false marks a choice documented in docs/methods.md
 */
public record RecipeOption(String key, String defaultValue, String doc, boolean verified) {

    static RecipeOption checked(String key, String defaultValue, String doc) {
        return new RecipeOption(key, defaultValue, doc, true);
    }

    static RecipeOption chosen(String key, String defaultValue, String doc) {
        return new RecipeOption(key, defaultValue, doc, false);
    }
}
