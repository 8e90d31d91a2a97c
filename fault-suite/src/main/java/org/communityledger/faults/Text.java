package org.communityledger.faults;

/** Keeps answers quoted in reports short. */
final class Text {

    private Text() {
    }

    static String clip(String text) {
        if (text == null) {
            return "";
        }
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() > 200 ? flat.substring(0, 200) + "..." : flat;
    }

    /** The end of a long message, where a wrapped exception's own reason is. */
    static String tail(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() > 120 ? "..." + flat.substring(flat.length() - 120) : flat;
    }
}
