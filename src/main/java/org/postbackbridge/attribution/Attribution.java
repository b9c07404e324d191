package org.postbackbridge.attribution;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
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
    private final Clock clock;

    Attribution(PlayerLinks links, UserRepository users, AttributionProperties properties,
                ApplicationEventPublisher events, ClaimLog claims, Clock clock) {
        this.links = links;
        this.users = users;
        this.properties = properties;
        this.events = events;
        this.claims = claims;
        this.clock = clock;
    }

    /** The user this player is linked to on this network, if any. */
    public Optional<BotUser> linkedUser(String network, String playerId) {
        return users.findByTelegramIdIn(PlayerLinks.linkedTelegramId("?", "?"), network, playerId);
    }

    /** Every player linked at or after {@code since}, by any instance, oldest first. */
    public List<PlayerLinked> linkedSince(Instant since) {
        return links.linkedSince(since);
    }

    /**
     * For a player nobody was linked to when the caller looked: the user whose click token is in
     * {@code clickId} (or whose Telegram ID is, when allowed), linked to the player now; otherwise,
     * for a {@code registration} without a sub1, the user whose claim of this player waits for it.
     * A registration whose sub1 is not ours came through another link: no claim takes it.
     */
    public Optional<Match> linkNewPlayer(String network, String playerId, String clickId, boolean registration) {
        Optional<Candidate> candidate = userFromClickId(clickId);
        if (candidate.isEmpty() && registration && (clickId == null || clickId.isBlank())) {
            candidate = pendingClaimant(network, playerId);
        }
        if (candidate.isEmpty()) {
            return Optional.empty();
        }
        if (link(network, playerId, candidate.get().user().telegramId(), candidate.get().method())) {
            if (candidate.get().claimId() != null) {
                claims.move(candidate.get().claimId(), ClaimStatus.PENDING, ClaimStatus.LINKED,
                        "the registration arrived within " + Claims.REGISTRATION_GRACE.toMinutes() + " minutes of the claim");
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
        applyStored(network, playerId, telegramId);
        return true;
    }

    /** Lets the postback side apply what was stored as unmatched for a player just linked. */
    void applyStored(String network, String playerId, long telegramId) {
        events.publishEvent(new PlayerLinked(network, playerId, telegramId));
    }

    /**
     * Takes the player from the user (a contest, an undone test) without undoing anything else;
     * postbacks that arrive for the player afterwards are stored as unmatched.
     */
    public void unlink(String network, String playerId, long telegramId) {
        if (links.remove(network, playerId) && network.equals(properties.defaultNetwork())) {
            users.updateUserCasinoId(telegramId, null);
        }
    }

    /**
     * Undoes what the player's postbacks did for a user who turned out not to be its owner: they
     * wait again as unmatched, for the user an operator gives the player to.
     */
    void revokeEffects(String network, String playerId, long telegramId) {
        events.publishEvent(new PlayerEffectsRevoked(network, playerId, telegramId));
    }

    /** Links them unless either side is already linked on this network; true if linked now. */
    boolean link(String network, String playerId, long telegramId, LinkMethod method) {
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

    /**
     * The pending claim of this player, made at most {@link Claims#REGISTRATION_GRACE} ago by a user
     * not linked to another player meanwhile. Older pending claims expire here: a claim placed on a
     * guessed next ID must not wait for it forever.
     */
    private Optional<Candidate> pendingClaimant(String network, String playerId) {
        Instant oldest = clock.instant().minus(Claims.REGISTRATION_GRACE);
        for (Claim claim : claims.ofPlayer(network, playerId, ClaimStatus.PENDING)) {
            if (claim.createdAt().isBefore(oldest)) {
                claims.move(claim.id(), ClaimStatus.PENDING, ClaimStatus.EXPIRED, "the registration arrived more than "
                        + Claims.REGISTRATION_GRACE.toMinutes() + " minutes after the claim");
            } else if (links.playerIdOf(network, claim.telegramId()).isPresent()) {
                claims.move(claim.id(), ClaimStatus.PENDING, ClaimStatus.REFUSED,
                        "the user was linked to another player meanwhile");
            } else {
                return users.findById(claim.telegramId()).map(user -> new Candidate(user, LinkMethod.CLAIM, claim.id()));
            }
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
