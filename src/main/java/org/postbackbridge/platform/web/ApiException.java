package org.postbackbridge.platform.web;

import org.springframework.http.HttpStatus;

/** Thrown by HTTP-facing code to answer with a given status and {@link ApiError}. */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String error;
    private final String parameter;

    public ApiException(HttpStatus status, String error, String message, String parameter) {
        super(message);
        this.status = status;
        this.error = error;
        this.parameter = parameter;
    }

    public HttpStatus status() {
        return status;
    }

    public ApiError body() {
        return ApiError.of(error, getMessage(), parameter);
    }
}
