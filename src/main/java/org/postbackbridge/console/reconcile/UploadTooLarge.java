package org.postbackbridge.console.reconcile;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.postbackbridge.console.ConsoleText;
import org.postbackbridge.intake.PostbackProperties;
import org.postbackbridge.platform.web.ApiError;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A file over the upload limit is refused before any controller runs (Spring reads the multipart
 * body first), so this is where the operator's upload gets its page saying so instead of JSON.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadTooLarge {

    private final PostbackProperties properties;
    private final ConsoleText text;

    UploadTooLarge(PostbackProperties properties, ConsoleText text) {
        this.properties = properties;
        this.text = text;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object tooLarge(HttpServletRequest request, HttpServletResponse response) {
        if (!request.getServletPath().startsWith("/admin/reconcile")) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                    .body(ApiError.of("upload_too_large", "the upload is larger than this endpoint takes", null));
        }
        ModelAndView page = new ModelAndView("admin/reconcile", HttpStatus.CONTENT_TOO_LARGE);
        page.addObject("networks", properties.networks().keySet());
        page.addObject("error", text.message("reconcile.error.tooLarge"));
        return page;
    }
}
