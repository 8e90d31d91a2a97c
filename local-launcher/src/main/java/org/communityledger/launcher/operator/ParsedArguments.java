package org.communityledger.launcher.operator;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A command line as {@link CommandLine} read it. */
public record ParsedArguments(Map<String, String> values, Set<String> flags, List<String> positionals) {

    public ParsedArguments {
        values = Map.copyOf(values);
        flags = Set.copyOf(flags);
        positionals = List.copyOf(positionals);
    }

    public Optional<String> value(String option) {
        return Optional.ofNullable(values.get(option));
    }

    public boolean flag(String name) {
        return flags.contains(name);
    }
}
