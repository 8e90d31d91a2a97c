package org.communityledger.events.value;

/**
 * The check character of a Unified Social Credit Code, as GB 32100-2015 defines it: the first 17
 * characters, read as numbers in an alphabet of 31 (no I, O, S, V, Z), are weighted by 3^(i-1) mod 31;
 * the check character is the one whose number is (31 - sum mod 31) mod 31. Public so that tools and tests make
 * valid codes (and codes one character wrong) from the rule itself, never from a copy of it.
 */
public final class UnifiedSocialCreditCode {

    public static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private UnifiedSocialCreditCode() {
    }

    public static boolean hasValidCheckCharacter(String code) {
        return code.length() == 18 && code.charAt(17) == checkCharacter(code.substring(0, 17));
    }

    /** The check character of the first 17 characters; a character outside the alphabet is refused. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int number = ALPHABET.indexOf(first17.charAt(i));
            if (number < 0) {
                throw new IllegalArgumentException("not a USCC character: " + first17.charAt(i));
            }
            sum += number * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }
}
