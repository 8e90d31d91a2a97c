package org.communityledger.verifier;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Where a problem was found: a line of the export, or one of the checkpoints given with it. */
public sealed interface Location permits Location.Line, Location.Note {

    /** The place as a report names it: {@code line 17 (position 42, community c-1, version 3)}. */
    String describe();

    /**
     * A line of the export, with what of its event could be read before the problem (a line cut off or
     * malformed may still name its position and community).
     *
     * @param number the line's number, 1 for the first
     */
    record Line(long number, OptionalLong position, Optional<String> communityId, OptionalLong version)
            implements Location {

        @Override
        public String describe() {
            List<String> known = new ArrayList<>();
            position.ifPresent(p -> known.add("position " + p));
            communityId.ifPresent(id -> known.add("community " + id));
            version.ifPresent(v -> known.add("version " + v));
            return "line " + number + (known.isEmpty() ? "" : " (" + String.join(", ", known) + ")");
        }
    }

    /** One of the signed checkpoints the export is checked against. */
    enum Note implements Location {
        /** The checkpoint the export must hold ({@code --checkpoint}). */
        CHECKPOINT("checkpoint"),
        /** An earlier checkpoint the export must extend ({@code --previous-checkpoint}). */
        PREVIOUS_CHECKPOINT("previous checkpoint");

        private final String name;

        Note(String name) {
            this.name = name;
        }

        @Override
        public String describe() {
            return name;
        }
    }
}
