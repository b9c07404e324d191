package org.postbackbridge.console;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponents;

/**
 * The EN/RU switch of every console page: each language links to the page being read, with its
 * filters, in that language. A page shown in answer to a form links to the page the form is on.
 */
@ControllerAdvice(basePackages = "org.postbackbridge.console")
class LanguageSwitch {

    /** A language of the switch; {@code current}: the page is in it. */
    record Choice(String tag, String url, boolean current) {
    }

    @ModelAttribute("languages")
    List<Choice> languages(HttpServletRequest request, Locale locale) {
        return ConsoleLanguages.TAGS.stream()
                .map(tag -> new Choice(tag, link(request, tag), tag.equals(locale.getLanguage())))
                .toList();
    }

    private static String link(HttpServletRequest request, String tag) {
        ServletUriComponentsBuilder current = ServletUriComponentsBuilder.fromCurrentRequest();
        if (!"GET".equals(request.getMethod())) {
            current.replaceQuery(null);
        }
        UriComponents uri = current.replaceQueryParam(ConsoleLanguages.PARAMETER, tag).build();
        return uri.getPath() + "?" + uri.getQuery();
    }
}
