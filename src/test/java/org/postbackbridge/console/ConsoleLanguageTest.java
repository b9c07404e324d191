package org.postbackbridge.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.EncodedResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/** The console's words in both languages: plural forms, durations, amounts, events as sentences, CSV styles. */
class ConsoleLanguageTest {

    private static final Locale RU = Locale.forLanguageTag("ru");

    private final ResourceBundleMessageSource messages = messages();
    private final ConsoleText text = new ConsoleText(messages);
    private final PageFormat format = new PageFormat(new ConsoleDates(new ConsoleProperties(ZoneId.of("UTC"), RU)));
    private final EventSentences sentences = new EventSentences(messages, format, JsonMapper.builder().build());

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void russianPluralsFollowTheLastDigitsAndEnglishOnlyOne() {
        assertThat(Plurals.of(RU, 1)).isEqualTo(Plurals.ONE);
        assertThat(Plurals.of(RU, 21)).isEqualTo(Plurals.ONE);
        assertThat(Plurals.of(RU, 2)).isEqualTo(Plurals.FEW);
        assertThat(Plurals.of(RU, 34)).isEqualTo(Plurals.FEW);
        assertThat(Plurals.of(RU, 5)).isEqualTo(Plurals.MANY);
        assertThat(Plurals.of(RU, 11)).isEqualTo(Plurals.MANY);
        assertThat(Plurals.of(RU, 12)).isEqualTo(Plurals.MANY);
        assertThat(Plurals.of(RU, 111)).isEqualTo(Plurals.MANY);
        assertThat(Plurals.of(RU, 0)).isEqualTo(Plurals.MANY);
        assertThat(Plurals.of(Locale.ENGLISH, 1)).isEqualTo(Plurals.ONE);
        assertThat(Plurals.of(Locale.ENGLISH, 0)).isEqualTo(Plurals.OTHER);
        assertThat(Plurals.of(Locale.ENGLISH, 21)).isEqualTo(Plurals.OTHER);
    }

    @Test
    void pluralMessagesTakeTheFormOfTheirCount() {
        LocaleContextHolder.setLocale(RU);
        assertThat(text.plural("reconcile.row.columns", 1)).isEqualTo("в строке всего 1 столбец");
        assertThat(text.plural("reconcile.row.columns", 2)).isEqualTo("в строке всего 2 столбца");
        assertThat(text.plural("reconcile.row.columns", 5)).isEqualTo("в строке всего 5 столбцов");
        assertThat(text.plural("outbox.retried", 21)).isEqualTo("21 сообщение снова в очереди.");
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(text.plural("reconcile.row.columns", 1)).isEqualTo("the row has only 1 column");
        assertThat(text.plural("reconcile.row.columns", 3)).isEqualTo("the row has only 3 columns");
        assertThat(text.plural("outbox.retried", 0)).isEqualTo("0 messages queued again.");
    }

    @Test
    void everyKeyHasBothLanguagesAndEveryPluralHasItsForms() throws Exception {
        Properties english = load("i18n/console.properties");
        Properties russian = load("i18n/console_ru.properties");
        for (String key : english.stringPropertyNames()) {
            if (key.endsWith(".one") || key.endsWith(".other")) {
                String stem = key.substring(0, key.lastIndexOf('.'));
                assertThat(russian).as(stem).containsKeys(stem + ".one", stem + ".few", stem + ".many");
            } else {
                assertThat(russian).as(key).containsKey(key);
            }
        }
        for (String key : russian.stringPropertyNames()) {
            String stem = key.substring(0, Math.max(0, key.lastIndexOf('.')));
            boolean plural = key.endsWith(".one") || key.endsWith(".few") || key.endsWith(".many");
            assertThat(plural ? english.containsKey(stem + ".other") : english.containsKey(key)).as(key).isTrue();
        }
    }

    @Test
    void durationsAndAmountsInEachLanguage() {
        assertThat(text.duration(Duration.ofMinutes(125))).isEqualTo("2 h 5 min");
        assertThat(format.money(new BigDecimal("4500"), "RUB")).isEqualTo("4,500 ₽");
        assertThat(format.money(new BigDecimal("-1234567.5"), "RUB")).isEqualTo("-1,234,567.50 ₽");
        assertThat(format.money(new BigDecimal("0.00012"), "USDT")).isEqualTo("0.00012 USDT");
        assertThat(format.number(new BigDecimal("2000"))).isEqualTo("2,000");
        LocaleContextHolder.setLocale(RU);
        assertThat(text.duration(Duration.ofHours(25))).isEqualTo("1 д 1 ч");
        assertThat(format.money(new BigDecimal("4500"), "RUB")).isEqualTo("4 500 ₽");
        assertThat(format.number(new BigDecimal("0.5"))).isEqualTo("0,5");
    }

