package org.postbackbridge.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The JSON body of every error answer: a stable code, a sentence, and the parameter at fault. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(boolean success, String error, String message, String parameter) {

    public static ApiError of(String error, String message, String parameter) {
        return new ApiError(false, error, message, parameter);
    }
}
