package rewire.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Chooses the {@link KernelProvider} for this JVM and says why.
 *
 * <p>{@code -Drewire.kernels=auto} (the default) takes the first provider that
 * {@link ServiceLoader} finds and that loads (rewire-simd's Vector API provider needs
 * {@code --add-modules jdk.incubator.vector}); {@code scalar} forces the reference kernels; any
 * other value must name a provider, and a missing one is an error that lists those found.
 *
 * @param provider the chosen kernels
 * @param reason   one sentence that explains the choice, for reports
 */
public record KernelSelection(KernelProvider provider, String reason) {
    /** System property that forces a provider by name. */
    public static final String PROPERTY = "rewire.kernels";

    /** The selection the system property asks for. */
    public static KernelSelection select() {
        String wanted = System.getProperty(PROPERTY, "auto").trim();
        if (wanted.equals("scalar")) {
            return new KernelSelection(new ScalarKernels(), "forced by -D" + PROPERTY + "=scalar");
        }
        List<String> failures = new ArrayList<>();
        List<KernelProvider> found = discover(failures);
        for (KernelProvider p : found) {
            if (wanted.equals("auto") || wanted.equals(p.name())) {
                String how = wanted.equals("auto") ? "auto: found by ServiceLoader" : "forced by -D" + PROPERTY + "=" + wanted;
                return new KernelSelection(p, how);
            }
        }
        if (!wanted.equals("auto")) {
            List<String> names = new ArrayList<>(List.of("scalar"));
            found.forEach(p -> names.add(p.name()));
            throw new IllegalStateException("-D" + PROPERTY + "=" + wanted + " names no available provider; available: "
                    + names + (failures.isEmpty() ? "" : "; failed to load: " + failures));
        }
        return new KernelSelection(new ScalarKernels(), "auto: no faster provider"
                + (failures.isEmpty() ? " on the class path (add rewire-simd)" : " loaded: " + failures));
    }

    private static List<KernelProvider> discover(List<String> failures) {
        List<KernelProvider> found = new ArrayList<>();
        try {
            for (ServiceLoader.Provider<KernelProvider> p : ServiceLoader.load(KernelProvider.class).stream().toList()) {
                try {
                    found.add(p.get());
                } catch (ServiceConfigurationError | LinkageError e) {
                    failures.add(p.type().getName() + ": " + e);
                }
            }
        } catch (ServiceConfigurationError | LinkageError e) {
            failures.add(e.toString());
        }
        return found;
    }
}
