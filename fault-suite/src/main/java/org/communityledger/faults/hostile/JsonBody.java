package org.communityledger.faults.hostile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** A JSON object as an ordered list of members, so that members can be dropped, replaced or repeated. */
final class JsonBody {

    private final List<String[]> members = new ArrayList<>();

    /** Replaces the first member of that name, or appends one. */
    JsonBody put(String name, String rawValue) {
        for (String[] member : members) {
            if (member[0].equals(name)) {
                member[1] = rawValue;
                return this;
            }
        }
        members.add(new String[] {name, rawValue});
        return this;
    }

    /** Appends a member even when one of that name exists: how duplicate keys are made. */
    void append(String name, String rawValue) {
        members.add(new String[] {name, rawValue});
    }

    void insert(int index, String name, String rawValue) {
        members.add(Math.min(index, members.size()), new String[] {name, rawValue});
    }

    void remove(String name) {
        members.removeIf(member -> member[0].equals(name));
    }

    void clear() {
        members.clear();
    }

    boolean has(String name) {
        return members.stream().anyMatch(member -> member[0].equals(name));
    }

    int size() {
        return members.size();
    }

    List<String> names() {
        return members.stream().map(member -> member[0]).toList();
    }

    String text() {
        return members.stream().map(member -> Json.str(member[0]) + ":" + member[1])
                .collect(Collectors.joining(",", "{", "}"));
    }

    byte[] bytes() {
        return text().getBytes(StandardCharsets.UTF_8);
    }
}
