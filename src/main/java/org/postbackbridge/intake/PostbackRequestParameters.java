package org.postbackbridge.intake;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.postbackbridge.platform.secrets.Secrets;
import org.postbackbridge.platform.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Collects a postback's parameters from the query string, a form body, or a flat JSON object
 * body, keeping every value a name was sent with (so a repeated parameter can be refused).
 */
public final class PostbackRequestParameters {

    static final int MAX_BODY_BYTES = 16 * 1024;

    private PostbackRequestParameters() {
    }

    public static Map<String, List<String>> read(HttpServletRequest request, JsonMapper json) {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            // Refused unread: a postback is a few hundred bytes, and reading megabytes helps no one.
            throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "body_too_large",
                    "the body may be at most " + MAX_BODY_BYTES + " bytes", null);
        }
        Map<String, List<String>> params = new LinkedHashMap<>();
        // Query string and form body; the servlet container merges both.
        Map<String, String[]> containerParams;
        try {
            containerParams = request.getParameterMap();
        } catch (InvalidParameterException e) {
            throw e.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value()
                    ? new ApiException(HttpStatus.CONTENT_TOO_LARGE, "body_too_large", "the form body is too large", null)
                    : new ApiException(HttpStatus.BAD_REQUEST, "invalid_encoding",
                            "the parameters are not valid percent-encoded UTF-8", null);
        }
        containerParams.forEach((name, values) -> params.put(name, new ArrayList<>(Arrays.asList(values))));
        if (isJson(request)) {
            readJsonBody(request, json).forEach((name, value) -> params.computeIfAbsent(name, n -> new ArrayList<>()).add(value));
        }
        return params;
    }

    /** First value of each parameter: what authentication signs and what is stored. */
    public static Map<String, String> firstValues(Map<String, List<String>> params) {
        Map<String, String> first = new LinkedHashMap<>();
        params.forEach((name, values) -> first.put(name, values.isEmpty() ? "" : values.getFirst()));
        return first;
    }

    private static boolean isJson(HttpServletRequest request) {
        String contentType = request.getContentType();
        if (contentType == null) {
            return false;
        }
        try {
            return MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(contentType));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Map<String, String> readJsonBody(HttpServletRequest request, JsonMapper json) {
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        } catch (IOException e) {
            throw badBody("the request body could not be read");
        }
        if (body.length > MAX_BODY_BYTES) {
            throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "body_too_large",
                    "the body may be at most " + MAX_BODY_BYTES + " bytes", null);
        }
        if (body.length == 0) {
            return Map.of();
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException e) {
            throw badBody("the body is not valid JSON");
        }
        if (!root.isObject()) {
            throw badBody("the JSON body must be an object of parameter names to values");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            JsonNode value = field.getValue();
            if (value.isContainer()) {
                throw new ApiException(HttpStatus.BAD_REQUEST, "invalid_body",
                        "'" + field.getKey() + "' must be a string or a number", field.getKey());
            }
            values.put(field.getKey(), value.isNull() ? "" : value.asString());
        }
        return values;
    }

    private static ApiException badBody(String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, "invalid_body", message, null);
    }

    /** The parameters as stored and shown: the token and the signature never leave the request. */
    public static Map<String, String> masked(Map<String, String> params, NetworkProfile profile) {
        Map<String, String> masked = new LinkedHashMap<>(params);
        masked.computeIfPresent(profile.tokenParameter(), (k, v) -> Secrets.MASK);
        masked.computeIfPresent(profile.signatureParameter(), (k, v) -> Secrets.MASK);
        return masked;
    }
}
