package org.postbackbridge.webhooks;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Which URLs may receive webhooks: https, or http to a loopback address written as such (a receiver on
 * the same machine, as in tests); no credentials in the URL; and, unless {@code WEBHOOKS_ALLOW_PRIVATE},
 * no host that resolves to a private, link-local, unique-local, shared (CGNAT), multicast or
 * unspecified address, so a console user cannot make the service call into its own network. Checked
 * when an endpoint is saved and again before each attempt, since a name may resolve elsewhere later.
 */
@Component
class EndpointUrlPolicy {

    /** Resolves a host name; a test may stand in for DNS. */
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]", "::1");
    private static final int MAX_LENGTH = 2000;

    private final boolean allowPrivate;
    private final Resolver resolver;

    @Autowired
    EndpointUrlPolicy(WebhookProperties properties) {
        this(properties.allowPrivate(), InetAddress::getAllByName);
    }

    EndpointUrlPolicy(boolean allowPrivate, Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    /** What is wrong with {@code url} as written (scheme, host, credentials), without resolving it. */
    Optional<String> problemWithForm(String url) {
        if (url == null || url.isBlank()) {
            return Optional.of("Give the endpoint's URL, e.g. https://bot.example.com/webhooks/postback-bridge.");
        }
        if (url.length() > MAX_LENGTH) {
            return Optional.of("The URL is longer than " + MAX_LENGTH + " characters.");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            return Optional.of("That is not a URL: " + e.getReason() + ".");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            return Optional.of("The URL must be absolute and start with https://.");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("Leave credentials out of the URL: the signature authenticates each message.");
        }
        if (scheme.equals("http") && !isLoopbackName(uri.getHost())) {
            return Optional.of("The URL must use https (plain http only to localhost or 127.0.0.1, for tests).");
        }
        return Optional.empty();
    }

    /** {@link #problemWithForm} and then where the host resolves to; empty when the URL may be called. */
    Optional<String> problem(String url) {
        Optional<String> form = problemWithForm(url);
        if (form.isPresent()) {
            return form;
        }
        String host = URI.create(url.strip()).getHost();
        if (isLoopbackName(host)) {
            return Optional.empty();
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            return Optional.of("The host " + host + " does not resolve.");
        }
        for (InetAddress address : addresses) {
            if (!allowPrivate && isInternal(address)) {
                return Optional.of("The host " + host + " resolves to " + address.getHostAddress()
                        + ", an internal address; endpoints there are refused unless WEBHOOKS_ALLOW_PRIVATE=true.");
            }
        }
        return Optional.empty();
    }

    private static boolean isLoopbackName(String host) {
        return LOOPBACK_NAMES.contains(host.toLowerCase(Locale.ROOT));
    }

    /** Anything but a public unicast address; loopback counts too unless the URL names it as such. */
    static boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (bytes.length == 4) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            return first == 0 || (first == 100 && second >= 64 && second < 128) // shared address space (CGNAT)
                    || (first == 192 && second == 0 && (bytes[2] & 0xff) == 0) // IETF protocol assignments
                    || first >= 240; // reserved and broadcast
        }
        return (bytes[0] & 0xfe) == 0xfc; // unique-local fc00::/7
    }
}
