package org.communityledger.bench;

/**
 * One row of the report: what was measured, its value and unit, and where a target applies, the ceiling it is
 * compared with, the ratio and whether the target was met.
 *
 * @param id       P1..P8, or the ceiling's name
 * @param what     what was measured, in words
 * @param value    the measured figure
 * @param unit     its unit
 * @param ratio    value / ceiling, or NaN where the target is not a ratio
 * @param target   the target in words
 * @param met      whether the target was met (null for ceilings)
 * @param detail   percentiles, counts, caveats
 */
record Figure(String id, String what, double value, String unit, double ratio, String target, Boolean met,
              String detail) {

    static Figure ceiling(String id, String what, double value, String unit, String detail) {
        return new Figure(id, what, value, unit, Double.NaN, "the ceiling", null, detail);
    }

    static Figure ratioTo(String id, String what, double value, String unit, double ceiling, double minimum,
                          String detail) {
        return ratioTo(id, what, value, unit, ceiling, minimum, true, detail);
    }

    /**
     * A figure whose target is a ratio to a ceiling, met only when {@code complete} (the measurement did all it
     * claims, e.g. a rebuild switched after applying every record) and the ratio reaches {@code minimum}.
     */
    static Figure ratioTo(String id, String what, double value, String unit, double ceiling, double minimum,
                          boolean complete, String detail) {
        double ratio = ceiling > 0 ? value / ceiling : Double.NaN;
        return new Figure(id, what, value, unit, ratio, String.format("≥ %.2f × ceiling", minimum),
                complete && ratio >= minimum, detail);
    }
}
