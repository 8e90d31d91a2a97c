package org.communityledger.faults.hostile;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/** Realistic valid values, and the hostile and malformed values that replace them. */
final class Values {

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
