package org.postbackbridge.texts;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The texts, Russian and English, with operator overrides from {@code MESSAGES_FILE}. Checked at
 * start: a missing text or an unknown placeholder (a typo such as {@code {amout}}) stops the
 * service with a message naming it, rather than sending a broken text to users.
 */
@Component
public class MessageTemplates {

    public static final List<String> LANGUAGES = List.of("ru", "en");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");

    private final Properties defaults = new Properties();
    private final Properties texts = new Properties();
    private final String defaultLanguage;

    MessageTemplates(NotifyProperties properties) {
        this.defaultLanguage = properties.defaultLanguage();
        try (InputStream bundled = MessageTemplates.class.getResourceAsStream("/messages.properties")) {
            defaults.load(new InputStreamReader(bundled, StandardCharsets.UTF_8));
            texts.putAll(defaults);
            if (!properties.messagesFile().isBlank()) {
                try (Reader overrides = Files.newBufferedReader(Path.of(properties.messagesFile()), StandardCharsets.UTF_8)) {
                    texts.load(overrides);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read message texts: " + e.getMessage(), e);
        }
        validate();
    }

    /** The language we have texts for that is closest to a Telegram {@code language_code}. */
    public String languageFor(String languageCode) {
        if (languageCode != null) {
            for (String language : LANGUAGES) {
                if (languageCode.toLowerCase().startsWith(language)) {
                    return language;
                }
            }
        }
        return defaultLanguage;
    }

    /** True when {@code MESSAGES_FILE} gives {@code kind} a text of the operator's own in some language. */
    public boolean customized(MessageKind kind) {
        return LANGUAGES.stream().map(language -> kind.key() + "." + language)
                .anyMatch(key -> !texts.getProperty(key).equals(defaults.getProperty(key)));
    }

    /** The text with each placeholder replaced by its value, HTML-escaped. */
    public String render(MessageKind kind, String languageCode, Map<String, ?> values) {
        String template = texts.getProperty(kind.key() + "." + languageFor(languageCode));
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            Object value = values.get(matcher.group(1));
            String replacement = value == null ? "" : HtmlUtils.htmlEscape(value.toString());
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private void validate() {
        List<String> problems = new ArrayList<>();
        for (MessageKind kind : MessageKind.values()) {
            for (String language : LANGUAGES) {
                String key = kind.key() + "." + language;
                String text = texts.getProperty(key);
                if (text == null || text.isBlank()) {
                    problems.add(key + " has no text");
                    continue;
                }
                Matcher matcher = PLACEHOLDER.matcher(text);
                while (matcher.find()) {
                    if (!kind.placeholders().contains(matcher.group(1))) {
                        problems.add(key + " uses {" + matcher.group(1) + "}; allowed: " + kind.placeholders());
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Message texts are invalid: " + String.join("; ", problems));
        }
    }
}
