package org.postbackbridge.attribution;

import java.util.Optional;
import org.postbackbridge.users.BotUser;
import org.postbackbridge.users.UserRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/** Finds the Telegram user a postback is about, linking the player on first sight of a click token. */
@Service
public class Attribution {

    /** Who the postback belongs to; {@code newlyLinked} when this postback created the link. */
    public record Match(BotUser user, boolean newlyLinked) {
    }

    private final PlayerLinks links;
    private final UserRepository users;
    private final AttributionProperties properties;
    private final ApplicationEventPublisher events;
    private final ClaimLog claims;

    Attribution(PlayerLinks links, UserRepository users, AttributionProperties properties,
                ApplicationEventPublisher events, ClaimLog claims) {
        this.links = links;
        this.users = users;
        this.properties = properties;
        this.events = events;
        this.claims = claims;
    }

    /** The user this player is linked to on this network, if any. */
    public Optional<BotUser> linkedUser(String network, String playerId) {
        return users.findByPlayer(network, playerId);
    }

    /**
     * For a player nobody was linked to when the caller looked: the user whose click token is in
     * {@code clickId} (or whose Telegram ID is, when allowed), linked to the player now; otherwise,
     * for a {@code registration}, the user who claimed this player first, whose claim it confirms.
     */
    public Optional<Match> linkNewPlayer(String network, String playerId, String clickId, boolean registration) {
        Optional<Candidate> candidate = userFromClickId(clickId);
        if (candidate.isEmpty() && registration) {
            candidate = pendingClaimant(network, playerId);
        }
        if (candidate.isEmpty()) {
            return Optional.empty();
        }
        if (link(network, playerId, candidate.get().user().telegramId(), candidate.get().method())) {
            if (candidate.get().claimId() != null) {
                claims.finish(candidate.get().claimId(), ClaimLog.LINKED);
            }
            return users.findById(candidate.get().user().telegramId()).map(user -> new Match(user, true));
        }
        // Another instance may have linked this player a moment ago: the link, not the token, decides.
        return linkedUser(network, playerId).map(user -> new Match(user, false));
    }

    /**
     * Links a player to a user outside the postback flow (a verified claim, the operator) and lets
     * the postback side apply what was stored as unmatched for that player. False if either side
     * is already linked on this network.
     */
    public boolean linkAndApplyStored(String network, String playerId, long telegramId, LinkMethod method) {
        if (!link(network, playerId, telegramId, method)) {
            return false;
        }
        events.publishEvent(new PlayerLinked(network, playerId, telegramId));
        return true;
    }

    private boolean link(String network, String playerId, long telegramId, LinkMethod method) {
        if (!links.insert(network, playerId, telegramId, method)) {
            return false;
        }
        if (network.equals(properties.defaultNetwork())) {
            users.updateUserCasinoId(telegramId, playerId);
        }
        return true;
    }

    /** A user to link the player to; {@code claimId} when a pending claim put them forward. */
    private record Candidate(BotUser user, LinkMethod method, Long claimId) {
    }

    /** The oldest pending claim of this player by a user not linked to another player meanwhile. */
    private Optional<Candidate> pendingClaimant(String network, String playerId) {
        for (ClaimLog.PendingClaim claim : claims.pendingFor(network, playerId)) {
            if (links.playerIdOf(network, claim.telegramId()).isEmpty()) {
                return users.findById(claim.telegramId()).map(user -> new Candidate(user, LinkMethod.CLAIM, claim.id()));
            }
            claims.finish(claim.id(), ClaimLog.REFUSED);
        }
        return Optional.empty();
    }

    private Optional<Candidate> userFromClickId(String clickId) {
        if (clickId == null || clickId.isBlank()) {
            return Optional.empty();
        }
        Optional<Candidate> byToken = users.findByClickToken(clickId)
                .map(user -> new Candidate(user, LinkMethod.CLICK_TOKEN, null));
        if (byToken.isPresent() || !properties.acceptTelegramIdInSub1() || !clickId.matches("\\d{1,18}")) {
            return byToken;
        }
        return users.findById(Long.parseLong(clickId)).map(user -> new Candidate(user, LinkMethod.TELEGRAM_ID, null));
    }
}
