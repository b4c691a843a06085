package rewire.optim;

/**
 * What an optimizer slot holds, for readers outside the optimizer. A {@link Transform} declares
 * the roles of its slots ({@link Transform#slotRoles()}); {@link Slots#find} looks a parameter's
 * slot up by role, so a reader such as SNFS's momentum growth never depends on a slot's name or
 * on which optimizer runs.
 */
public enum SlotRole {
    /**
     * A running average or sum of the gradient: SGD's momentum buffer ({@code buf = beta buf + g}),
     * Adam's first moment {@code m}.
     */
    FIRST_MOMENT,
    /** A running average of the squared gradient: Adam's second moment {@code v}. */
    SECOND_MOMENT
}
