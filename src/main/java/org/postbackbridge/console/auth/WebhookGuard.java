package org.postbackbridge.console.auth;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.postbackbridge.telegram.TelegramProperties;
import org.postbackbridge.platform.secrets.Secrets;
import org.postbackbridge.platform.web.ApiError;
import org.postbackbridge.platform.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /telegram/webhook} is open to the internet, so it is checked before any of the body is
 * read: the secret header Telegram was given, then the declared length. A body without a length is
 * cut off at the limit while it is read.
 */
class WebhookGuard extends OncePerRequestFilter {

    static final String PATH = "/telegram/webhook";
    /** Telegram's updates are a few kilobytes; a message with every entity fits many times over. */
    static final long MAX_BODY_BYTES = 1024 * 1024;

    private final TelegramProperties telegram;

    WebhookGuard(TelegramProperties telegram) {
        this.telegram = telegram;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !PATH.equals(request.getServletPath());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader("X-Telegram-Bot-Api-Secret-Token");
        if (telegram.dryRun() || given == null || !Secrets.constantTimeEquals(telegram.webhookSecret(), given)) {
            ApiError.of("invalid_webhook_secret", "X-Telegram-Bot-Api-Secret-Token is missing or wrong", null)
                    .send(response, HttpStatus.UNAUTHORIZED);
            return;
        }
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            tooLarge().body().send(response, HttpStatus.CONTENT_TOO_LARGE);
            return;
        }
        chain.doFilter(new LimitedBody(request), response);
    }

    private static ApiException tooLarge() {
        return new ApiException(HttpStatus.CONTENT_TOO_LARGE, "update_too_large",
                "a Telegram update is at most " + MAX_BODY_BYTES + " bytes", null);
    }

    /** The request, whose body fails with 413 once more than the limit has been read. */
    private static final class LimitedBody extends HttpServletRequestWrapper {

        LimitedBody(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream body = super.getInputStream();
            return new ServletInputStream() {
                private long read;

                @Override
                public int read() throws IOException {
                    int b = body.read();
                    count(b < 0 ? 0 : 1);
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = body.read(buffer, offset, length);
                    count(Math.max(n, 0));
                    return n;
                }

                private void count(int bytes) {
                    read += bytes;
                    if (read > MAX_BODY_BYTES) {
                        throw tooLarge();
                    }
                }

                @Override
                public boolean isFinished() {
                    return body.isFinished();
                }

                @Override
                public boolean isReady() {
                    return body.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    body.setReadListener(listener);
                }
            };
        }
    }
}
