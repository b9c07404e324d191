package org.postbackbridge.console.auth;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;

/**
 * Reads a console form's token. A multipart body over the upload limit cannot be read, so neither
 * can its token: such a request is let on to Spring MVC, whose upload check refuses it before any
 * controller runs (nothing changes) with the page naming the limit, instead of a bare "forbidden".
 */
class ConsoleFormTokenReader extends CsrfTokenRequestAttributeHandler {

    @Override
    public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken csrfToken) {
        try {
            return super.resolveCsrfTokenValue(request, csrfToken);
        } catch (InvalidParameterException e) {
            if (e.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value()) {
                return csrfToken.getToken();
            }
            throw e;
        }
    }
}
