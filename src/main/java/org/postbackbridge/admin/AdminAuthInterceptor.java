package org.postbackbridge.admin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.postbackbridge.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/** Lets through only requests carrying {@code Authorization: Bearer <admin token>}. */
@Component
class AdminAuthInterceptor implements HandlerInterceptor {

    private final AdminAttempts attempts;

    AdminAuthInterceptor(AdminAttempts attempts) {
        this.attempts = attempts;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        AdminAttempts.Verdict verdict = attempts.check(AdminToken.bearer(request), request.getRemoteAddr());
        if (verdict == AdminAttempts.Verdict.TOO_MANY_WRONG_TOKENS) {
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, AdminAttempts.TOO_MANY_WRONG_TOKENS_ERROR,
                    AdminAttempts.TOO_MANY_WRONG_TOKENS_MESSAGE, null);
        }
        if (verdict == AdminAttempts.Verdict.REFUSED) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "admin_token_required",
                    "send 'Authorization: Bearer <token>' with the admin token: the ADMIN_TOKEN variable, or, when it "
                            + "is not set, the token generated at first start and printed once in the service log",
                    null);
        }
        return true;
    }
}
