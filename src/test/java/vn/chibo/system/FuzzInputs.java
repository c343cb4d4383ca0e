package vn.chibo.system;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates hostile input for the fuzz test from a seeded {@link Random}, so that a failing run can
 * be repeated with the seed it printed. Each method returns one value of its kind, chosen from
 * hand-written attacks and from values built at random.
 */
final class FuzzInputs {

    /** Scripts that a page must never show unescaped; the page scan looks for these exact strings. */
    static final List<String> SCRIPTS = List.of("<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
            "\"><svg onload=alert(1)>");

    private static final List<String> ATTACKS = List.of(
            "' or 1=1 --", "'; drop table account; --", "\" or \"\"=\"", "1; select pg_sleep(0)",
            "../../../../etc/passwd", "..\\..\\..\\windows\\win.ini", "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
            "/etc/passwd", "C:\\Windows\\System32", "CON", "NUL.txt", "file:///etc/passwd",
            "javascript:alert(1)", "data:text/html,<script>alert(1)</script>",
            "a\r\nSet-Cookie: fuzz=1", "\r\n\r\n<html>", "%0d%0aLocation: http://127.0.0.1/",
            "${7*7}", "#{7*7}", "*{T(java.lang.Runtime).getRuntime()}", "__${T(java.lang.Runtime)}__::.x",
            "{{7*7}}", "<!--", "]]>", "\\", "%", "%%", "%00", "%ZZ", "&", "=", "&&==", "?",
            "\u0000", "abc\u0000def", "\u0007\u001b[31m", "\u202Egnp.exe", "\u2066abc\u2069", "\uFEFF", "\u200B",
            "\uD800", "\uDC00abc", "😀👍🏽👨‍👩‍👧", "\u00A0\u2028\u2029", "Ω≈ç√∫", "𝕏𝕐ℤ", "null", "undefined", "NaN",
            "true", "false", "[]", "{}", "[object Object]", " ", "\t", "\n");

    private static final List<String> NUMBERS = List.of("0", "-1", "-0", "1", "2147483647", "2147483648",
            "-2147483649", "9223372036854775807", "9223372036854775808", "-9223372036854775809",
            "99999999999999999999999999999999999999", "1e309", "-1e309", "1.5", "0x1F", "1_000", "٣", "１２",
            "+1", "00000000000000000001", "NaN", "Infinity", "abc", "");

    private static final List<String> DATES = List.of("2026-13-45", "31/02/2026", "0000-00-00", "9999-12-31",
            "+1000000000-01-01", "-999999999-01-01", "2026-02-29", "01/01/0001", "2026-1-1", "25:61", "23:59:60",
            "99:99", "24:00", "-1:00", "T", "2026-06-15T10:00:00Z");

    private final Random random;

    FuzzInputs(long seed) {
        this.random = new Random(seed);
    }

    /** Returns a random whole number in [0, bound). */
    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** Returns one hostile text value for a form field, a query parameter or a JSON string. */
    String text() {
        return switch (random.nextInt(12)) {
            case 0 -> longText();
            case 1 -> pick(NUMBERS);
            case 2 -> pick(DATES);
            case 3 -> pick(SCRIPTS);
            case 4 -> vietnamese();
            case 5 -> randomCharacters(1 + random.nextInt(40));
            case 6 -> "";
            case 7 -> pick(ATTACKS) + pick(SCRIPTS);
            default -> pick(ATTACKS);
        };
    }

    /** Returns an id for a path variable or a parameter naming an object: zero, negative, huge or not a number. */
    String id() {
        return pick(List.of("0", "-1", "-9223372036854775808", "9223372036854775807", "9223372036854775808",
                "99999999999999999999", "1.5", "abc", "%20", "1;drop", "..", "%2e%2e", "1e3", "0x10", "%00"));
    }

    /** Returns text past every field's maximum length: up to 70,000 characters, sometimes of many bytes each. */
    String longText() {
        int length = pick(List.of(256, 301, 501, 2_001, 4_001, 20_001, 70_000));
        String unit = pick(List.of("a", "ệ", "😀", "e\u0301", "<script>", "'"));
        return unit.repeat(Math.max(1, length / unit.length()));
    }

