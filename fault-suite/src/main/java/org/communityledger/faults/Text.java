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
}
