package org.communityledger.faults.hostile;

/** A member of a request body; {@code required} means that leaving it out is refused. */
record Field(String name, FieldType type, int maxLength, boolean required) {

    static Field text(String name, int maxLength) {
        return new Field(name, FieldType.TEXT, maxLength, true);
    }

    static Field of(String name, FieldType type) {
        return new Field(name, type, 0, true);
    }

    static Field optional(String name, FieldType type) {
        return new Field(name, type, 0, false);
    }
}
