package org.communityledger.faults.hostile;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.communityledger.events.value.CommunityId;
import org.communityledger.events.value.MemberRole;
import org.communityledger.events.value.OrganizationId;
import org.communityledger.events.value.OrganizationKind;
import org.communityledger.events.value.Province;
import org.communityledger.events.value.Sha256;
import org.communityledger.events.value.UnifiedSocialCreditCode;

/**
 * The acceptance rules of the services. What the value types decide (ids, organisation ids with their check
 * character, digests, provinces, kinds, roles) is asked of the shared value types themselves, never copied;
 * what the HTTP layer decides (Jackson's and Spring's leniencies, the header shapes the command service reads,
 * the firewall's refusals) is described here. A hostile value is only used where these rules refuse it; when in
 * doubt they accept, so that a doubtful value is never relied on as a defect.
 */
final class Shapes {

    static final String USCC_ALPHABET = UnifiedSocialCreditCode.ALPHABET;
    private static final Pattern PROVINCE_FILTER = Pattern.compile("CN-[A-Z]{2}");
    private static final Pattern NAME_FILTER = Pattern.compile("[A-Z_]{1,32}");
    /** The shape CommandContextResolver accepts for Idempotency-Key and X-Correlation-Id. */
    private static final Pattern TOKEN = Pattern.compile("[\\x21-\\x7E]{1,200}");
    /** The shape CommandContextResolver accepts for If-Match. */
    private static final Pattern VERSION_TAG = Pattern.compile("(?:W/)?\"?(\\d{1,18})\"?");
    private static final Pattern HEX_64 = Pattern.compile("[0-9a-f]{64}");
    static final List<String> KINDS = Arrays.stream(OrganizationKind.values()).map(Enum::name).toList();
    static final List<String> ROLES = Arrays.stream(MemberRole.values()).map(Enum::name).toList();
    static final Set<String> PROVINCES = Arrays.stream(Province.values()).map(Province::code)
            .collect(Collectors.toUnmodifiableSet());

    private Shapes() {
    }

    /** The shape of community, plaque and agreement ids: they share one rule. */
    static boolean opaqueId(String value) {
        return accepted(() -> CommunityId.of(value));
    }

    static boolean organizationId(String value) {
        return accepted(() -> OrganizationId.of(value));
    }

    static char usccCheck(String first17) {
        return UnifiedSocialCreditCode.checkCharacter(first17);
    }

    static boolean sha256(String value) {
        return accepted(() -> Sha256.of(value));
    }

    /** A Merkle root in the digest check is read as lower-case hexadecimal only. */
    static boolean merkleRoot(String value) {
        return HEX_64.matcher(value).matches();
    }

    static boolean province(String value) {
        return accepted(() -> Province.ofCode(value));
    }

    /** Whether the value type takes the value: its constructor refuses what it does not. */
    private static boolean accepted(Supplier<?> valueType) {
        try {
            valueType.get();
            return true;
        } catch (RuntimeException refused) {
            return false;
        }
    }

    /** Jackson reads an enum from its name with blanks trimmed, and from a string of digits as an index. */
    static boolean jacksonEnum(String value, List<String> names) {
        String trimmed = value.trim();
        return names.contains(trimmed) || !trimmed.isEmpty() && trimmed.chars().allMatch(Character::isDigit);
    }

    /** Jackson reads a Boolean from true/false in a few spellings, from numbers, and "" as absent. */
    static boolean jacksonBoolean(String value) {
        String trimmed = value.trim();
        return trimmed.isEmpty() || trimmed.equalsIgnoreCase("true") || trimmed.equalsIgnoreCase("false")
                || trimmed.matches("-?[0-9]+");
    }

    /**
     * Whether Jackson reads the text as a date that {@code @PastOrPresent} lets through: it trims, and it also
     * reads a local date-time or a UTC instant as their date. Dates up to two days ahead count as present, as
     * the ledger's clock may stand in another time zone.
     */
    static boolean pastOrPresentDate(String value) {
        LocalDate date = lenientDate(value.trim());
        return date != null && !date.isAfter(LocalDate.now(ZoneOffset.UTC).plusDays(2));
    }

    private static LocalDate lenientDate(String text) {
        try {
            return LocalDate.parse(text);
        } catch (RuntimeException notADate) {
            if (text.length() <= 10 || text.charAt(10) != 'T') {
                return null;
            }
        }
        try {
            return text.endsWith("Z") ? LocalDate.ofInstant(Instant.parse(text), ZoneOffset.UTC)
                    : LocalDateTime.parse(text).toLocalDate();
        } catch (RuntimeException notADateTime) {
            return null;
        }
    }

    static boolean instant(String value) {
        try {
            Instant.parse(value.trim());
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Spring strips every blank from a number parameter and reads decimal or hexadecimal; "" is absent. */
    static boolean wholeNumberIn(String value, long min, long max) {
        StringBuilder stripped = new StringBuilder();
        value.chars().filter(c -> !Character.isWhitespace(c)).forEach(c -> stripped.append((char) c));
        if (stripped.isEmpty()) {
            return true;
        }
        Long number = parseLong(stripped.toString());
        return number != null && number >= min && number <= max;
    }

    private static Long parseLong(String text) {
        try {
            return Long.valueOf(text);
        } catch (NumberFormatException notDecimal) {
            try {
                return Long.decode(text);
            } catch (NumberFormatException notANumber) {
                return null;
            }
        }
    }

    static boolean provinceFilter(String value) {
        return PROVINCE_FILTER.matcher(value).matches();
    }

    static boolean nameFilter(String value) {
        return NAME_FILTER.matcher(value).matches();
    }

    /** Tomcat trims blanks around a header value before the application reads it. */
    static boolean headerToken(String value) {
        return TOKEN.matcher(value.strip()).matches();
    }

    static boolean ifMatch(String value) {
        String trimmed = value.strip();
        return trimmed.isEmpty() || trimmed.equals("*") || VERSION_TAG.matcher(trimmed).matches();
    }

    /** Whether a value can be a path segment without the HTTP firewall refusing the URL before the services. */
    static boolean pathSegmentSafe(String value) {
        if (value.isEmpty() || value.equals(".") || value.equals("..")) {
            return false;
        }
        // The firewall refuses these encoded or decoded; other control characters pass it.
        return value.chars().noneMatch(c -> c == '%' || c == '/' || c == '\\' || c == ';' || c == 0
                || c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029');
    }
}
