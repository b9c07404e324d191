package org.postbackbridge.console.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.postbackbridge.testsupport.ConsoleClient;
import org.postbackbridge.testsupport.Http;
import org.postbackbridge.testsupport.IntegrationTest;
import org.postbackbridge.testsupport.PostbackTestBase;

/**
 * The access rules from outside, over raw HTTP so that no client tidies the path up first: every
 * spelling of a protected path is refused without credentials, the console's pages carry their
 * security headers and no inline script, signing out ends the sign-in on the server, and the cookie
 * is Secure when a proxy says the browser used HTTPS.
 */
@IntegrationTest
class AccessRulesTest extends PostbackTestBase {

    /** Each protected path with the method it answers and a text only a successful answer contains. */
    static final Map<String, String[]> PROTECTED = Map.of(
            "/actuator/prometheus", new String[] {"GET", "postback_bridge_"},
            "/api/stats", new String[] {"GET", "total_users"},
            "/postback/test", new String[] {"POST", "\"success\":true"},
            "/admin/users", new String[] {"GET", "id=\"users\""});

    @Test
    void everySpellingOfAProtectedPathIsRefusedWithoutCredentials() {
        List<String> opened = new ArrayList<>();
        int tried = 0;
        for (Map.Entry<String, String[]> entry : PROTECTED.entrySet()) {
            String method = entry.getValue()[0];
            String marker = entry.getValue()[1];
            List<String> variants = variants(entry.getKey());
            assertThat(variants).hasSizeGreaterThanOrEqualTo(10);
            for (String path : variants) {
                Http.Response response = http.raw(method + " " + path + "?event=registration&user_id=enc1 HTTP/1.0\r\n"
                        + "Host: localhost\r\nContent-Length: 0\r\n\r\n");
                tried++;
                boolean refused = response.status() == 400 || response.status() == 401 || response.status() == 404
                        || (response.status() == 302 && path.contains("dmin"));
                if (!refused || response.body().contains(marker)) {
                    opened.add(method + " " + path + " -> " + response.status());
                }
            }
            // The same request with the credentials does get through, so a leak would have shown.
            assertThat(authorised(method, entry.getKey()).body()).as(entry.getKey()).contains(marker);
        }

        Http.Response refused = http.raw("GET /actuator;a=b/prometheus HTTP/1.0\r\nHost: localhost\r\n\r\n");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("error").asString()).isEqualTo("invalid_path");
        // Postbacks pass no security filter, but the firewall still reads their path first.
        for (String path : List.of("/postback;a=b/1win", "/postback/%2e%2e/admin/users", "/postback//1win")) {
            Http.Response postback = http.raw("GET " + path + "?event=registration&user_id=enc2 HTTP/1.0\r\n"
                    + "Host: localhost\r\n\r\n");
            assertThat(postback.status()).as(path).isEqualTo(400);
            assertThat(postback.json().get("error").asString()).as(path).isEqualTo("invalid_path");
        }
        assertThat(tried).isGreaterThanOrEqualTo(40);
        assertThat(opened).as("spellings that got past the access rules").isEmpty();
    }

    @Test
    void consolePagesCarryTheSecurityHeadersAndNoInlineScriptOrStyle() throws Exception {
        ConsoleClient console = new ConsoleClient(port);
        console.signIn(Http.ADMIN_TOKEN);
        HttpClient client = HttpClient.newHttpClient();
        for (String page : List.of("/admin", "/admin/postbacks", "/admin/outbox", "/admin/users", "/admin/events",
                "/admin/tester", "/admin/reconcile", "/admin/login")) {
            String body = console.get(page).body();
            assertThat(body).as(page).doesNotContainPattern(Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>"))
                    .doesNotContainPattern(Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE))
                    .doesNotContainPattern(Pattern.compile("\\sstyle\\s*=", Pattern.CASE_INSENSITIVE));
        }

        HttpResponse<String> login = client.send(HttpRequest.newBuilder(uri("/admin/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        String csp = login.headers().firstValue("Content-Security-Policy").orElse("");
        assertThat(csp).contains("script-src 'self'", "style-src 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline");
        assertThat(login.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(login.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(client.send(HttpRequest.newBuilder(uri("/admin/console.js")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }

    @Test
    void aCookieStopsWorkingOnceItsBrowserSignedOut() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        String cookie = signIn(client, null);
        assertThat(page(client, "/admin/users", cookie).body()).contains("id=\"users\"");
        String csrf = Pattern.compile("name=\"_csrf\" value=\"([0-9a-f]+)\"")
                .matcher(page(client, "/admin/users", cookie).body()).results().findFirst().orElseThrow().group(1);

        HttpResponse<String> logout = client.send(HttpRequest.newBuilder(uri("/admin/logout"))
                .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrf)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(logout.statusCode()).isEqualTo(302);
        HttpResponse<String> replayed = page(client, "/admin/users", cookie);
        assertThat(replayed.statusCode()).isEqualTo(302);
        assertThat(replayed.headers().firstValue("Location").orElse("")).endsWith("/admin/login");
        assertThat(replayed.body()).doesNotContain("id=\"users\"");
    }

    @Test
    void theCookieIsSecureWhenTheProxySaysTheBrowserUsedHttps() throws Exception {
        HttpClient client = HttpClient.newHttpClient();

        assertThat(setCookie(client, "https")).contains("Secure", "HttpOnly", "SameSite=Strict");
        assertThat(setCookie(client, null)).doesNotContain("Secure").contains("HttpOnly");
    }

    private String setCookie(HttpClient client, String forwardedProto) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/admin/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + Http.ADMIN_TOKEN));
        if (forwardedProto != null) {
            request.header("X-Forwarded-Proto", forwardedProto);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString()).headers()
                .firstValue("Set-Cookie").orElseThrow();
    }

    private String signIn(HttpClient client, String forwardedProto) throws Exception {
        String setCookie = setCookie(client, forwardedProto);
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private HttpResponse<String> page(HttpClient client, String path, String cookie) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private Http.Response authorised(String method, String path) {
        if (path.startsWith("/admin")) {
            ConsoleClient console = new ConsoleClient(port);
            console.signIn(Http.ADMIN_TOKEN);
            return console.get(path);
        }
        return http.asAdmin(method, path + "?event=registration&user_id=enc1");
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Spellings of a two-segment path {@code /a/b} that a lax rule could read as something else. */
    static List<String> variants(String path) {
        String[] segments = path.substring(1).split("/", 2);
        String a = segments[0];
        String b = segments[1];
        return List.of(
                "/" + a + "/" + percent(b.charAt(0)) + b.substring(1),
                "/" + a + "/" + b.substring(0, b.length() - 1) + percent(b.charAt(b.length() - 1)),
                "/" + percent(a.charAt(0)) + a.substring(1) + "/" + b,
                "/" + a + ";a=b/" + b,
                "/" + a + "/" + b + ";a=b",
                "/" + a + "//" + b,
                "//" + a + "/" + b,
                "/" + a + "/./" + b,
                "/x/../" + a + "/" + b,
                "/" + a + "%2F" + b,
                "/" + a + "%2f" + b,
                "/" + a + "/%2e/" + b,
                "/" + a + "/" + b + "/",
                "/" + a + "%5C" + b,
                "/" + a + "/" + b + "%00",
                "/" + a + "/%25" + Integer.toHexString(b.charAt(0)) + b.substring(1),
                "/" + a.toUpperCase() + "/" + b,
                "/" + a + "/" + b + "%20");
    }

    private static String percent(char c) {
        return "%" + Integer.toHexString(c);
    }
}
