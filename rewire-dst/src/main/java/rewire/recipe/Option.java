package rewire.recipe;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The doc line and valid range of one component of a recipe's options record
 * ({@link RecipeOptions}). Numbers are checked against {@code [min, max]} ({@code (min, max]}
 * with {@code aboveMin}) when the options are parsed, before any training; parts are checked
 * against their enum.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Option {

    /** What the option means, in one line. */
    String value();

    /** The smallest valid number (inclusive unless {@link #aboveMin()}). */
    double min() default Double.NEGATIVE_INFINITY;

    /** The largest valid number, inclusive. */
    double max() default Double.POSITIVE_INFINITY;

    /** Whether {@link #min()} itself is excluded. */
    boolean aboveMin() default false;
}
