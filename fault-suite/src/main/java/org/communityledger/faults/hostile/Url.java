package org.communityledger.faults.hostile;

import java.nio.charset.StandardCharsets;

/** Percent-encoding of path segments and query values: everything but the unreserved characters. */
final class Url {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Url() {
    }

    static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                    || c == '-' || c == '_' || c == '.' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 15]);
            }
        }
        return out.toString();
    }

    /** What the server decodes: text that UTF-8 cannot carry (a lone surrogate) arrives as '?'. */
    static String asReceived(String value) {
        return new String(value.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }
}
