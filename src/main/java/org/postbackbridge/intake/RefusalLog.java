package org.postbackbridge.intake;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.postbackbridge.attribution.AttributionProperties;
import org.postbackbridge.platform.database.GroupCommit;
import org.postbackbridge.platform.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Refused requests, recorded for the operator to see; nothing else changes. One that did not prove
 * where it came from could come from anyone, so how many of those a source gets recorded is limited.
 */
@Component
class RefusalLog {

    private static final Logger log = LoggerFactory.getLogger(RefusalLog.class);

    private final GroupCommit groupCommit;
    private final PostbackInbox inbox;
    private final RefusedRequestBudget budget;
    private final PostbackProperties properties;
    private final AttributionProperties attribution;

    RefusalLog(GroupCommit groupCommit, PostbackInbox inbox, RefusedRequestBudget budget,
               PostbackProperties properties, AttributionProperties attribution) {
        this.groupCommit = groupCommit;
        this.inbox = inbox;
        this.budget = budget;
        this.properties = properties;
        this.attribution = attribution;
    }

    /** Records the refusal if the sender proved who it is or its source is within its budget; never throws. */
    void refused(String network, PostbackParser.Identity identity, Map<String, String> stored, String source,
                 Rejection rejection, boolean senderProven) {
        if (senderProven || budget.tryRecord(source)) {
            try {
                record(network, identity, stored, source, rejection);
            } catch (RuntimeException e) {
                // The answer is about the request, not about our log of it: still refuse it.
                log.warn("Could not record a rejected postback: {}", e.toString());
            }
        }
    }

    /**
     * A request for a network we do not have (often a typo in the cabinet's URL), its parameters
     * masked as any of our networks would mask them, with the event and player as the default
     * network would read them.
     */
    void refusedUnknownNetwork(String network, Supplier<Map<String, List<String>>> parameters, String source,
                               Rejection rejection) {
        Map<String, String> stored;
        try {
            stored = PostbackRequestParameters.firstValues(parameters.get());
            for (NetworkProfile profile : properties.networks().values()) {
                stored = PostbackRequestParameters.masked(stored, profile);
            }
        } catch (ApiException unreadable) {
            stored = Map.of();
        }
        NetworkProfile usual = properties.networks().get(attribution.defaultNetwork());
        PostbackParser.Identity identity = usual == null ? new PostbackParser.Identity(null, null)
                : PostbackParser.identify(usual, stored);
        refused(network, identity, stored, source, rejection, false);
    }

    /** Records the refusal in its own transaction. */
    void record(String network, PostbackParser.Identity identity, Map<String, String> stored, String source,
                Rejection rejection) {
        groupCommit.execute(() -> {
            inbox.storeRejected(network, identity, stored, source, rejection);
            return null;
        });
    }
}
