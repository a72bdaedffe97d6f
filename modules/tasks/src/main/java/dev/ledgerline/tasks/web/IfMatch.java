package dev.ledgerline.tasks.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Entity tags: a task's ETag is its version as a strong tag, {@code "3"}. */
final class IfMatch {

    private static final Pattern STRONG_VERSION = Pattern.compile("\\s*\"(\\d{1,18})\"\\s*");
    /** Never a task's version: a precondition that cannot hold, so the aggregate answers 412 (or 404). */
    private static final long NO_VERSION = -1L;

    private IfMatch() {
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version an {@code If-Match} header asks for: null without the header or with {@code *} (any current
     * version). A weak tag, a tag that is not a version, or a list of several tags cannot match.
     */
    static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.strip().equals("*")) {
            return null;
        }
        Matcher matcher = STRONG_VERSION.matcher(ifMatch);
        return matcher.matches() ? Long.valueOf(matcher.group(1)) : NO_VERSION;
    }
}
