package org.communityledger.launcher.operator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a command's arguments against its {@link Syntax}: {@code --name value} or {@code --name=value} for
 * options, {@code --flag}, plain arguments anywhere, {@code --} before plain arguments that start with dashes.
 * Anything else is a {@link UsageException} naming it: a mistyped option must not be taken for an id.
 */
public final class CommandLine {

    private CommandLine() {
    }

    public static ParsedArguments parse(List<String> arguments, Syntax syntax) {
        Map<String, String> values = new HashMap<>();
        Set<String> flags = new HashSet<>();
        List<String> positionals = new ArrayList<>();
        boolean optionsEnded = false;
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (optionsEnded || !argument.startsWith("-") || argument.equals("-")) {
                positionals.add(argument);
            } else if (argument.equals("--")) {
                optionsEnded = true;
            } else {
                int equals = argument.indexOf('=');
                String name = equals < 0 ? argument : argument.substring(0, equals);
                if (syntax.flags().contains(name)) {
                    if (equals >= 0) {
                        throw new UsageException(name + " takes no value");
                    }
                    flags.add(name);
                } else if (syntax.valueOptions().contains(name)) {
                    String value;
                    if (equals >= 0) {
                        value = argument.substring(equals + 1);
                    } else if (i + 1 < arguments.size()) {
                        value = arguments.get(++i);
                    } else {
                        throw new UsageException(name + " needs a value");
                    }
                    if (values.putIfAbsent(name, value) != null) {
                        throw new UsageException(name + " is given twice");
                    }
                } else {
                    throw new UsageException("unknown option " + name);
                }
            }
        }
        if (positionals.size() > syntax.maxPositionals()) {
            throw new UsageException(syntax.maxPositionals() == 0 ? "takes no arguments, not '"
                    + positionals.get(0) + "'" : "too many arguments: " + String.join(" ", positionals));
        }
        return new ParsedArguments(values, flags, positionals);
    }
}