    @Test
    void eventsReadAsSentences() {
        String deposit = "{\"casino_id\":\"777\",\"amount\":50,\"currency\":\"USD\",\"network\":\"1win\",\"first\":false}";
        String first = "{\"casino_id\":\"777\",\"amount\":\"1500.5\",\"currency\":\"RUB\",\"network\":\"1win\",\"first\":true}";
        assertThat(sentences.describe("casino_deposit", deposit)).isEqualTo("Player 777 deposited 50 $ via 1win");
        assertThat(sentences.describe("casino_deposit", first))
                .isEqualTo("Player 777 made a first deposit of 1,500.50 ₽ via 1win");
        assertThat(sentences.describe("player_linked", "{\"network\":\"1win\",\"player_id\":\"9\"}"))
                .isEqualTo("Player 9 on 1win was linked to this user");
        LocaleContextHolder.setLocale(RU);
        assertThat(sentences.describe("casino_deposit", deposit)).isEqualTo("Игрок 777 внёс депозит 50 $ через 1win");
        assertThat(sentences.describe("casino_registration", "{\"casino_id\":\"5\",\"network\":\"1win\"}"))
                .isEqualTo("Игрок 5 зарегистрировался через 1win");
        // A type without a sentence, or details that do not read, are shown as stored.
        assertThat(sentences.describe("custom_type", "{\"a\":1}")).isEqualTo("custom_type {\"a\":1}");
        assertThat(sentences.describe("casino_win", "not json")).isEqualTo("casino_win not json");
    }

    @Test
    void csvIsSeparatedAsTheLanguageHasItUnlessChosen() {
        assertThat(CsvStyle.of(null, RU)).isEqualTo(CsvStyle.SEMICOLON);
        assertThat(CsvStyle.of("", Locale.ENGLISH)).isEqualTo(CsvStyle.COMMA);
        assertThat(CsvStyle.of("comma", RU)).isEqualTo(CsvStyle.COMMA);
        assertThat(CsvStyle.of("semicolon", Locale.ENGLISH)).isEqualTo(CsvStyle.SEMICOLON);
        assertThatThrownBy(() -> CsvStyle.of("tab", RU)).isInstanceOf(CsvStyle.UnknownSeparator.class)
                .hasMessageContaining("'tab'");
        assertThat(CsvStyle.SEMICOLON.number("1500.50")).isEqualTo("1500,50");
        assertThat(CsvStyle.SEMICOLON.number("1500")).isEqualTo("1500");
        assertThat(CsvStyle.SEMICOLON.number("1.2.3")).isEqualTo("1.2.3");
        assertThat(CsvStyle.COMMA.number("1500.50")).isEqualTo("1500.50");
    }

    @Test
    void onlyALanguageTheConsoleSpeaksIsTheDefault() {
        assertThat(new ConsoleProperties(java.time.ZoneId.of("UTC"), RU).language()).isEqualTo(RU);
        assertThatThrownBy(() -> new ConsoleProperties(java.time.ZoneId.of("UTC"), Locale.GERMAN))
                .hasMessageContaining("CONSOLE_LANGUAGE").hasMessageContaining("en and ru");
    }

    @Test
    void theLanguageIsTheCookiesElseTheBrowsersElseTheDefault() {
        LocaleResolver resolver = new ConsoleLanguages(new ConsoleProperties(java.time.ZoneId.of("UTC"), RU)).localeResolver();

        assertThat(resolver.resolveLocale(new MockHttpServletRequest())).isEqualTo(RU);
        assertThat(resolver.resolveLocale(browser("de-DE,en-US;q=0.8", null))).isEqualTo(Locale.ENGLISH);
        assertThat(resolver.resolveLocale(browser("ru-RU,ru;q=0.9", null))).isEqualTo(RU);
        assertThat(resolver.resolveLocale(browser("de-DE", null))).isEqualTo(RU);
        assertThat(resolver.resolveLocale(browser("ru-RU", "en"))).isEqualTo(Locale.ENGLISH);
        // A cookie naming a language the console does not speak counts as none.
        assertThat(resolver.resolveLocale(browser("en-US", "de"))).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void theSwitchRemembersOnlyALanguageTheConsoleSpeaks() throws Exception {
        LocaleResolver resolver = new ConsoleLanguages(new ConsoleProperties(java.time.ZoneId.of("UTC"), Locale.ENGLISH))
                .localeResolver();

        MockHttpServletResponse switched = switchTo("ru", resolver);
        assertThat(switched.getCookie(ConsoleLanguages.COOKIE).getValue()).isEqualTo("ru");
        assertThat(switched.getCookie(ConsoleLanguages.COOKIE).getPath()).isEqualTo("/admin");
        assertThat(switchTo("de", resolver).getCookie(ConsoleLanguages.COOKIE)).isNull();
        assertThat(switchTo(null, resolver).getCookie(ConsoleLanguages.COOKIE)).isNull();
    }

    private static MockHttpServletResponse switchTo(String language, LocaleResolver resolver) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/admin");
        if (language != null) {
            request.setParameter(ConsoleLanguages.PARAMETER, language);
        }
        request.setAttribute(org.springframework.web.servlet.DispatcherServlet.LOCALE_RESOLVER_ATTRIBUTE, resolver);
        MockHttpServletResponse response = new MockHttpServletResponse();
        assertThat(new ConsoleLanguages.SwitchInterceptor().preHandle(request, response, new Object())).isTrue();
        return response;
    }

    private static MockHttpServletRequest browser(String acceptLanguage, String cookie) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/admin");
        request.addHeader("Accept-Language", acceptLanguage);
        request.setPreferredLocales(java.util.Arrays.stream(acceptLanguage.split(","))
                .map(tag -> Locale.forLanguageTag(tag.split(";")[0])).toList());
        if (cookie != null) {
            request.setCookies(new jakarta.servlet.http.Cookie(ConsoleLanguages.COOKIE, cookie));
        }
        return request;
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames("i18n/console");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    private static Properties load(String path) throws java.io.IOException {
        return PropertiesLoaderUtils.loadProperties(new EncodedResource(new ClassPathResource(path), StandardCharsets.UTF_8));
    }
}
