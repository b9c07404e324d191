package org.postbackbridge.intake;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How one partner program speaks: its parameter names, its event names, and how it proves a
 * postback is its own. Configuration, not code: a second network is a few lines of YAML.
 *
 * @param eventAliases  the network's event name → our canonical event name
 * @param token         shared secret every postback must carry in {@code tokenParameter}; empty = off
 * @param secretKey     HMAC-SHA256 key; when set a valid {@code signature} is required; empty = off
 * @param ipAllowlist   CIDRs postbacks may come from; empty = any
 */
public record NetworkProfile(
        @DefaultValue("") String displayName,
        @DefaultValue ParameterNames parameters,
        Map<String, String> eventAliases,
        @DefaultValue("") String token,
        @DefaultValue("token") String tokenParameter,
        @DefaultValue("") String secretKey,
        @DefaultValue("signature") String signatureParameter,
        @DefaultValue("") List<String> ipAllowlist,
        @DefaultValue("RUB") String defaultCurrency) {

    /** Names of the parameters this network uses for each field we read. */
    public record ParameterNames(
            @DefaultValue("event") String event,
            @DefaultValue("user_id") String playerId,
            @DefaultValue("amount") String amount,
            @DefaultValue("currency") String currency,
            @DefaultValue("transaction_id") String transactionId,
            @DefaultValue("event_id") String eventId,
            @DefaultValue("date") String date,
            @DefaultValue("sub1") String clickId) {
    }

    public boolean requiresToken() {
        return !token.isBlank();
    }

    public boolean requiresSignature() {
        return !secretKey.isBlank();
    }
}
