package rewire.cli.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Several names written as one, shell-brace style, for a legend entry that stands for layers whose
 * curves coincide: {@code h0.attn.qkv.weight} to {@code h3.attn.qkv.weight} become
 * {@code h{0..3}.attn.qkv.weight}, {@code fc1.weight} and {@code fc3.weight} become
 * {@code fc{1,3}.weight}, and the fc and proj layers of four blocks {@code h{0..3}.mlp.{fc,proj}.weight}.
 */
final class BraceNames {
    private BraceNames() {
    }

    /**
     * {@code names} (distinct, at least one) as one name: when they are every combination of their
     * dot-separated parts, each part braced on its own; else the common start and end around the
     * differing middles.
     */
    static String join(List<String> names) {
        if (names.size() == 1) {
            return names.get(0);
        }
        return product(names).orElseGet(() -> braced(names));
    }

    // h0.mlp.fc.weight ... h3.mlp.proj.weight (8 names) -> h{0..3}.mlp.{fc,proj}.weight
    private static Optional<String> product(List<String> names) {
        List<String[]> parts = names.stream().map(n -> n.split("\\.", -1)).toList();
        int count = parts.get(0).length;
        if (parts.stream().anyMatch(p -> p.length != count)) {
            return Optional.empty();
        }
        List<String> joined = new ArrayList<>();
        long combinations = 1;
        for (int i = 0; i < count; i++) {
            Set<String> values = new LinkedHashSet<>();
            for (String[] p : parts) {
                values.add(p[i]);
            }
            combinations *= values.size();
            joined.add(values.size() == 1 ? values.iterator().next() : braced(List.copyOf(values)));
        }
        return combinations == names.size() ? Optional.of(String.join(".", joined)) : Optional.empty();
    }

    // the common start and end around the differing middles: fc1.weight, out.weight -> {fc1,out}.weight
    private static String braced(List<String> names) {
        String first = names.get(0);
        int shortest = names.stream().mapToInt(String::length).min().orElseThrow();
        int prefix = 0;
        while (prefix < shortest && sameChar(names, prefix, false)) {
            prefix++;
        }
        int suffix = 0;
        while (prefix + suffix < shortest && sameChar(names, suffix, true)) {
            suffix++;
        }
        // a number stays whole: h1.x and h11.x are h{1,11}.x, not h1{,1}.x
        while (prefix > 0 && Character.isDigit(first.charAt(prefix - 1))) {
            prefix--;
        }
        while (suffix > 0 && Character.isDigit(first.charAt(first.length() - suffix))) {
            suffix--;
        }
        List<String> middles = new ArrayList<>();
        for (String name : names) {
            middles.add(name.substring(prefix, name.length() - suffix));
        }
        return first.substring(0, prefix) + "{" + middles(middles) + "}" + first.substring(first.length() - suffix);
    }

    // "0..3" for consecutive whole numbers (more than two), else the middles joined by commas
    private static String middles(List<String> middles) {
        boolean run = middles.size() > 2 && middles.stream().allMatch(m -> m.matches("0|[1-9]\\d{0,8}"));
        for (int i = 1; run && i < middles.size(); i++) {
            run = Integer.parseInt(middles.get(i)) == Integer.parseInt(middles.get(i - 1)) + 1;
        }
        return run ? middles.get(0) + ".." + middles.getLast() : String.join(",", middles);
    }

    // whether every name has the same character {@code offset} characters from its start, or from its end
    private static boolean sameChar(List<String> names, int offset, boolean fromEnd) {
        char c = charAt(names.get(0), offset, fromEnd);
        return names.stream().allMatch(n -> charAt(n, offset, fromEnd) == c);
    }

    private static char charAt(String name, int offset, boolean fromEnd) {
        return name.charAt(fromEnd ? name.length() - 1 - offset : offset);
    }
}
