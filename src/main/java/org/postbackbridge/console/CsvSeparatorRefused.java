package org.postbackbridge.console;

import org.postbackbridge.platform.web.ApiError;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A CSV download asked for a separator that is neither {@code semicolon} nor {@code comma}. Refused
 * before anything is written, so the answer is a plain error, not half a file.
 */
@ControllerAdvice(assignableTypes = {ExportController.class, SourcesController.class})
class CsvSeparatorRefused {

    @ExceptionHandler(CsvStyle.UnknownSeparator.class)
    ResponseEntity<ApiError> unknownSeparator(CsvStyle.UnknownSeparator e) {
        return ResponseEntity.badRequest().body(ApiError.of("invalid_separator", e.getMessage(), CsvStyle.PARAMETER));
    }
}
