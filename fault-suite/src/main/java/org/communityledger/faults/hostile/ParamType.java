package org.communityledger.faults.hostile;

/** What a query parameter accepts, as the controllers declare it. */
enum ParamType {
    PAGE, PAGE_SIZE, LIMIT, CHANGES_LIMIT, POSITION, VERSION, INSTANT, PROVINCE_FILTER, NAME_FILTER, SEARCH, OPAQUE_ID;

    boolean accepts(String value) {
        return switch (this) {
            case PAGE -> Shapes.wholeNumberIn(value, 0, Integer.MAX_VALUE);
            case PAGE_SIZE -> Shapes.wholeNumberIn(value, 1, 200);
            case LIMIT -> Shapes.wholeNumberIn(value, 1, 1000);
            case CHANGES_LIMIT -> Shapes.wholeNumberIn(value, 1, 200);
            case POSITION -> Shapes.wholeNumberIn(value, 0, Long.MAX_VALUE);
            case VERSION -> Shapes.wholeNumberIn(value, 1, Long.MAX_VALUE);
            case INSTANT -> Shapes.instant(value);
            case PROVINCE_FILTER -> Shapes.provinceFilter(value);
            case NAME_FILTER -> Shapes.nameFilter(value);
            case SEARCH -> value.length() >= 1 && value.length() <= 100;
            case OPAQUE_ID -> Shapes.opaqueId(value);
        };
    }

    boolean numeric() {
        return this == PAGE || this == PAGE_SIZE || this == LIMIT || this == CHANGES_LIMIT || this == POSITION
                || this == VERSION;
    }
}
