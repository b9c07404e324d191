package org.postbackbridge.platform.web;

import org.postbackbridge.platform.database.StorageUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.TransactionException;
import org.springframework.util.ClassUtils;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one place exceptions become HTTP answers. A storage failure is 503, so a partner program
 * retries later instead of believing the postback was taken.
 */
@RestControllerAdvice
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ApiError> api(ApiException e) {
        return ResponseEntity.status(e.status()).body(e.body());
    }

    @ExceptionHandler({StorageUnavailableException.class, DataAccessException.class, TransactionException.class})
    ResponseEntity<ApiError> storage(Exception e) {
        log.warn("Storage unavailable: {}", e.toString());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(ApiError.of("storage_unavailable",
                "the database could not store this request; nothing was changed, retry later", null));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ApiError> notFound(NoResourceFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ApiError.of("not_found", "no such endpoint", null));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e) {
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
                .body(ApiError.of("method_not_allowed", e.getMethod() + " is not supported here", null));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e) {
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(ApiError.of("unsupported_media_type",
                "send parameters in the query string, a form, or a JSON object", null));
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ApiError> multipart(MultipartException e) {
        return ResponseEntity.badRequest().body(ApiError.of("invalid_body", "the multipart body could not be read", null));
    }

    /** A parameter that does not read as its type ({@code ?page=abc}): 400, naming it. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> typeMismatch(MethodArgumentTypeMismatchException e) {
        return unreadable(e.getName(), e.getValue(), e.getRequiredType());
    }

    /** The same for a parameter bound into a filter or form object. */
    @ExceptionHandler(BindException.class)
    ResponseEntity<ApiError> bind(BindException e) {
        FieldError field = e.getFieldError();
        if (field == null) {
            return ResponseEntity.badRequest().body(ApiError.of("invalid_parameter", "the parameters do not read", null));
        }
        return unreadable(field.getField(), field.getRejectedValue(), e.getFieldType(field.getField()));
    }

    private static ResponseEntity<ApiError> unreadable(String parameter, Object value, Class<?> type) {
        String text = String.valueOf(value);
        String shown = text.length() > 20 ? text.substring(0, 20) + "…" : text;
        Class<?> boxed = type == null ? Object.class : ClassUtils.resolvePrimitiveIfNecessary(type);
        String expected = Number.class.isAssignableFrom(boxed) ? "a number"
                : boxed == Boolean.class ? "true or false" : "a valid value";
        return ResponseEntity.badRequest().body(ApiError.of("invalid_parameter",
                "'" + parameter + "' must be " + expected + ", not '" + shown + "'", parameter));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e) {
        log.error("Unexpected error", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(ApiError.of("internal_error", "unexpected error; the operator's log has the details", null));
    }
}
