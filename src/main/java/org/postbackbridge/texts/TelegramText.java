package org.postbackbridge.texts;

import java.util.ArrayList;
import java.util.List;
import org.springframework.web.util.HtmlUtils;

/** Telegram's limits on a message text, and the plain-text fallback for broken HTML. */
public final class TelegramText {

    /** Telegram's maximum; counted here on the HTML source, which is never shorter than what shows. */
    static final int MAX_LENGTH = 4096;

    private TelegramText() {
    }

    /**
     * Cuts an over-long text into parts Telegram accepts, at a line break or a space where there is
     * one in the second half of the part, and never inside a tag, an HTML entity or a surrogate pair.
     */
    public static List<String> split(String html) {
        List<String> parts = new ArrayList<>();
        String rest = html;
        while (rest.length() > MAX_LENGTH) {
            int cut = safeCut(rest, MAX_LENGTH);
            parts.add(rest.substring(0, cut).stripTrailing());
            rest = rest.substring(cut).stripLeading();
        }
        if (!rest.isEmpty() || parts.isEmpty()) {
            parts.add(rest);
        }
        return parts;
    }

    /** The text without tags and with entities decoded, for sending without {@code parse_mode}. */
    public static String toPlain(String html) {
        return HtmlUtils.htmlUnescape(html.replaceAll("<[^>]*>", ""));
    }

    private static int safeCut(String text, int limit) {
        int cut = limit;
        if (insideTag(text, cut)) {
            cut = text.lastIndexOf('<', cut - 1);
        }
        int entityStart = text.lastIndexOf('&', cut - 1);
        int entityEnd = entityStart < 0 ? -1 : text.indexOf(';', entityStart);
        if (entityStart >= 0 && (entityEnd < 0 || entityEnd >= cut) && cut - entityStart <= 10) {
            cut = entityStart;
        }
        int boundary = lastBoundaryOutsideTags(text, cut, '\n');
        if (boundary <= cut / 2) {
            boundary = lastBoundaryOutsideTags(text, cut, ' ');
        }
        if (boundary > cut / 2) {
            cut = boundary + 1;
        }
        if (cut > 0 && Character.isHighSurrogate(text.charAt(cut - 1))) {
            cut--;
        }
        return cut > 0 ? cut : limit;
    }

    private static int lastBoundaryOutsideTags(String text, int before, char boundary) {
        int at = text.lastIndexOf(boundary, before - 1);
        while (at > 0 && insideTag(text, at)) {
            at = text.lastIndexOf(boundary, at - 1);
        }
        return at;
    }

    private static boolean insideTag(String text, int position) {
        return text.lastIndexOf('<', position - 1) > text.lastIndexOf('>', position - 1);
    }
}
