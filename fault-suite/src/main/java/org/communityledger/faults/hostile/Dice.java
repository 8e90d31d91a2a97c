package org.communityledger.faults.hostile;

import java.util.List;
import java.util.SplittableRandom;

/** The only source of randomness: a SplittableRandom with the few draws the defects need. */
final class Dice {

    private final SplittableRandom random;

    Dice(SplittableRandom random) {
        this.random = random;
    }

    int below(int bound) {
        return random.nextInt(bound);
    }

    int between(int low, int high) {
        return random.nextInt(low, high + 1);
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    double unit() {
        return random.nextDouble();
    }

    <T> T pick(List<T> options) {
        return options.get(below(options.size()));
    }

    @SafeVarargs
    final <T> T pickOf(T... options) {
        return options[below(options.length)];
    }

    String hex(int length) {
        StringBuilder hex = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            hex.append(Character.forDigit(below(16), 16));
        }
        return hex.toString();
    }

    String digits(int length) {
        StringBuilder digits = new StringBuilder(length).append((char) ('1' + below(9)));
        for (int i = 1; i < length; i++) {
            digits.append((char) ('0' + below(10)));
        }
        return digits.toString();
    }

    /** An id of the shape the ledger makes for communities, plaques and agreements, which no real one has. */
    String uuid() {
        return hex(8) + "-" + hex(4) + "-4" + hex(3) + "-" + pickOf("8", "9", "a", "b") + hex(3) + "-" + hex(12);
    }

    /** A well-formed organisation slug that no member has. */
    String ghostSlug() {
        return "ghost-" + hex(12);
    }

    /** A Unified Social Credit Code with a correct check character. */
    String validUscc() {
        StringBuilder code = new StringBuilder("9151");
        while (code.length() < 17) {
            code.append(Shapes.USCC_ALPHABET.charAt(below(Shapes.USCC_ALPHABET.length())));
        }
        return code.append(Shapes.usccCheck(code.toString())).toString();
    }

    /** Visible ASCII, the alphabet of idempotency keys, long enough to break their limit. */
    String visibleAscii(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) between(0x21, 0x7E));
        }
        return text.toString();
    }
}