    /** Returns Vietnamese text in NFD or with stacked combining marks, as old keyboards and attacks send it. */
    String vietnamese() {
        return switch (random.nextInt(4)) {
            case 0 -> Normalizer.normalize("Nguyễn Thị Ỷ Lan, Đảng viên", Normalizer.Form.NFD);
            case 1 -> "Đ" + "\u0301\u0323\u0309".repeat(1 + random.nextInt(200));
            case 2 -> "Nghị quyết tháng " + random.nextInt(13) + " của Chi bộ thôn Hòa Bình 3";
            default -> "Trần\u0000Văn\u202EBình";
        };
    }

    /** Returns characters from the whole of Unicode: controls, surrogate halves, private use and all. */
    String randomCharacters(int length) {
        var text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append((char) (random.nextBoolean() ? random.nextInt(0x80) : random.nextInt(0x10000)));
        }
        return text.toString();
    }

    /** Returns bytes that are not valid UTF-8. */
    byte[] invalidUtf8() {
        return pick(List.of(new byte[] { (byte) 0xC3, 0x28 }, new byte[] { (byte) 0xFF, (byte) 0xFE },
                new byte[] { (byte) 0xE2, (byte) 0x82 }, new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 },
                new byte[] { (byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80 },
                new byte[] { (byte) 0xC0, (byte) 0xAF }));
    }

    /** Returns a JSON value of any type, with hostile content. */
    String jsonValue(int depth) {
        return switch (random.nextInt(depth > 2 ? 6 : 8)) {
            case 0 -> jsonString(text());
            case 1 -> pick(List.of("0", "-1", "1e400", "-1e400", "123456789012345678901234567890", "1.0e-400",
                    "9223372036854775808", "-0.0", "1" + "0".repeat(1_500)));
            case 2 -> pick(List.of("true", "false", "null"));
            case 3 -> jsonString("");
            case 4 -> jsonString(pick(SCRIPTS));
            case 5 -> jsonString(longText());
            case 6 -> "[" + jsonValue(depth + 1) + "," + jsonValue(depth + 1) + "]";
            default -> "{\"a\":" + jsonValue(depth + 1) + "}";
        };
    }

    /** Returns an object with the given fields, some left out, some repeated, some of the wrong type. */
    String jsonObject(List<String> fields) {
        List<String> members = new ArrayList<>();
        for (String field : fields) {
            if (chance(0.15)) {
                continue;
            }
            members.add(jsonString(field) + ":" + jsonValue(0));
            if (chance(0.05)) {
                members.add(jsonString(field) + ":" + jsonValue(0));
            }
        }
        if (chance(0.2)) {
            members.add(jsonString(randomCharacters(5)) + ":" + jsonValue(0));
        }
        return "{" + String.join(",", members) + "}";
    }

    /** Returns a body that no JSON parser accepts or one past the parser's limits. */
    byte[] brokenJson() {
        String text = switch (random.nextInt(9)) {
            case 0 -> "{";
            case 1 -> "{\"text\":";
            case 2 -> "[".repeat(5_000) + "]".repeat(5_000);
            case 3 -> "{\"a\":".repeat(3_000) + "1" + "}".repeat(3_000);
            case 4 -> "{\"text\":" + "9".repeat(5_000) + "}";
            case 5 -> "{\"text\":\"\\ud800\"}";
            case 6 -> "nul";
            case 7 -> "{'text': 'single quotes'}";
            default -> "\u0000\u0000";
        };
        if (random.nextInt(4) == 0) {
            byte[] start = "{\"text\":\"".getBytes(StandardCharsets.UTF_8);
            byte[] bad = invalidUtf8();
            byte[] end = "\"}".getBytes(StandardCharsets.UTF_8);
            byte[] body = new byte[start.length + bad.length + end.length];
            System.arraycopy(start, 0, body, 0, start.length);
            System.arraycopy(bad, 0, body, start.length, bad.length);
            System.arraycopy(end, 0, body, start.length + bad.length, end.length);
            return body;
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String jsonString(String text) {
        var json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c)) {
                        json.append(String.format("\\u%04x", (int) c));
                    }
                    else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }
}
