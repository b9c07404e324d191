package org.postbackbridge.console;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A console page asked for with a filter it does not know: 400, and a page that says which and why. */
@ControllerAdvice(basePackages = "org.postbackbridge.console")
@Order(Ordered.HIGHEST_PRECEDENCE)
class BadFilterPage {

    private final MessageSource messages;

    BadFilterPage(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(BadFilter.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String badFilter(BadFilter problem, HttpServletRequest request, Model model) {
        model.addAttribute("problem", messages.getMessage(problem.messageKey(), problem.arguments(),
                LocaleContextHolder.getLocale()));
        model.addAttribute("back", request.getRequestURI());
        return "admin/bad-filter";
    }
}
