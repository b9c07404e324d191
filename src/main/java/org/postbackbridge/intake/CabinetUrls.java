package org.postbackbridge.intake;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The postback URLs to paste into a partner program's cabinet, one per event: our address, the
 * event, each parameter we read with the cabinet's macro for it (always the transaction ID), and the
 * network's token if set.
 * Macros are written {@code {name}} after the parameter, as 1Win names them.
 */
@Component
public class CabinetUrls {

    public record CabinetUrl(String event, String url) {
    }

    private final PostbackProperties properties;

    CabinetUrls(PostbackProperties properties) {
        this.properties = properties;
    }

    /** The URLs for {@code network} at {@code baseUrl} (e.g. {@code https://example.com}); empty if unknown. */
    public List<CabinetUrl> of(String network, String baseUrl) {
        NetworkProfile profile = properties.networks().get(network);
        if (profile == null) {
            return List.of();
        }
        List<CabinetUrl> urls = new ArrayList<>();
        for (EventType type : EventType.values()) {
            urls.add(new CabinetUrl(type.canonicalName(), url(network, profile, type, baseUrl)));
        }
        return urls;
    }

    private static String url(String network, NetworkProfile profile, EventType type, String baseUrl) {
        NetworkProfile.ParameterNames names = profile.parameters();
        StringBuilder url = new StringBuilder(baseUrl).append("/postback/").append(network)
                .append('?').append(names.event()).append('=').append(alias(profile, type));
        macro(url, names.playerId());
        if (type.requiresAmount()) {
            macro(url, names.amount());
            macro(url, names.currency());
        }
        // Without it, two identical conversions count as one when they come within the dedupe window.
        macro(url, names.transactionId());
        if (type == EventType.REGISTRATION || type.isDeposit()) {
            macro(url, names.clickId());
        }
        macro(url, names.date());
        if (profile.requiresToken()) {
            url.append('&').append(profile.tokenParameter()).append('=')
                    .append(URLEncoder.encode(profile.token(), StandardCharsets.UTF_8));
        }
        return url.toString();
    }

    private static void macro(StringBuilder url, String parameter) {
        url.append('&').append(parameter).append("={").append(parameter).append('}');
    }

    /** The event's own name when the network accepts it, else the first alias it maps to it. */
    private static String alias(NetworkProfile profile, EventType type) {
        if (type.canonicalName().equals(profile.eventAliases().get(type.canonicalName()))) {
            return type.canonicalName();
        }
        return profile.eventAliases().entrySet().stream()
                .filter(alias -> alias.getValue().equals(type.canonicalName()))
                .map(Map.Entry::getKey).sorted().findFirst()
                .orElse(type.canonicalName());
    }
}
