package org.communityledger.faults.hostile;

import static org.communityledger.faults.hostile.HostileRequest.Service.COMMAND;
import static org.communityledger.faults.hostile.HostileRequest.Service.QUERY;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.communityledger.faults.hostile.HostileRequest.Service;

/**
 * A seeded generator of requests that the contract refuses, spread over every endpoint of both services and
 * every kind of defect. The same seed, count and targets give the same requests, byte for byte.
 *
 * <p>Each request is made in three steps: pick an (endpoint, defect) pair, start from a well-formed request to
 * that endpoint, then let the defect break it. Where the defect alone might be tolerated (a hostile string in a
 * free-text field is legal text), the request is also "spoiled" with a second, certain defect that the services
 * check no earlier than the one under test, so nothing generated can ever be a valid command.
 */
public final class HostileRequests {

    /** Bodies stay below the services' 64 KB default limit unless the defect is the size itself. */
    static final int BODY_BUDGET = 60_000;
    /** Paths stay well below Tomcat's 8 KB request-header limit unless the defect is the length itself. */
    static final int PATH_BUDGET = 6_000;

    private HostileRequests() {
    }

    /**
     * @param seed    makes the run reproducible
     * @param count   how many requests
     * @param targets real ids of the live system, so that the defect is what gets refused
     */
    public static List<HostileRequest> generate(long seed, int count, KnownTargets targets) {
        Objects.requireNonNull(targets, "targets");
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        List<Plan> plans = Plan.all();
        double totalWeight = plans.stream().mapToDouble(Plan::weight).sum();
        SplittableRandom seeds = new SplittableRandom(seed);
        List<HostileRequest> requests = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            // One independent stream per request: a change in how one defect draws does not shift the others.
            Dice dice = new Dice(seeds.split());
            Plan plan = pick(plans, totalWeight, dice);
            Draft draft = new Draft(plan.endpoint(), plan.defect().label, targets, dice);
            plan.defect().applier.apply(draft, dice, targets);
            HostileRequest request = draft.build();
            Guard.check(request);
            requests.add(request);
        }
        return List.copyOf(requests);
    }

    private static Plan pick(List<Plan> plans, double totalWeight, Dice dice) {
        double point = dice.unit() * totalWeight;
        for (Plan plan : plans) {
            point -= plan.weight();
            if (point < 0) {
                return plan;
            }
        }
        return plans.get(plans.size() - 1);
    }

    /** One endpoint broken one way; the pairs are drawn by weight so that every pair is well represented. */
    record Plan(Endpoint endpoint, Defect defect) {

        double weight() {
            return defect.weight;
        }

        static List<Plan> all() {
            List<Plan> plans = new ArrayList<>();
            for (Endpoint endpoint : Endpoint.values()) {
                for (Defect defect : Defect.values()) {
                    if (defect.appliesTo.test(endpoint)) {
                        plans.add(new Plan(endpoint, defect));
                    }
                }
            }
            return plans;
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Randomness

    /** The only source of randomness: a SplittableRandom with the few draws the defects need. */
    static final class Dice {

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

    // ---------------------------------------------------------------------------------------------------------
    // Text: JSON and URLs

    /** JSON text built by hand, so that a body can carry what a JSON library would refuse to write. */
    static final class Json {

        private Json() {
        }

        static String str(String text) {
            StringBuilder out = new StringBuilder(text.length() + 2).append('"');
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '"' || c == '\\') {
                    out.append('\\').append(c);
                } else if (c < 0x20 || c == 0x7F) {
                    escape(out, c);
                } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1))) {
                    out.append(c).append(text.charAt(++i));
                } else if (Character.isSurrogate(c)) {
                    // A lone half of a surrogate pair has no UTF-8 form; JSON can still carry it escaped.
                    escape(out, c);
                } else {
                    out.append(c);
                }
            }
            return out.append('"').toString();
        }

        private static void escape(StringBuilder out, char c) {
            out.append("\\u");
            for (int shift = 12; shift >= 0; shift -= 4) {
                out.append(Character.forDigit((c >> shift) & 0xF, 16));
            }
        }

        static String array(List<String> rawItems) {
            return "[" + String.join(",", rawItems) + "]";
        }

        static String strings(List<String> texts) {
            return array(texts.stream().map(Json::str).toList());
        }

        static String nestedArrays(int depth) {
            return "[".repeat(depth) + "]".repeat(depth);
        }

        static String nestedObjects(int depth) {
            return "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
        }

        static String position(String organizationId, String position) {
            return "{\"organizationId\":" + str(organizationId) + ",\"position\":" + str(position) + "}";
        }
    }

    /** A JSON object as an ordered list of members, so that members can be dropped, replaced or repeated. */
    static final class JsonBody {

        private final List<String[]> members = new ArrayList<>();

        /** Replaces the first member of that name, or appends one. */
        JsonBody put(String name, String rawValue) {
            for (String[] member : members) {
                if (member[0].equals(name)) {
                    member[1] = rawValue;
                    return this;
                }
            }
            members.add(new String[] {name, rawValue});
            return this;
        }

        /** Appends a member even when one of that name exists: how duplicate keys are made. */
        void append(String name, String rawValue) {
            members.add(new String[] {name, rawValue});
        }

        void insert(int index, String name, String rawValue) {
            members.add(Math.min(index, members.size()), new String[] {name, rawValue});
        }

        void remove(String name) {
            members.removeIf(member -> member[0].equals(name));
        }

        void clear() {
            members.clear();
        }

        boolean has(String name) {
            return members.stream().anyMatch(member -> member[0].equals(name));
        }

        int size() {
            return members.size();
        }

        List<String> names() {
            return members.stream().map(member -> member[0]).toList();
        }

        String text() {
            return members.stream().map(member -> Json.str(member[0]) + ":" + member[1])
                    .collect(Collectors.joining(",", "{", "}"));
        }

        byte[] bytes() {
            return text().getBytes(StandardCharsets.UTF_8);
        }
    }

    /** Percent-encoding of path segments and query values: everything but the unreserved characters. */
    static final class Url {

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

    // ---------------------------------------------------------------------------------------------------------
    // What the services accept, mirrored so that the generator can prove a value is refused

    /**
     * The acceptance rules of the services, copied from the value types, request records and Jackson's
     * leniencies. A hostile value is only used where these rules refuse it; when in doubt they accept, so that a
     * doubtful value is never relied on as a defect.
     */
    static final class Shapes {

        static final String USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        private static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
        private static final Pattern OPAQUE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,63}");
        private static final Pattern USCC_SHAPE = Pattern.compile("[" + USCC_ALPHABET + "]{18}");
        private static final Pattern SLUG = Pattern.compile("(?=.*[a-z])[a-z0-9-]{3,64}");
        private static final Pattern HEX_64 = Pattern.compile("[0-9a-f]{64}");
        private static final Pattern PROVINCE_FILTER = Pattern.compile("CN-[A-Z]{2}");
        private static final Pattern NAME_FILTER = Pattern.compile("[A-Z_]{1,32}");
        /** The shape CommandContextResolver accepts for Idempotency-Key and X-Correlation-Id. */
        private static final Pattern TOKEN = Pattern.compile("[\\x21-\\x7E]{1,200}");
        /** The shape CommandContextResolver accepts for If-Match. */
        private static final Pattern VERSION_TAG = Pattern.compile("(?:W/)?\"?(\\d{1,18})\"?");
        static final List<String> KINDS =
                List.of("UNIVERSITY", "VOCATIONAL_COLLEGE", "ENTERPRISE", "INSTITUTION", "GOVERNMENT");
        static final List<String> ROLES = List.of("CHAIR_UNIT", "VICE_CHAIR_UNIT", "SECRETARIAT", "LEADING_ENTERPRISE");
        static final Set<String> PROVINCES = Set.of("CN-AH", "CN-BJ", "CN-CQ", "CN-FJ", "CN-GD", "CN-GS", "CN-GX",
                "CN-GZ", "CN-HA", "CN-HB", "CN-HE", "CN-HI", "CN-HK", "CN-HL", "CN-HN", "CN-JL", "CN-JS", "CN-JX",
                "CN-LN", "CN-MO", "CN-NM", "CN-NX", "CN-QH", "CN-SC", "CN-SD", "CN-SH", "CN-SN", "CN-SX", "CN-TJ",
                "CN-TW", "CN-XJ", "CN-XZ", "CN-YN", "CN-ZJ");

        private Shapes() {
        }

        static boolean opaqueId(String value) {
            return OPAQUE_ID.matcher(value).matches();
        }

        static boolean organizationId(String value) {
            if (USCC_SHAPE.matcher(value).matches()) {
                return value.charAt(17) == usccCheck(value.substring(0, 17));
            }
            return SLUG.matcher(value).matches();
        }

        static char usccCheck(String first17) {
            int sum = 0;
            for (int i = 0; i < 17; i++) {
                sum += USCC_ALPHABET.indexOf(first17.charAt(i)) * USCC_WEIGHTS[i];
            }
            return USCC_ALPHABET.charAt((31 - sum % 31) % 31);
        }

        static boolean sha256(String value) {
            return HEX_64.matcher(value.toLowerCase(Locale.ROOT)).matches();
        }

        static boolean merkleRoot(String value) {
            return HEX_64.matcher(value).matches();
        }

        static boolean province(String value) {
            return PROVINCES.contains(value);
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

    // ---------------------------------------------------------------------------------------------------------
    // Catalogues of values

    /** Realistic valid values, and the hostile and malformed values that replace them. */
    static final class Values {

        static final List<String> TEXTS = List.of("南充影视产业职业学院", "Southern Film Group", "华中科技大学出版社",
                "School of Digital Media Industry", "智能视听产教融合共同体", "Intelligent Manufacturing Community");
        static final String PAST_DATE = "2025-10-19";
        static final String FAR_FUTURE_DATE = "2999-12-31";
        /** A member name the request records never define: the spoiler every body can take. */
        static final String SPOILER_FIELD = "unexpectedField";

        static final List<String> SQL_INJECTION = List.of("' OR '1'='1", "' OR 1=1 --", "1; DROP TABLE member; --",
                "\" OR \"\"=\"", "admin'--", "' UNION SELECT usename, passwd FROM pg_shadow --",
                "'; SELECT pg_sleep(5); --", "$$; DROP SCHEMA ledger CASCADE; $$", "%' AND 1=1 AND '%'='",
                "1)) OR ((1=1", "'||(SELECT version())||'", "\\'; TRUNCATE domain_event_entry; --",
                "1 AND (SELECT count(*) FROM projection.member) > 0", "'; COPY (SELECT 1) TO PROGRAM 'id'; --");
        static final List<String> SCRIPT_INJECTION = List.of("<script>alert(1)</script>",
                "\"><img src=x onerror=alert(1)>", "javascript:alert(document.cookie)", "<svg/onload=alert(1)>",
                "</script><script>alert(1)</script>", "<iframe src=\"javascript:alert(1)\">", "'-alert(1)-'",
                "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>", "<!--<script>-->",
                "]]><x>", "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
                "data: injected\n\nevent: fake");
        static final List<String> CODE_INJECTION = List.of("${jndi:ldap://127.0.0.1:1/a}", "#{7*7}", "${7*7}",
                "{{7*7}}", "*{T(java.lang.Runtime).getRuntime().exec('id')}", "%{(#_='multipart/form-data')}",
                "../../../../etc/passwd", "..\\..\\..\\windows\\win.ini", "file:///etc/passwd", "$(reboot)", "`id`",
                "| cat /etc/passwd", "{\"$gt\": \"\"}",
                "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>",
                "\r\nX-Injected: 1", "=cmd|' /C calc'!A0", "@type:java.lang.Runtime");
        static final List<String> CONTROL_CHARS = List.of("\u0000", "a\u0000b", "\u0001\u0002\u0003", "\u0007",
                "\b", "\u001b[31mred\u001b[0m", "line\nbreak", "\r\n", "\t", "\u007f", "\u0085",
                "\u0000".repeat(16), "x\u000bx\u000cx", "CN-SC\u0000", "CHAIR_UNIT\n");
        static final List<String> UNICODE_EDGE = List.of("\ud800", "\udc00", "x\ud83dx", "\udbff\udfff",
                "\u202eevil\u202c", "\u200b", "\ufeff", "\uffff", "\ufffe", "e\u0301\u0301\u0301", "\ud835\udd6c",
                "\ud83d\ude00", "\uff23\uff2e\uff0d\uff33\uff23", "\u0421N-SC", "\u0131", "\ufb01", "\u00a0", "\u3000",
                "Z\u0351\u036b\u0343\u036a\u0302\u036b\u033d\u034f\u0334\u0319\u0324\u031e\u0349\u035a\u032f",
                "\u2028", "\u2029", "\u061c", "\u0000\ud800", "CN-SC\u200b", "\u202bCHAIR_UNIT");

        static final List<String> INVALID_OPAQUE_IDS = onlyRefused(v -> !Shapes.opaqueId(v), List.of(
                "-starts-with-dash", "has space", "under_score", "dot.ted", "社区", "a+b", "a:b", "a@b", "(a)",
                "a*", "'", "\"", "<id>", "x".repeat(65), "ünïcödé", "a!b", "a$b", "a,b", "a=b", "{communityId}",
                "a.b.c", "00000000-0000-0000-0000-00000000000g!", "1 OR 1=1", "é"));
        static final List<String> INVALID_ORGANIZATION_IDS = onlyRefused(v -> !Shapes.organizationId(v), List.of(
                "ab", "a", "", "x".repeat(65), "Upper-Case", "UPPER", "under_score", "with space", "123456",
                "1234567890", "---", "org.name", "org+name", "\u0430bc", "ＯＲＧ", "91510100MA6C",
                "91510100MA6CXXXXXX1", "91510100MA6CIOSVZ1", "-", "org%20name", "' OR '1'='1", "<script>",
                "9151 0100 MA6C XXXX 1X", "org\u200bname", "ORG-NAME", "organisation!"));
        static final List<String> INVALID_ROLES = List.of("chair_unit", "Chair_Unit", "CHAIR", "CHAIR-UNIT",
                "CHAIR UNIT", "PRESIDENT", "ADMIN", "ROLE_ADMIN", "CHAIR_UNIT,SECRETARIAT", "ＣＨＡＩＲ＿ＵＮＩＴ",
                "\u0421HAIR_UNIT", "CHAIR_UNIT\u0000", "CHAIR_UNIT\u200b", "", "-1", "4.0", "NULL", "SECRETARIAT;");
        static final List<String> INVALID_KINDS = List.of("university", "University", "UNIVERSITIES", "COLLEGE",
                "COMPANY", "ENTERPRISE_", "VOCATIONAL COLLEGE", "VOCATIONAL-COLLEGE", "GOVT", "", "-1",
                "ＥＮＴＥＲＰＲＩＳＥ", "\u0395NTERPRISE", "ENTERPRISE\u0000", "ENTER\u200bPRISE", "5.5");
        static final List<String> INVALID_PROVINCES = List.of("cn-sc", "CN-sc", "CN-XX", "CN-SCX", "CN-S", "CN-",
                "CN_SC", "Sichuan", "四川", "SC", "CN-SC ", " CN-SC", "ＣＮ－ＳＣ", "CN-SC\u200b", "CN\u2013SC", "US-CA",
                "", "CN-11", "CN-ZZ");
        static final List<String> INVALID_DATES = onlyRefused(v -> !Shapes.pastOrPresentDate(v), List.of(
                "2025-02-30", "2025-02-29", "10/19/2025", "19/10/2025", "2025-13-01", "2025-10-32", "2025-00-10",
                "2025-10-00", "19.10.2025", "2025/10/19", "20251019", "2025-1-9", "2025-10-1", "yesterday", "today",
                "Oct 19, 2025", "2025-W42-7", "2025-292", "0000-00-00", "2025-10-19T25:00:00Z", "2025-10-19Tgarbage",
                "２０２５-１０-１９", "2025-10-19'", "NaN", "2025\u201010\u201019", "2025-10-19 08:00", "+2025-10-19",
                "' OR 1=1 --", "2025-10-19\u0000"));
        /** Dates that are not strings, or arrays Jackson would read as a date if they were valid ones. */
        static final List<String> INVALID_DATE_TOKENS = List.of("{}", "true", "1.5", "[2025,2,30]", "[2025,13,1]",
                "[2025]", "[\"2025\",\"10\",\"19\"]", "99999999999999", "{\"year\":2025,\"month\":10,\"day\":19}");
        static final List<String> FUTURE_DATES = List.of("2999-12-31", "9999-12-31", "+12025-10-19",
                "+999999999-12-31", "3000-01-01", "2100-01-01");
        /** Future dates Jackson reads from numbers and arrays: epoch day one million is in the year 4707. */
        static final List<String> FUTURE_DATE_TOKENS = List.of("1000000", "[2999,1,1]", "[9999,12,31]");
        /** Dates before any community: refused by the rule "not before the community was established". */
        static final List<String> ANCIENT_DATES = List.of("1900-01-01", "0001-01-01", "1970-01-01", "2000-02-29",
                "1949-10-01", "-0001-01-01");
        static final List<String> INVALID_INSTANTS = onlyRefused(v -> !Shapes.instant(v), List.of("garbage",
                "2025-10-19", "2025-10-19T08:00:00", "2025-02-30T00:00:00Z", "1571472000", "now",
                "2025-10-19T08:00:00ZZ", "+1000000001-01-01T00:00:00Z", "2025-10-19 08:00:00Z",
                "2025-10-19T08:00:00.0000000000Z", "P1D", "-1", "", "19/10/2025 08:00", "2025-10-19T08:00:00 UTC",
                "2025-13-19T08:00:00Z", "' OR '1'='1", "<script>alert(1)</script>"));
        /** Instants before any event was recorded: a community "did not exist yet" then (404). */
        static final List<String> ANCIENT_INSTANTS = List.of("1970-01-01T00:00:00Z", "0001-01-01T00:00:00Z",
                "-1000000000-01-01T00:00:00Z", "2000-01-01T00:00:00Z", "1900-01-01T00:00:00.000000001Z");
        static final List<String> UNKNOWN_FIELD_NAMES = List.of("nmae", "__proto__", "constructor", "prototype",
                "@type", "@class", "$where", "$ne", "isAdmin", "admin", "principal", "communityId", "version",
                "position", "hash", "prevHash", "eventId", "Name", " name", "name ", "", "\u0000", "organisationId",
                "x".repeat(300), "名称", "transfer_", "reason\u200b", "ROLE");
        static final List<String> WRONG_TYPE_FOR_TEXT = List.of("{}", "[]", "[\"a\",\"b\"]", "{\"$ne\":null}",
                "{\"value\":\"x\"}", "[[]]", "[null]");
        static final List<String> WRONG_TYPE_FOR_ENUM = List.of("{}", "[]", "99", "-1", "1.5",
                "{\"name\":\"CHAIR_UNIT\"}", "[\"CHAIR_UNIT\"]", "true");
        static final List<String> WRONG_TYPE_FOR_FLAG = List.of("\"yes\"", "{}", "[]", "\"maybe\"", "\"on\"", "[true]",
                "1.5");
        static final List<String> WRONG_TYPE_FOR_LIST = List.of("\"x\"", "{}", "5", "true", "[{}]", "[[\"a\"]]",
                "[{\"organizationId\":\"x\"}]");
        static final List<String> WRONG_TYPE_FOR_POSITIONS = List.of("\"x\"", "{}", "[\"x\"]", "[5]", "[[]]", "[true]",
                "true");
        static final List<String> WRONG_TYPE_FOR_COUNT = List.of("\"abc\"", "{}", "[]", "true", "\"\"");
        static final List<String> WRONG_TYPE_FOR_INSTANT = List.of("\"garbage\"", "{}", "true", "12345", "1.5");

        static final List<String> INVALID_IF_MATCH = onlyRefused(v -> !Shapes.ifMatch(v), List.of("garbage",
                "\"abc\"", "\"-1\"", "\"1\", \"2\"", "W/\"x\"", "1.0", "\"1234567890123456789\"", "\"' OR 1=1 --\"",
                "<script>", "\"\u00e9\"", "\"1\"\t\"2\"", "W/", "\"\"", "0x10", "1e3", "\"1\";drop", "*, \"1\"",
                "\"1\" garbage", "-1", "\"99999999999999999999\""));
        static final List<String> WRONG_CONTENT_TYPES = List.of("text/plain", "application/xml", "text/xml",
                "application/x-www-form-urlencoded", "multipart/form-data", "application/octet-stream", "text/json",
                "application/json-patch+json", "application/merge-patch+json", "application/x-ndjson", "text/html",
                "application/json; charset=bogus-charset", "application/json; charset=UTF-16", "garbage",
                "application/", "*/*", "application/jsonp", "image/png", "text/plain; charset=utf-8",
                "application/vnd.api+json");
        static final List<String> WRONG_ACCEPTS_FOR_JSON = List.of("application/xml", "text/html", "image/png",
                "text/csv", "text/event-stream", "application/x-ndjson", "garbage", "application/pdf",
                "text/plain");
        static final List<String> WRONG_ACCEPTS_FOR_STREAMS = List.of("application/json", "text/html",
                "application/xml", "image/png", "garbage");
        static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");
        /** Methods the HTTP firewall does not know; HEAD, OPTIONS and TRACE are left out on purpose. */
        static final List<String> EXOTIC_METHODS = List.of("PROPFIND", "FOO", "MKCOL", "LOCK", "MOVE", "SEARCH",
                "BREW");

        private Values() {
        }

        /** Keeps only the values the services' rules refuse, so that a catalogue typo cannot make a valid request. */
        static List<String> onlyRefused(Predicate<String> refused, List<String> candidates) {
            return candidates.stream().filter(refused).toList();
        }

        static String text(Dice dice) {
            return dice.pick(TEXTS);
        }

        static List<String> invalidDigests(Dice dice) {
            return List.of(dice.hex(63), dice.hex(65), "g".repeat(64), dice.hex(32) + " " + dice.hex(31),
                    "0x" + dice.hex(62), "sha256:" + dice.hex(57), "", "z".repeat(64), dice.hex(64) + "\n",
                    "\u0000".repeat(64), "'" + dice.hex(63), dice.hex(64).toUpperCase(Locale.ROOT),
                    dice.hex(63) + "\u0660");
        }

        static List<String> invalidUsccs(Dice dice) {
            String valid = dice.validUscc();
            char wrongCheck = valid.charAt(17);
            while (wrongCheck == valid.charAt(17)) {
                wrongCheck = Shapes.USCC_ALPHABET.charAt(dice.below(Shapes.USCC_ALPHABET.length()));
            }
            return List.of(valid.substring(0, 17) + wrongCheck, valid.substring(0, 17),
                    valid + Shapes.USCC_ALPHABET.charAt(dice.below(10)), valid.substring(0, 16) + "IO",
                    valid.substring(0, 17) + "Z", valid.substring(0, 17) + "S", "0".repeat(17) + "1",
                    valid.substring(0, 9) + " " + valid.substring(9));
        }

        /**
         * Header values the services must refuse. ASCII only: the JDK's HTTP client does not send other
         * characters in a header as given (the service then sees a header that is absent or different).
         */
        static List<String> invalidTokens(Dice dice) {
            return List.of("", "has space", "tab\there", "semi; colon", "a , b",
                    dice.visibleAscii(dice.between(201, 4000)), "x".repeat(201), "' OR 1=1 --", "<b> </b>");
        }

        static List<String> badAuthorizations(Dice dice) {
            Base64.Encoder base64 = Base64.getEncoder();
            return List.of(
                    "Basic " + base64.encodeToString(("admin:wrong-" + dice.hex(12)).getBytes(StandardCharsets.UTF_8)),
                    "Basic " + base64.encodeToString(("nobody-" + dice.hex(6) + ":x").getBytes(StandardCharsets.UTF_8)),
                    "Basic !!!not-base64!!!", "Basic ", "Basic", "Bearer abc.def.ghi",
                    "Bearer " + dice.visibleAscii(2000).replace(' ', 'x'), "Digest username=\"admin\"",
                    "Basic " + base64.encodeToString("admin".getBytes(StandardCharsets.UTF_8)),
                    "Basic " + base64.encodeToString("' OR '1'='1:' OR '1'='1".getBytes(StandardCharsets.UTF_8)),
                    "Basic " + base64.encodeToString(("admin:" + "x".repeat(2000)).getBytes(StandardCharsets.UTF_8)),
                    "basic " + base64.encodeToString(("admin:admin-" + dice.hex(8)).getBytes(StandardCharsets.UTF_8)),
                    "Negotiate YII=", "Basic " + base64.encodeToString(":".getBytes(StandardCharsets.UTF_8)),
                    "Basic " + base64.encodeToString("admin:\u0000".getBytes(StandardCharsets.UTF_8)));
        }

        /** A long string of a repeated unit whose JSON form takes at most {@code bytes} bytes. */
        static String hugeText(Dice dice, int bytes) {
            String unit = dice.pickOf("A", "界", "\ud83d\ude00", "<script>", "'", "\\", "\u0000", "a ", "\u202e");
            int unitBytes = Json.str(unit).getBytes(StandardCharsets.UTF_8).length - 2;
            return unit.repeat(Math.max(1, bytes / unitBytes));
        }

        /** A long string for a URL, at most about {@code encodedBytes} once percent-encoded. */
        static String hugeUrlText(Dice dice, int encodedBytes) {
            String unit = dice.pickOf("A", "x", "<>", "界", "'");
            return unit.repeat(Math.max(1, encodedBytes / Url.encode(unit).length()));
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // The endpoints

    enum FieldType {
        TEXT, UNCHECKED_TEXT, ORG_ID, DATE, KIND, ROLE, PROVINCE, SHA256, FLAG, ORG_IDS, TEXTS, POSITIONS,
        MERKLE_ROOT, COUNT, INSTANT
    }

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

    /** What a query parameter accepts, as the controllers declare it. */
    enum ParamType {
        PAGE, PAGE_SIZE, LIMIT, POSITION, VERSION, INSTANT, PROVINCE_FILTER, NAME_FILTER, SEARCH, OPAQUE_ID;

        boolean accepts(String value) {
            return switch (this) {
                case PAGE -> Shapes.wholeNumberIn(value, 0, Integer.MAX_VALUE);
                case PAGE_SIZE -> Shapes.wholeNumberIn(value, 1, 200);
                case LIMIT -> Shapes.wholeNumberIn(value, 1, 1000);
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
            return this == PAGE || this == PAGE_SIZE || this == LIMIT || this == POSITION || this == VERSION;
        }
    }

    record Param(String name, ParamType type) {
    }

    /** Every endpoint of both services, with what its body and query accept. */
    enum Endpoint {
        ESTABLISH(COMMAND, "POST", "/api/communities", List.of(Field.text("name", 200), Field.text("sector", 200),
                Field.text("region", 200), Field.of("hostOrganizationId", FieldType.ORG_ID), Field.text("venue", 200),
                Field.of("establishedOn", FieldType.DATE)), List.of()),
        APPROVE_CONSTITUTION(COMMAND, "POST", "/api/communities/{communityId}/constitution",
                List.of(Field.text("version", 50), Field.of("documentSha256", FieldType.SHA256),
                        Field.of("approvedOn", FieldType.DATE)), List.of()),
        APPROVE_ORGANIZATIONAL_LIST(COMMAND, "POST", "/api/communities/{communityId}/organizational-list",
                List.of(Field.of("positions", FieldType.POSITIONS), Field.of("approvedOn", FieldType.DATE)), List.of()),
        JOIN(COMMAND, "POST", "/api/communities/{communityId}/members", List.of(
                Field.of("organizationId", FieldType.ORG_ID), Field.text("name", 200), Field.of("kind", FieldType.KIND),
                Field.of("province", FieldType.PROVINCE), Field.of("joinedOn", FieldType.DATE)), List.of()),
        LEAVE(COMMAND, "POST", "/api/communities/{communityId}/members/{organizationId}/leave",
                List.of(Field.text("reason", 500), Field.of("leftOn", FieldType.DATE)), List.of()),
        ASSIGN_ROLE(COMMAND, "POST", "/api/communities/{communityId}/members/{organizationId}/roles",
                List.of(Field.of("role", FieldType.ROLE), Field.optional("transfer", FieldType.FLAG)), List.of()),
        REVOKE_ROLE(COMMAND, "DELETE", "/api/communities/{communityId}/members/{organizationId}/roles/{role}",
                List.of(), List.of()),
        AWARD_PLAQUE(COMMAND, "POST", "/api/communities/{communityId}/plaques", List.of(Field.text("title", 200),
                Field.of("recipientOrganizationId", FieldType.ORG_ID), Field.text("presentedBy", 200),
                Field.of("awardedOn", FieldType.DATE)), List.of()),
        REVOKE_PLAQUE(COMMAND, "POST", "/api/communities/{communityId}/plaques/{plaqueId}/revoke",
                List.of(Field.text("reason", 500)), List.of()),
        SIGN_AGREEMENT(COMMAND, "POST", "/api/communities/{communityId}/agreements", List.of(Field.text("title", 200),
                Field.of("partyOrganizationIds", FieldType.ORG_IDS), Field.of("scope", FieldType.TEXTS),
                Field.of("signedOn", FieldType.DATE)), List.of()),
        TERMINATE_AGREEMENT(COMMAND, "POST", "/api/communities/{communityId}/agreements/{agreementId}/terminate",
                List.of(Field.text("reason", 500), Field.of("terminatedOn", FieldType.DATE)), List.of()),
        DISSOLVE(COMMAND, "POST", "/api/communities/{communityId}/dissolve",
                List.of(Field.text("reason", 500), Field.of("dissolvedOn", FieldType.DATE)), List.of()),
        AUDIT_COMMUNITY_EVENTS(COMMAND, "GET", "/api/audit/communities/{communityId}/events", List.of(),
                List.of(new Param("afterVersion", ParamType.POSITION), new Param("limit", ParamType.LIMIT))),
        AUDIT_FEED(COMMAND, "GET", "/api/audit/events", List.of(),
                List.of(new Param("after", ParamType.POSITION), new Param("limit", ParamType.LIMIT))),
        AUDIT_STATE(COMMAND, "GET", "/api/audit/communities/{communityId}/state", List.of(),
                List.of(new Param("version", ParamType.VERSION), new Param("asOf", ParamType.INSTANT))),
        AUDIT_VERIFY(COMMAND, "GET", "/api/audit/communities/{communityId}/verify", List.of(), List.of()),
        AUDIT_DIGEST(COMMAND, "GET", "/api/audit/digest", List.of(), List.of()),
        AUDIT_VERIFY_DIGEST(COMMAND, "POST", "/api/audit/digest/verify", List.of(
                Field.optional("algorithm", FieldType.UNCHECKED_TEXT), Field.optional("position", FieldType.COUNT),
                Field.optional("communities", FieldType.COUNT), Field.optional("events", FieldType.COUNT),
                Field.of("merkleRoot", FieldType.MERKLE_ROOT), Field.optional("createdAt", FieldType.INSTANT)),
                List.of()),
        AUDIT_EXPORT(COMMAND, "GET", "/api/audit/export", List.of(), List.of(new Param("communityId",
                ParamType.OPAQUE_ID), new Param("after", ParamType.POSITION), new Param("upTo", ParamType.POSITION))),
        COMMUNITIES(QUERY, "GET", "/api/communities", List.of(), List.of(new Param("page", ParamType.PAGE),
                new Param("size", ParamType.PAGE_SIZE), new Param("minPosition", ParamType.POSITION))),
        COMMUNITY(QUERY, "GET", "/api/communities/{communityId}", List.of(),
                List.of(new Param("minPosition", ParamType.POSITION))),
        MEMBERS(QUERY, "GET", "/api/communities/{communityId}/members", List.of(), List.of(
                new Param("province", ParamType.PROVINCE_FILTER), new Param("kind", ParamType.NAME_FILTER),
                new Param("role", ParamType.NAME_FILTER), new Param("q", ParamType.SEARCH),
                new Param("page", ParamType.PAGE), new Param("size", ParamType.PAGE_SIZE),
                new Param("minPosition", ParamType.POSITION))),
        ORGANIZATION(QUERY, "GET", "/api/organizations/{organizationId}", List.of(),
                List.of(new Param("minPosition", ParamType.POSITION))),
        STATS(QUERY, "GET", "/api/stats", List.of(), List.of(new Param("minPosition", ParamType.POSITION))),
        STREAM(QUERY, "GET", "/api/stream", List.of(), List.of()),
        DASHBOARD(QUERY, "GET", "/", List.of(), List.of()),
        /** Only ever sent with another method: a well-formed POST would start a rebuild. */
        REBUILD(QUERY, "POST", "/api/admin/projections/rebuild", List.of(), List.of()),
        REBUILD_STATUS(QUERY, "GET", "/api/admin/projections/status", List.of(), List.of());

        final Service service;
        final String method;
        final String template;
        final List<Field> fields;
        final List<Param> params;

        Endpoint(Service service, String method, String template, List<Field> fields, List<Param> params) {
            this.service = service;
            this.method = method;
            this.template = template;
            this.fields = fields;
            this.params = params;
        }

        String label() {
            return method + " " + template;
        }

        boolean hasBody() {
            return !fields.isEmpty();
        }

        boolean hasParams() {
            return !params.isEmpty();
        }

        boolean hasPathValue(String key) {
            return template.contains("{" + key + "}");
        }

        boolean hasField(FieldType type) {
            return fields.stream().anyMatch(field -> field.type() == type);
        }

        boolean hasNumericParam() {
            return params.stream().anyMatch(param -> param.type().numeric());
        }

        /** A command: appends events when it succeeds. */
        boolean command() {
            return service == COMMAND && template.startsWith("/api/communities");
        }

        /** A command whose success would undo something the rest of the suite relies on. */
        boolean destructive() {
            return this == LEAVE || this == REVOKE_ROLE || this == REVOKE_PLAQUE || this == TERMINATE_AGREEMENT
                    || this == DISSOLVE;
        }

        boolean hasSlots() {
            return hasBody() || hasParams() || template.contains("{");
        }

        boolean hasIdSlot() {
            return template.contains("{communityId}") || template.contains("{organizationId}")
                    || template.contains("{plaqueId}") || template.contains("{agreementId}")
                    || hasField(FieldType.ORG_ID) || hasField(FieldType.ORG_IDS) || hasField(FieldType.POSITIONS)
                    || this == AUDIT_EXPORT;
        }

        boolean hasOrganizationSlot() {
            return template.contains("{organizationId}") || hasField(FieldType.ORG_ID) || hasField(FieldType.ORG_IDS)
                    || hasField(FieldType.POSITIONS);
        }

        boolean hasEnumSlot() {
            return hasField(FieldType.KIND) || hasField(FieldType.ROLE) || hasField(FieldType.PROVINCE)
                    || template.contains("{role}") || this == MEMBERS;
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // A request under construction

    /** A request being broken: starts well-formed, aimed at the known targets. */
    static final class Draft {

        final Endpoint endpoint;
        final String defect;
        String method;
        final Map<String, String> pathValues = new LinkedHashMap<>();
        /** Already percent-encoded; appended to the rendered template. */
        String pathSuffix = "";
        /** Already percent-encoded; replaces the rendered template when set. */
        String rawPath;
        final List<String[]> query = new ArrayList<>();
        String contentType;
        final Map<String, String> headers = new LinkedHashMap<>();
        JsonBody body;
        /** Replaces the body when set: for bytes that are not a JSON object. */
        byte[] rawBody;
        boolean chunked;

        Draft(Endpoint endpoint, String defect, KnownTargets targets, Dice dice) {
            this.endpoint = endpoint;
            this.defect = defect;
            // The rebuild endpoint is never sent as POST; every request to it starts from a wrong method.
            this.method = endpoint == Endpoint.REBUILD ? "GET" : endpoint.method;
            putPathValue("communityId", targets.communityId());
            putPathValue("organizationId", targets.memberOrganizationId());
            putPathValue("role", "SECRETARIAT");
            putPathValue("plaqueId", targets.plaqueId());
            putPathValue("agreementId", targets.agreementId());
            if (endpoint == Endpoint.AUDIT_STATE) {
                query.add(new String[] {"version", "1"});
            }
            if (endpoint.hasBody()) {
                body = ValidBodies.of(endpoint, targets, dice);
                contentType = "application/json";
            }
        }

        private void putPathValue(String key, String value) {
            if (endpoint.hasPathValue(key)) {
                pathValues.put(key, value);
            }
        }

        /** The template with the current values, encoded, without suffix or query. */
        String renderedTemplate() {
            String path = endpoint.template;
            for (Map.Entry<String, String> value : pathValues.entrySet()) {
                path = path.replace("{" + value.getKey() + "}", Url.encode(value.getValue()));
            }
            return path;
        }

        void dropBody() {
            body = null;
            rawBody = null;
            contentType = null;
        }

        void setQuery(String name, String value) {
            query.removeIf(param -> param[0].equals(name));
            query.add(new String[] {name, value});
        }

        String path() {
            String rendered = renderedTemplate();
            // The dashboard's template is "/": a suffix must not make a double slash the firewall refuses.
            String suffix = rendered.endsWith("/") && pathSuffix.startsWith("/") ? pathSuffix.substring(1) : pathSuffix;
            String path = rawPath != null ? rawPath : rendered + suffix;
            if (query.isEmpty()) {
                return path;
            }
            return path + query.stream().map(param -> Url.encode(param[0]) + "=" + Url.encode(param[1]))
                    .collect(Collectors.joining("&", "?", ""));
        }

        HostileRequest build() {
            byte[] bytes = rawBody != null ? rawBody : body != null ? body.bytes() : new byte[0];
            return new HostileRequest(endpoint.service, endpoint.label(), method, path(), contentType, headers, bytes,
                    chunked, defect);
        }
    }

    /** Well-formed bodies: the starting point that every defect then breaks. */
    static final class ValidBodies {

        private ValidBodies() {
        }

        static JsonBody of(Endpoint endpoint, KnownTargets targets, Dice dice) {
            JsonBody body = new JsonBody();
            for (Field field : endpoint.fields) {
                body.put(field.name(), valid(field, targets, dice));
            }
            return body;
        }

        private static String valid(Field field, KnownTargets targets, Dice dice) {
            String member = targets.memberOrganizationId();
            return switch (field.type()) {
                case TEXT -> Json.str(field.name().equals("version") ? "v2025-" + dice.hex(6) : Values.text(dice));
                case UNCHECKED_TEXT -> Json.str("community-ledger/v1 sha-256 merkle over head hashes sorted by community id");
                case ORG_ID -> Json.str(field.name().equals("organizationId") ? "hostile-input-check-org" : member);
                case DATE -> Json.str(Values.PAST_DATE);
                case KIND -> Json.str("VOCATIONAL_COLLEGE");
                case ROLE -> Json.str("VICE_CHAIR_UNIT");
                case PROVINCE -> Json.str("CN-SC");
                case SHA256, MERKLE_ROOT -> Json.str("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
                case FLAG -> "false";
                case ORG_IDS -> Json.strings(List.of(member, "hostile-input-check-org"));
                case TEXTS -> Json.strings(List.of("Film and television talent training"));
                case POSITIONS -> Json.array(List.of(Json.position(member, "Chair unit")));
                case COUNT -> "12";
                case INSTANT -> Json.str("2025-10-19T08:00:00Z");
            };
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Where a value goes, and whether the services must refuse it there

    /** A place for one text value: a body member (or an element of a list member), a path segment, a parameter. */
    record Slot(Where where, String name, FieldType fieldType, int maxLength, ParamType paramType,
                boolean required) {

        enum Where {
            BODY, PATH, QUERY
        }

        static Slot body(Field field) {
            return new Slot(Where.BODY, field.name(), field.type(), field.maxLength(), null, field.required());
        }

        static Slot path(String key) {
            return new Slot(Where.PATH, key, null, 0, null, true);
        }

        static Slot param(Param param) {
            return new Slot(Where.QUERY, param.name(), null, 0, param.type(), false);
        }

        static List<Slot> of(Endpoint endpoint) {
            List<Slot> slots = new ArrayList<>();
            endpoint.fields.forEach(field -> slots.add(body(field)));
            for (String key : List.of("communityId", "organizationId", "role", "plaqueId", "agreementId")) {
                if (endpoint.hasPathValue(key)) {
                    slots.add(path(key));
                }
            }
            endpoint.params.forEach(param -> slots.add(param(param)));
            return slots;
        }

        boolean inBody() {
            return where == Where.BODY;
        }

        /** Free text takes any Unicode: a hostile string there is legal unless it is too long. */
        boolean freeText() {
            return inBody() && (fieldType == FieldType.TEXT || fieldType == FieldType.UNCHECKED_TEXT
                    || fieldType == FieldType.TEXTS);
        }

        boolean organization() {
            return inBody() ? fieldType == FieldType.ORG_ID || fieldType == FieldType.ORG_IDS
                    || fieldType == FieldType.POSITIONS : name.equals("organizationId");
        }

        boolean id() {
            return organization() || !inBody() && (name.equals("communityId") || name.equals("plaqueId")
                    || name.equals("agreementId"));
        }

        /** Whether the value can be put here at all: a URL must stay short and pass the HTTP firewall. */
        boolean takes(String value) {
            if (inBody()) {
                return true;
            }
            String received = Url.asReceived(value);
            if (Url.encode(received).length() > 4_000) {
                return false;
            }
            return where != Where.PATH || Shapes.pathSegmentSafe(received);
        }

        /** Whether the services must refuse the value here, by the rules mirrored in {@link Shapes}. */
        boolean refuses(String value) {
            if (inBody()) {
                return switch (fieldType) {
                    case TEXT -> value.length() > maxLength;
                    case UNCHECKED_TEXT -> false;
                    case ORG_ID, ORG_IDS, POSITIONS -> !Shapes.organizationId(value);
                    case DATE -> !Shapes.pastOrPresentDate(value);
                    case KIND -> !Shapes.jacksonEnum(value, Shapes.KINDS);
                    case ROLE -> !Shapes.jacksonEnum(value, Shapes.ROLES);
                    case PROVINCE -> !Shapes.province(value);
                    case SHA256 -> !Shapes.sha256(value);
                    case MERKLE_ROOT -> !Shapes.merkleRoot(value);
                    case FLAG -> !Shapes.jacksonBoolean(value);
                    case TEXTS -> value.length() > 200;
                    case COUNT -> !Shapes.wholeNumberIn(value, Long.MIN_VALUE, Long.MAX_VALUE);
                    case INSTANT -> !value.isBlank() && !Shapes.instant(value);
                };
            }
            String received = Url.asReceived(value);
            if (where == Where.QUERY) {
                return !paramType.accepts(received);
            }
            return switch (name) {
                case "organizationId" -> !Shapes.organizationId(received);
                case "role" -> !Shapes.ROLES.contains(received);
                default -> !Shapes.opaqueId(received);
            };
        }

        void place(Draft draft, String value, KnownTargets targets) {
            switch (where) {
                case PATH -> draft.pathValues.put(name, value);
                case QUERY -> {
                    if (draft.endpoint == Endpoint.AUDIT_STATE) {
                        draft.query.clear();
                    }
                    draft.setQuery(name, value);
                }
                default -> draft.body.put(name, switch (fieldType) {
                    case ORG_IDS -> Json.strings(List.of(targets.memberOrganizationId(), value));
                    case TEXTS -> Json.strings(List.of(value));
                    case POSITIONS -> Json.array(List.of(Json.position(value, "Chair unit")));
                    default -> Json.str(value);
                });
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Making sure a request is refused

    /**
     * Adds a second defect that the services certainly refuse, chosen among those they check no earlier than
     * routing, content negotiation and authentication, so that the defect under test still meets its own check.
     */
    static void spoil(Draft draft, Dice dice, String keep) {
        if (draft.body != null) {
            List<Runnable> ways = new ArrayList<>();
            for (Field field : draft.endpoint.fields) {
                if (field.name().equals(keep)) {
                    continue;
                }
                if (field.required() && draft.body.has(field.name())) {
                    ways.add(() -> draft.body.remove(field.name()));
                }
                if (field.type() == FieldType.DATE) {
                    ways.add(() -> draft.body.put(field.name(), Json.str(Values.FAR_FUTURE_DATE)));
                }
                if (field.type() == FieldType.MERKLE_ROOT) {
                    ways.add(() -> draft.body.put(field.name(), Json.str("not-a-digest")));
                }
            }
            ways.add(() -> draft.body.put(Values.SPOILER_FIELD, Json.str("refuse me")));
            dice.pick(ways).run();
        } else if (draft.pathValues.containsKey("role") && !"role".equals(keep)) {
            draft.pathValues.put("role", "NOT_A_ROLE");
        } else if (draft.endpoint.command() && draft.pathValues.containsKey("communityId")
                && !"communityId".equals(keep)) {
            draft.pathValues.put("communityId", "not a community id");
        }
        // Anything else without a body is a read: it changes nothing whatever the answer.
    }

    /** Puts a value where the services must refuse it, spoiling the request when it lands in free text. */
    static void placeRefused(Draft draft, Dice dice, KnownTargets targets, List<Slot> slots, List<String> values) {
        for (int attempt = 0; attempt < 200; attempt++) {
            Slot slot = dice.pick(slots);
            String value = dice.pick(values);
            if (!slot.takes(value)) {
                continue;
            }
            if (slot.refuses(value)) {
                slot.place(draft, value, targets);
                if (!slot.required() && slot.inBody()) {
                    // Optional members (transfer, the digest's counts) are read leniently; do not rely on them.
                    spoil(draft, dice, slot.name());
                }
                return;
            }
            if (slot.freeText()) {
                slot.place(draft, value, targets);
                spoil(draft, dice, slot.name());
                return;
            }
        }
        throw new IllegalStateException("no refused place for " + draft.defect + " on " + draft.endpoint);
    }

    // ---------------------------------------------------------------------------------------------------------
    // The defects

    @FunctionalInterface
    interface Applier {
        void apply(Draft draft, Dice dice, KnownTargets targets);
    }

    /** Every kind of defect, where it applies, and how often relative to the others. */
    enum Defect {
        BROKEN_JSON("broken-json", 1, Endpoint::hasBody, BodyDefects::brokenJson),
        DEEP_NESTING("deep-nesting", 1, Endpoint::hasBody, BodyDefects::deepNesting),
        WRONG_TYPE("wrong-type", 1, Endpoint::hasBody, BodyDefects::wrongType),
        MISSING_FIELD("missing-field", 1, Endpoint::hasBody, BodyDefects::missingField),
        NULL_FIELD("null-field", 1, Endpoint::hasBody, BodyDefects::nullField),
        UNKNOWN_FIELD("unknown-field", 1, Endpoint::hasBody, BodyDefects::unknownField),
        DUPLICATE_KEY("duplicate-key", 1, Endpoint::hasBody, BodyDefects::duplicateKey),
        HUGE_NUMBER("huge-number", 1, e -> e.hasBody() || e.hasNumericParam(), BodyDefects::hugeNumber),
        HUGE_STRING("huge-string", 1, Endpoint::hasSlots, ValueDefects::hugeString),
        SQL_INJECTION("sql-injection", 1, Endpoint::hasSlots, ValueDefects.hostile(Values.SQL_INJECTION)),
        SCRIPT_INJECTION("script-injection", 1, Endpoint::hasSlots, ValueDefects.hostile(Values.SCRIPT_INJECTION)),
        CODE_INJECTION("code-injection", 1, Endpoint::hasSlots, ValueDefects.hostile(Values.CODE_INJECTION)),
        CONTROL_CHARS("control-chars", 1, Endpoint::hasSlots, ValueDefects.hostile(Values.CONTROL_CHARS)),
        UNICODE_EDGE("unicode-edge", 1, Endpoint::hasSlots, ValueDefects.hostile(Values.UNICODE_EDGE)),
        INVALID_ID("invalid-id", 1, Endpoint::hasIdSlot, ValueDefects::invalidId),
        INVALID_USCC("invalid-uscc", 1, Endpoint::hasOrganizationSlot, ValueDefects::invalidUscc),
        INVALID_DATE("invalid-date", 1, e -> e.hasField(FieldType.DATE) || e.hasField(FieldType.INSTANT)
                || e == Endpoint.AUDIT_STATE, ValueDefects::invalidDate),
        FUTURE_DATE("future-date", 1, e -> e.hasField(FieldType.DATE), ValueDefects::futureDate),
        ANCIENT_DATE("ancient-date", 1, e -> e.hasField(FieldType.DATE) && e != Endpoint.ESTABLISH
                || e == Endpoint.AUDIT_STATE, ValueDefects::ancientDate),
        INVALID_ENUM("invalid-enum", 1, Endpoint::hasEnumSlot, ValueDefects::invalidEnum),
        INVALID_SHA256("invalid-sha256", 1, e -> e.hasField(FieldType.SHA256) || e.hasField(FieldType.MERKLE_ROOT),
                ValueDefects::invalidDigest),
        BAD_COLLECTION_SIZE("bad-collection-size", 1, e -> e.hasField(FieldType.ORG_IDS)
                || e.hasField(FieldType.POSITIONS), ValueDefects::badCollectionSize),
        BAD_QUERY_PARAMETER("bad-query-parameter", 1, Endpoint::hasParams, ValueDefects::badQueryParameter),
        UNKNOWN_COMMUNITY("unknown-community", 1, e -> e.hasPathValue("communityId"),
                ReferenceDefects::unknownCommunity),
        UNKNOWN_REFERENCE("unknown-reference", 1, ReferenceDefects::hasReference, ReferenceDefects::unknownReference),
        RULE_VIOLATION("rule-violation", 1, e -> e == Endpoint.APPROVE_ORGANIZATIONAL_LIST
                || e == Endpoint.SIGN_AGREEMENT, ReferenceDefects::ruleViolation),
        WRONG_CONTENT_TYPE("wrong-content-type", 1, Endpoint::hasBody, TransportDefects::wrongContentType),
        WRONG_ACCEPT("wrong-accept", 1, e -> e != Endpoint.DASHBOARD, TransportDefects::wrongAccept),
        OVERSIZED_BODY("oversized-body", 0.2, e -> true, TransportDefects::oversizedBody),
        BAD_IF_MATCH("bad-if-match", 1, Endpoint::command, HeaderDefects::badIfMatch),
        BAD_IDEMPOTENCY_KEY("bad-idempotency-key", 1, Endpoint::command, HeaderDefects::badIdempotencyKey),
        BAD_CORRELATION_ID("bad-correlation-id", 1, Endpoint::command, HeaderDefects::badCorrelationId),
        BAD_CREDENTIALS("bad-credentials", 0.5, e -> true, HeaderDefects::badCredentials),
        WRONG_METHOD("wrong-method", 1, e -> true, RoutingDefects::wrongMethod),
        UNKNOWN_PATH("unknown-path", 1, e -> true, RoutingDefects::unknownPath),
        PATH_TRAVERSAL("path-traversal", 1, e -> true, RoutingDefects::pathTraversal),
        MALFORMED_PATH("malformed-path", 0.5, e -> true, RoutingDefects::malformedPath),
        EXOTIC_METHOD("exotic-method", 0.3, e -> true, RoutingDefects::exoticMethod),
        OVERSIZED_URI("oversized-uri", 0.2, e -> true, RoutingDefects::oversizedUri);

        final String label;
        final double weight;
        final Predicate<Endpoint> appliesTo;
        final Applier applier;

        Defect(String label, double weight, Predicate<Endpoint> appliesTo, Applier applier) {
            this.label = label;
            this.weight = weight;
            this.appliesTo = appliesTo;
            this.applier = applier;
        }
    }

    /** Bodies that are not JSON, or JSON of the wrong shape. */
    static final class BodyDefects {

        private BodyDefects() {
        }

        static void brokenJson(Draft draft, Dice dice, KnownTargets targets) {
            // Spoiled first: should a parser tolerate the breakage, the request is still refused.
            spoil(draft, dice, null);
            String text = draft.body.text();
            String field = anyMember(draft, dice);
            String broken = switch (dice.below(16)) {
                case 0 -> text.substring(0, dice.between(1, text.length() - 1));
                case 1 -> text + dice.pickOf(" xyz", "}", "}}", " {}", ",", "]", "\u0000", " // comment", "\n{\"a\":1}");
                case 2 -> draft.body.put(field, dice.pickOf("NaN", "Infinity", "-Infinity", "+1", "01", ".5", "1.",
                        "0x1F", "1e", "--1", "undefined", "True", "nul")).text();
                case 3 -> text.replace('"', '\'');
                case 4 -> "/* hostile */" + text;
                case 5 -> text.substring(0, text.length() - 1) + ",}";
                case 6 -> text.replaceAll("\"([A-Za-z]+)\":", "$1:");
                case 7 -> "\ufeff" + text;
                case 8 -> draft.body.put(field, "\"raw\u0001control\"").text();
                case 9 -> "{" + Json.str(field) + ":\"unterminated";
                case 10 -> draft.body.put(field, dice.pickOf("\"\\x41\"", "\"\\u12\"", "\"\\uZZZZ\"", "\"\\\"", "\"\\q\""))
                        .text();
                case 11 -> dice.pickOf("", "   \n\t ", "null", "[]", "\"text\"", "42", "true", "[" + text + "]");
                case 12 -> "{" + Json.str(field) + " \"x\"}";
                case 13 -> dice.pickOf("{", "[", "}", "{{}}", "{,}", "{\"a\"}", "{:1}");
                case 14 -> null; // invalid UTF-8, below
                default -> text.replaceFirst(",", "");
            };
            if (broken == null) {
                draft.rawBody = withInvalidUtf8(draft.body, field, dice);
            } else {
                draft.rawBody = broken.getBytes(StandardCharsets.UTF_8);
            }
        }

        /** A member of the body, or of the endpoint when spoiling emptied the body. */
        private static String anyMember(Draft draft, Dice dice) {
            List<String> names = draft.body.names();
            return names.isEmpty() ? draft.endpoint.fields.get(0).name() : dice.pick(names);
        }

        /** Bytes that no UTF-8 decoder accepts (or that only a careless one does), inside a string member. */
        private static byte[] withInvalidUtf8(JsonBody body, String field, Dice dice) {
            String marker = "MARKER-" + dice.hex(8);
            byte[] text = body.put(field, Json.str(marker)).bytes();
            byte[] invalid = dice.pickOf(new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xC0, (byte) 0xAF},
                    new byte[] {(byte) 0x80}, new byte[] {(byte) 0xE4, (byte) 0xB8}, new byte[] {(byte) 0xED,
                            (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80});
            String asText = new String(text, StandardCharsets.ISO_8859_1);
            int at = asText.indexOf(marker);
            byte[] result = new byte[text.length - marker.length() + invalid.length];
            System.arraycopy(text, 0, result, 0, at);
            System.arraycopy(invalid, 0, result, at, invalid.length);
            System.arraycopy(text, at + marker.length(), result, at + invalid.length, text.length - at - marker.length());
            return result;
        }

        static void deepNesting(Draft draft, Dice dice, KnownTargets targets) {
            spoil(draft, dice, null);
            int depth = dice.between(600, 5_000);
            String field = anyMember(draft, dice);
            String text = switch (dice.below(5)) {
                case 0 -> Json.nestedArrays(depth);
                case 1 -> draft.body.put(field, Json.nestedArrays(depth)).text();
                case 2 -> draft.body.put(field, Json.nestedObjects(depth)).text();
                case 3 -> draft.body.put(field, "[{\"a\":".repeat(depth / 2) + "1" + "}]".repeat(depth / 2)).text();
                default -> "[".repeat(depth);
            };
            draft.rawBody = text.getBytes(StandardCharsets.UTF_8);
        }

        static void wrongType(Draft draft, Dice dice, KnownTargets targets) {
            Field field = dice.pick(draft.endpoint.fields);
            List<String> wrong = switch (field.type()) {
                case TEXT, UNCHECKED_TEXT, ORG_ID, PROVINCE, SHA256, MERKLE_ROOT -> Values.WRONG_TYPE_FOR_TEXT;
                case KIND, ROLE -> Values.WRONG_TYPE_FOR_ENUM;
                case DATE -> Values.INVALID_DATE_TOKENS;
                case FLAG -> Values.WRONG_TYPE_FOR_FLAG;
                case ORG_IDS, TEXTS -> Values.WRONG_TYPE_FOR_LIST;
                case POSITIONS -> Values.WRONG_TYPE_FOR_POSITIONS;
                case COUNT -> Values.WRONG_TYPE_FOR_COUNT;
                case INSTANT -> Values.WRONG_TYPE_FOR_INSTANT;
            };
            draft.body.put(field.name(), dice.pick(wrong));
            if (!field.required()) {
                spoil(draft, dice, field.name());
            }
        }

        static void missingField(Draft draft, Dice dice, KnownTargets targets) {
            List<Field> required = draft.endpoint.fields.stream().filter(Field::required).toList();
            if (dice.chance(0.15)) {
                draft.body.clear();
                return;
            }
            draft.body.remove(dice.pick(required).name());
        }

        static void nullField(Draft draft, Dice dice, KnownTargets targets) {
            Field field = dice.pick(draft.endpoint.fields.stream().filter(Field::required).toList());
            boolean list = field.type() == FieldType.ORG_IDS || field.type() == FieldType.TEXTS
                    || field.type() == FieldType.POSITIONS;
            if (list && dice.chance(0.5)) {
                // A null element: refused by the element constraints (@NotNull, @NotBlank).
                draft.body.put(field.name(), field.type() == FieldType.ORG_IDS
                        ? "[" + Json.str(targets.memberOrganizationId()) + ",null]" : "[null]");
            } else {
                draft.body.put(field.name(), "null");
            }
        }

        static void unknownField(Draft draft, Dice dice, KnownTargets targets) {
            if (draft.endpoint == Endpoint.APPROVE_ORGANIZATIONAL_LIST && dice.chance(0.3)) {
                draft.body.put("positions", "[{\"organizationId\":" + Json.str(targets.memberOrganizationId())
                        + ",\"position\":\"Chair unit\",\"rank\":1}]");
                return;
            }
            List<String> known = draft.endpoint.fields.stream().map(Field::name).toList();
            List<String> names = Values.UNKNOWN_FIELD_NAMES.stream().filter(name -> !known.contains(name)).toList();
            String value = dice.pickOf(Json.str("x"), "1", "null", "{}", "true", "[]",
                    Json.str(dice.pick(Values.SQL_INJECTION)));
            draft.body.insert(dice.below(draft.body.size() + 1), dice.pick(names), value);
        }

        static void duplicateKey(Draft draft, Dice dice, KnownTargets targets) {
            Field field = dice.pick(draft.endpoint.fields);
            // Both values refused: whether the parser keeps the first or the last, the request is refused.
            draft.body.put(field.name(), refusedRaw(field, dice));
            draft.body.append(field.name(), refusedRaw(field, dice));
            if (!field.required()) {
                spoil(draft, dice, field.name());
            }
        }

        private static String refusedRaw(Field field, Dice dice) {
            return switch (field.type()) {
                case ORG_ID -> refusedText(field, Values.INVALID_ORGANIZATION_IDS, dice);
                case DATE -> refusedText(field, Values.INVALID_DATES, dice);
                case KIND -> refusedText(field, Values.INVALID_KINDS, dice);
                case ROLE -> refusedText(field, Values.INVALID_ROLES, dice);
                case PROVINCE -> refusedText(field, Values.INVALID_PROVINCES, dice);
                case SHA256, MERKLE_ROOT -> refusedText(field, Values.invalidDigests(dice), dice);
                case TEXT, UNCHECKED_TEXT -> dice.pick(Values.WRONG_TYPE_FOR_TEXT);
                case FLAG -> dice.pick(Values.WRONG_TYPE_FOR_FLAG);
                case ORG_IDS, TEXTS -> dice.pick(Values.WRONG_TYPE_FOR_LIST);
                case POSITIONS -> dice.pick(Values.WRONG_TYPE_FOR_POSITIONS);
                case COUNT -> dice.pick(Values.WRONG_TYPE_FOR_COUNT);
                case INSTANT -> dice.pick(Values.WRONG_TYPE_FOR_INSTANT);
            };
        }

        private static String refusedText(Field field, List<String> candidates, Dice dice) {
            Slot slot = Slot.body(field);
            return Json.str(dice.pick(candidates.stream().filter(slot::refuses).toList()));
        }

        static void hugeNumber(Draft draft, Dice dice, KnownTargets targets) {
            if (!draft.endpoint.hasBody()) {
                // In a URL: too many digits for a long or an int.
                Param param = dice.pick(draft.endpoint.params.stream().filter(p -> p.type().numeric()).toList());
                if (draft.endpoint == Endpoint.AUDIT_STATE) {
                    draft.query.clear();
                }
                draft.setQuery(param.name(), dice.pickOf("", "-") + dice.digits(dice.between(20, 400)));
                return;
            }
            // Over a thousand digits: the JSON parser refuses the token whatever member it is in.
            String digits = dice.digits(dice.between(1_001, 20_000));
            String number = dice.pickOf(digits, "-" + digits, "0." + digits, digits + "e5");
            draft.body.put(dice.pick(draft.endpoint.fields).name(), number);
        }
    }

    /** Values that are refused where they are put: ids, dates, enums, digests, hostile text. */
    static final class ValueDefects {

        private ValueDefects() {
        }

        static Applier hostile(List<String> strings) {
            return (draft, dice, targets) -> placeRefused(draft, dice, targets, Slot.of(draft.endpoint), strings);
        }

        static void hugeString(Draft draft, Dice dice, KnownTargets targets) {
            List<Slot> slots = Slot.of(draft.endpoint).stream()
                    .filter(slot -> !slot.inBody() || slot.fieldType() != FieldType.UNCHECKED_TEXT).toList();
            Slot slot = dice.pick(slots);
            if (slot.inBody()) {
                int budget = dice.between(4_000, BODY_BUDGET - 2_000);
                slot.place(draft, Values.hugeText(dice, budget), targets);
                if (!slot.required()) {
                    spoil(draft, dice, slot.name());
                }
                return;
            }
            // Over a hundred characters: longer than any id, filter or search text may be.
            String value = Values.hugeUrlText(dice, dice.between(1_000, 3_900));
            if (!slot.takes(value) || !slot.refuses(value)) {
                throw new IllegalStateException("a long URL value is not refused in " + slot);
            }
            slot.place(draft, value, targets);
        }

        static void invalidId(Draft draft, Dice dice, KnownTargets targets) {
            List<Slot> slots = Slot.of(draft.endpoint).stream().filter(Slot::id).toList();
            List<String> values = new ArrayList<>(Values.INVALID_ORGANIZATION_IDS);
            values.addAll(Values.INVALID_OPAQUE_IDS);
            placeRefused(draft, dice, targets, slots, values);
        }

        static void invalidUscc(Draft draft, Dice dice, KnownTargets targets) {
            List<Slot> slots = Slot.of(draft.endpoint).stream().filter(Slot::organization).toList();
            placeRefused(draft, dice, targets, slots, Values.invalidUsccs(dice));
        }

        static void invalidDate(Draft draft, Dice dice, KnownTargets targets) {
            if (draft.endpoint == Endpoint.AUDIT_STATE) {
                draft.query.clear();
                draft.setQuery("asOf", dice.pick(Values.INVALID_INSTANTS));
                return;
            }
            if (draft.endpoint == Endpoint.AUDIT_VERIFY_DIGEST) {
                draft.body.put("createdAt", dice.chance(0.7) ? Json.str(dice.pick(Values.INVALID_INSTANTS))
                        : dice.pick(Values.WRONG_TYPE_FOR_INSTANT));
                spoil(draft, dice, "createdAt");
                return;
            }
            Field field = dice.pick(datesOf(draft.endpoint));
            draft.body.put(field.name(), dice.chance(0.75) ? Json.str(dice.pick(Values.INVALID_DATES))
                    : dice.pick(Values.INVALID_DATE_TOKENS));
        }

        static void futureDate(Draft draft, Dice dice, KnownTargets targets) {
            Field field = dice.pick(datesOf(draft.endpoint));
            draft.body.put(field.name(), dice.chance(0.75) ? Json.str(dice.pick(Values.FUTURE_DATES))
                    : dice.pick(Values.FUTURE_DATE_TOKENS));
        }

        /** Well-formed dates before the community existed: a rule violation (409), or "not yet" in time travel. */
        static void ancientDate(Draft draft, Dice dice, KnownTargets targets) {
            if (draft.endpoint == Endpoint.AUDIT_STATE) {
                draft.query.clear();
                draft.setQuery("asOf", dice.pick(Values.ANCIENT_INSTANTS));
                return;
            }
            Field field = dice.pick(datesOf(draft.endpoint));
            draft.body.put(field.name(), Json.str(dice.pick(Values.ANCIENT_DATES)));
        }

        private static List<Field> datesOf(Endpoint endpoint) {
            return endpoint.fields.stream().filter(field -> field.type() == FieldType.DATE).toList();
        }

        static void invalidEnum(Draft draft, Dice dice, KnownTargets targets) {
            Slot slot = dice.pick(Slot.of(draft.endpoint).stream().filter(ValueDefects::enumSlot).toList());
            List<String> values = new ArrayList<>();
            boolean province = slot.fieldType() == FieldType.PROVINCE || slot.name().equals("province");
            values.addAll(province ? Values.INVALID_PROVINCES : Values.INVALID_ROLES);
            if (!province) {
                values.addAll(Values.INVALID_KINDS);
            }
            placeRefused(draft, dice, targets, List.of(slot), values);
        }

        private static boolean enumSlot(Slot slot) {
            return slot.inBody() ? slot.fieldType() == FieldType.KIND || slot.fieldType() == FieldType.ROLE
                    || slot.fieldType() == FieldType.PROVINCE
                    : slot.name().equals("role") || slot.name().equals("province") || slot.name().equals("kind");
        }

        static void invalidDigest(Draft draft, Dice dice, KnownTargets targets) {
            List<Slot> slots = Slot.of(draft.endpoint).stream().filter(slot -> slot.inBody()
                    && (slot.fieldType() == FieldType.SHA256 || slot.fieldType() == FieldType.MERKLE_ROOT)).toList();
            placeRefused(draft, dice, targets, slots, Values.invalidDigests(dice));
        }

        static void badCollectionSize(Draft draft, Dice dice, KnownTargets targets) {
            String member = targets.memberOrganizationId();
            if (draft.endpoint == Endpoint.APPROVE_ORGANIZATIONAL_LIST) {
                // @NotEmpty and at most 500 positions.
                draft.body.put("positions", dice.chance(0.5) ? "[]" : Json.array(IntStream.range(0, 501)
                        .mapToObj(i -> Json.position("holder-" + i + "-" + dice.hex(4), "Member")).toList()));
                return;
            }
            // Two to fifty parties; at most fifty scope items.
            switch (dice.below(4)) {
                case 0 -> draft.body.put("partyOrganizationIds", "[]");
                case 1 -> draft.body.put("partyOrganizationIds", Json.strings(List.of(member)));
                case 2 -> draft.body.put("partyOrganizationIds", Json.strings(IntStream.range(0, 51)
                        .mapToObj(i -> "party-" + i + "-" + dice.hex(4)).toList()));
                default -> draft.body.put("scope", Json.strings(IntStream.range(0, 51)
                        .mapToObj(i -> "Scope item " + i).toList()));
            }
        }

        static void badQueryParameter(Draft draft, Dice dice, KnownTargets targets) {
            if (draft.endpoint == Endpoint.AUDIT_STATE && dice.chance(0.3)) {
                // Exactly one of version and asOf: both, or neither, is refused.
                draft.query.clear();
                if (dice.chance(0.5)) {
                    draft.setQuery("version", "1");
                    draft.setQuery("asOf", "2025-10-19T08:00:00Z");
                }
                return;
            }
            Param param = dice.pick(draft.endpoint.params);
            List<String> candidates = switch (param.type()) {
                case INSTANT -> Values.INVALID_INSTANTS;
                case PROVINCE_FILTER -> Values.INVALID_PROVINCES;
                case NAME_FILTER -> concat(Values.INVALID_KINDS, Values.INVALID_ROLES);
                case SEARCH -> List.of("", "x".repeat(dice.between(101, 1_500)), "界".repeat(dice.between(101, 400)));
                case OPAQUE_ID -> Values.INVALID_OPAQUE_IDS;
                default -> numbers(param.type(), dice);
            };
            List<String> refused = candidates.stream().filter(value -> !param.type().accepts(Url.asReceived(value)))
                    .toList();
            if (draft.endpoint == Endpoint.AUDIT_STATE) {
                draft.query.clear();
            }
            draft.setQuery(param.name(), dice.pick(refused));
        }

        private static List<String> numbers(ParamType type, Dice dice) {
            List<String> numbers = new ArrayList<>(List.of("-1", "abc", "1.5", "1e3", "99999999999999999999", "NaN",
                    "Infinity", "1,000", "1_000", "true", "null", "[1]", "{}", "1 OR 1=1", "1;DROP TABLE community",
                    "0x", "--1", "1\u0000", "½", "'", "-9223372036854775809", "1/0", "١٢", "１２"));
            numbers.addAll(switch (type) {
                case PAGE -> List.of("-5", "-2147483649", "2147483648");
                case PAGE_SIZE -> List.of("0", "201", "1000000", "-" + dice.between(1, 100));
                case LIMIT -> List.of("0", "1001", "2147483648", "-" + dice.between(1, 100));
                case VERSION -> List.of("0", "-" + dice.between(1, 100));
                default -> List.of("-" + dice.between(1, 1_000_000), "-9223372036854775808", "9223372036854775808");
            });
            return numbers;
        }

        private static List<String> concat(List<String> first, List<String> second) {
            List<String> all = new ArrayList<>(first);
            all.addAll(second);
            return all;
        }
    }

    /** Well-formed requests that name what does not exist, or that break a rule of the community. */
    static final class ReferenceDefects {

        private ReferenceDefects() {
        }

        static boolean hasReference(Endpoint endpoint) {
            return switch (endpoint) {
                case LEAVE, ASSIGN_ROLE, REVOKE_ROLE, AWARD_PLAQUE, SIGN_AGREEMENT, REVOKE_PLAQUE, TERMINATE_AGREEMENT,
                     ORGANIZATION -> true;
                default -> false;
            };
        }

        static void unknownCommunity(Draft draft, Dice dice, KnownTargets targets) {
            draft.pathValues.put("communityId", dice.uuid());
        }

        static void unknownReference(Draft draft, Dice dice, KnownTargets targets) {
            switch (draft.endpoint) {
                case REVOKE_PLAQUE -> draft.pathValues.put("plaqueId", dice.uuid());
                case TERMINATE_AGREEMENT -> draft.pathValues.put("agreementId", dice.uuid());
                case AWARD_PLAQUE -> draft.body.put("recipientOrganizationId", Json.str(dice.ghostSlug()));
                case SIGN_AGREEMENT -> draft.body.put("partyOrganizationIds",
                        Json.strings(List.of(targets.memberOrganizationId(), dice.ghostSlug())));
                case ORGANIZATION -> draft.pathValues.put("organizationId",
                        dice.chance(0.5) ? dice.ghostSlug() : dice.validUscc());
                default -> draft.pathValues.put("organizationId", dice.ghostSlug());
            }
        }

        static void ruleViolation(Draft draft, Dice dice, KnownTargets targets) {
            String member = targets.memberOrganizationId();
            if (draft.endpoint == Endpoint.APPROVE_ORGANIZATIONAL_LIST) {
                // One organisation listed for two positions.
                draft.body.put("positions", Json.array(List.of(Json.position(member, "Chair unit"),
                        Json.position(member, "Secretariat"))));
            } else {
                // An agreement needs two distinct parties.
                draft.body.put("partyOrganizationIds", Json.strings(List.of(member, member)));
            }
        }
    }

    /** What the request says about its body and the answer it wants, and how big it is. */
    static final class TransportDefects {

        private TransportDefects() {
        }

        static void wrongContentType(Draft draft, Dice dice, KnownTargets targets) {
            spoil(draft, dice, null);
            String json = draft.body.text();
            String type = dice.chance(0.12) ? null : dice.pick(Values.WRONG_CONTENT_TYPES);
            String body = json;
            if ("application/xml".equals(type) || "text/xml".equals(type)) {
                body = "<?xml version=\"1.0\"?><request>" + draft.body.names().stream()
                        .map(name -> "<" + name + ">x</" + name + ">").collect(Collectors.joining()) + "</request>";
            } else if ("application/x-www-form-urlencoded".equals(type)) {
                body = draft.body.names().stream().map(name -> Url.encode(name) + "=x")
                        .collect(Collectors.joining("&")) + "&_method=DELETE";
            } else if ("multipart/form-data".equals(type)) {
                String boundary = "hostile-" + dice.hex(8);
                switch (dice.below(3)) {
                    case 0 -> {
                        // Well-formed multipart: refused for its type alone.
                        type = type + "; boundary=" + boundary;
                        body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"body\"\r\n"
                                + "Content-Type: application/json\r\n\r\n" + json + "\r\n--" + boundary + "--\r\n";
                    }
                    case 1 -> type = type + "; boundary=" + boundary; // the body is no multipart at all
                    default -> { } // no boundary at all
                }
            }
            draft.contentType = type;
            draft.rawBody = body.getBytes(StandardCharsets.UTF_8);
        }

        static void wrongAccept(Draft draft, Dice dice, KnownTargets targets) {
            spoil(draft, dice, null);
            boolean streams = draft.endpoint == Endpoint.STREAM || draft.endpoint == Endpoint.AUDIT_EXPORT;
            draft.headers.put("Accept", dice.pick(streams ? Values.WRONG_ACCEPTS_FOR_STREAMS
                    : Values.WRONG_ACCEPTS_FOR_JSON));
        }

        static void oversizedBody(Draft draft, Dice dice, KnownTargets targets) {
            if (!draft.endpoint.hasBody()) {
                // A body where none belongs, sent with a method that may carry one; never POST to a rebuild. The
                // path is spoiled first: a body-less command would never read the body, chunked or not.
                spoil(draft, dice, null);
                draft.method = draft.endpoint == Endpoint.REVOKE_ROLE ? "DELETE" : "PUT";
                draft.body = new JsonBody();
                draft.contentType = "application/json";
            }
            spoil(draft, dice, null);
            int size = dice.between(70_000, 300_000);
            String padding = dice.chance(0.5) ? "x".repeat(100_000) : Values.hugeText(dice, size);
            String field = draft.endpoint.fields.stream().filter(f -> f.type() == FieldType.TEXT).map(Field::name)
                    .findFirst().orElse("padding");
            // First in the body: sent chunked, the limit must trip while the parser reads it, before the parser
            // meets the spoiling member and refuses the body for that instead.
            draft.body.remove(field);
            draft.body.insert(0, field, Json.str(padding));
            draft.chunked = dice.chance(0.4);
        }
    }

    /** Headers the command service reads, and credentials. */
    static final class HeaderDefects {

        private HeaderDefects() {
        }

        /**
         * The body stays valid so that only the header is wrong. Commands whose success would undo what the rest of
         * the suite relies on aim at an unknown community; the others hit the real one half of the time, so that a
         * header the service failed to check shows up as an accepted command.
         */
        private static void aim(Draft draft, Dice dice) {
            if (draft.pathValues.containsKey("communityId") && (draft.endpoint.destructive() || dice.chance(0.5))) {
                draft.pathValues.put("communityId", dice.uuid());
            }
        }

        static void badIfMatch(Draft draft, Dice dice, KnownTargets targets) {
            aim(draft, dice);
            draft.headers.put("If-Match", dice.pick(Values.INVALID_IF_MATCH));
        }

        static void badIdempotencyKey(Draft draft, Dice dice, KnownTargets targets) {
            aim(draft, dice);
            draft.headers.put("Idempotency-Key", refusedToken(dice));
        }

        static void badCorrelationId(Draft draft, Dice dice, KnownTargets targets) {
            aim(draft, dice);
            draft.headers.put("X-Correlation-Id", refusedToken(dice));
        }

        private static String refusedToken(Dice dice) {
            return dice.pick(Values.invalidTokens(dice).stream().filter(token -> !Shapes.headerToken(token)).toList());
        }

        static void badCredentials(Draft draft, Dice dice, KnownTargets targets) {
            spoil(draft, dice, null);
            draft.headers.put("Authorization", dice.pick(Values.badAuthorizations(dice)));
        }
    }

    /** Methods and paths the services do not route, and URLs their HTTP layers refuse. */
    static final class RoutingDefects {

        private RoutingDefects() {
        }

        static void wrongMethod(Draft draft, Dice dice, KnownTargets targets) {
            spoil(draft, dice, null);
            List<String> others = Values.METHODS.stream().filter(method -> !method.equals(draft.endpoint.method))
                    .toList();
            draft.method = dice.pick(others);
            boolean mayCarryBody = !draft.method.equals("GET") && !draft.method.equals("DELETE");
            if (draft.body == null && mayCarryBody && dice.chance(0.5)) {
                draft.body = new JsonBody().put(Values.SPOILER_FIELD, Json.str("refuse me"));
                draft.contentType = "application/json";
            } else if (draft.body != null && !mayCarryBody) {
                draft.dropBody();
            }
        }

        static void unknownPath(Draft draft, Dice dice, KnownTargets targets) {
            spoil(draft, dice, null);
            if (draft.endpoint == Endpoint.DASHBOARD) {
                draft.rawPath = dice.pickOf("/index.php", "/admin", "/.env", "/wp-login.php", "/server-status",
                        "/index.html.bak", "/dashboard.jsx", "/api", "/api/", "/.git/config", "/actuator/env");
                return;
            }
            String rendered = draft.renderedTemplate();
            // A suffix glued to a trailing id would only make another id; there it starts a new segment instead.
            boolean endsWithId = draft.endpoint.template.endsWith("}");
            switch (endsWithId ? dice.pickOf(0, 1, 3) : dice.below(4)) {
                case 0 -> draft.pathSuffix = "/";
                case 1 -> draft.pathSuffix = "/" + dice.pickOf("x-unknown", "undo", "v2", "admin", "all", "batch",
                        "export", "delete");
                case 2 -> draft.pathSuffix = dice.pickOf(".json", ".xml", "~", "-old", "_", ".bak");
                default -> draft.rawPath = "/api/" + dice.pickOf("v2/", "v1/", "internal/", "private/")
                        + rendered.substring("/api/".length());
            }
        }

        static void pathTraversal(Draft draft, Dice dice, KnownTargets targets) {
            spoil(draft, dice, null);
            String rendered = draft.renderedTemplate();
            if (rendered.equals("/")) {
                draft.rawPath = dice.pickOf("/..", "/./", "//", "/%2e%2e/", "/%2F", "/%5C", "/../../etc/passwd",
                        "/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd", "/x/../");
                return;
            }
            int cut = rendered.lastIndexOf('/');
            String head = rendered.substring(0, cut);
            String last = rendered.substring(cut + 1);
            draft.rawPath = switch (dice.below(9)) {
                case 0 -> head + "/x/../" + last;
                case 1 -> head + "/./" + last;
                case 2 -> head + "//" + last;
                case 3 -> head + "/%2e%2e/" + last;
                case 4 -> head + "%2F" + last;
                case 5 -> head + "/%5C..%5C" + last;
                case 6 -> rendered + "/..";
                case 7 -> rendered + "/../../../../etc/passwd";
                default -> head + "/%2E%2E%2F%2E%2E%2F" + last;
            };
        }

        static void malformedPath(Draft draft, Dice dice, KnownTargets targets) {
            spoil(draft, dice, null);
            String addition = dice.pickOf(";jsessionid=" + dice.hex(16), ";x=1", "%25", "%2525", "%00", "%0a", "%0d",
                    "%0D%0ASet-Cookie:%20x=1", "%C0%AF", "%FF", "%ED%A0%80", "%E4%B8", "%F8%88%80%80%80",
                    "%E2%80%A8");
            draft.pathSuffix = addition;
        }

        static void exoticMethod(Draft draft, Dice dice, KnownTargets targets) {
            spoil(draft, dice, null);
            draft.method = dice.pick(Values.EXOTIC_METHODS);
        }

        static void oversizedUri(Draft draft, Dice dice, KnownTargets targets) {
            spoil(draft, dice, null);
            String huge = "A".repeat(dice.between(9_000, 20_000));
            List<String> keys = new ArrayList<>(draft.pathValues.keySet());
            if (keys.isEmpty()) {
                draft.pathSuffix = "/" + huge;
            } else {
                draft.pathValues.put(dice.pick(keys), huge);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    /** Last checks on every request: what must never be sent, and what the HTTP client cannot send. */
    static final class Guard {

        private static final Set<String> NEVER_SENT_METHODS = Set.of("HEAD", "OPTIONS", "TRACE", "CONNECT");
        private static final Set<String> CLIENT_RESTRICTED_HEADERS =
                Set.of("connection", "content-length", "expect", "host", "upgrade", "content-type");

        private Guard() {
        }

        static void check(HostileRequest request) {
            require(!NEVER_SENT_METHODS.contains(request.method()), "a method that may succeed or has no body",
                    request);
            require(!(request.service() == QUERY && request.method().equals("POST")
                    && request.path().toLowerCase(Locale.ROOT).contains("rebuild")), "a POST near the rebuild", request);
            require(request.defect().equals("oversized-body") || request.bodyLength() <= BODY_BUDGET,
                    "a body over the budget", request);
            require(request.defect().equals("oversized-uri") || request.path().length() <= PATH_BUDGET,
                    "a path over the budget", request);
            URI.create("http://localhost" + request.path());
            request.headers().forEach((name, value) -> {
                require(!CLIENT_RESTRICTED_HEADERS.contains(name.toLowerCase(Locale.ROOT)), "a restricted header",
                        request);
                require(value.chars().allMatch(c -> c == '\t' || c >= 0x20 && c <= 0xFF && c != 0x7F),
                        "a header value the HTTP client refuses", request);
            });
        }

        private static void require(boolean condition, String what, HostileRequest request) {
            if (!condition) {
                throw new IllegalStateException("generated " + what + ": " + request);
            }
        }
    }
}
