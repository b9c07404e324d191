package org.postbackbridge.platform.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/** The JSON body of every error answer: a stable code, a sentence, and the parameter at fault. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(boolean success, String error, String message, String parameter) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static ApiError of(String error, String message, String parameter) {
        return new ApiError(false, error, message, parameter);
    }

    /** Answers with this error, for code that runs before Spring MVC (filters of the access rules). */
    public void send(HttpServletResponse response, HttpStatus status) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        JSON.writeValue(response.getOutputStream(), this);
    }
}
