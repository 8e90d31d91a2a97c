package org.communityledger.launcher.operator;

import java.util.HashSet;
import java.util.Set;

/**
 * What a command accepts: options that take a value ({@code --out FILE}), flags ({@code --all}), and how many
 * plain arguments (ids) at most.
 */
public record Syntax(Set<String> valueOptions, Set<String> flags, int maxPositionals) {

    public static final int ANY_NUMBER = Integer.MAX_VALUE;

    public Syntax {
        valueOptions = Set.copyOf(valueOptions);
        flags = Set.copyOf(flags);
    }

    public static Syntax none() {
        return new Syntax(Set.of(), Set.of(), 0);
    }

    public Syntax withValues(String... options) {
        return new Syntax(union(valueOptions, Set.of(options)), flags, maxPositionals);
    }

    public Syntax withFlags(String... names) {
        return new Syntax(valueOptions, union(flags, Set.of(names)), maxPositionals);
    }

    public Syntax withPositionals(int max) {
        return new Syntax(valueOptions, flags, max);
    }

    /** This syntax and another's options together (a command's own and the connection's). */
    public Syntax and(Syntax other) {
        return new Syntax(union(valueOptions, other.valueOptions), union(flags, other.flags),
                Math.max(maxPositionals, other.maxPositionals));
    }

    private static Set<String> union(Set<String> left, Set<String> right) {
        Set<String> all = new HashSet<>(left);
        all.addAll(right);
        return all;
    }
}
