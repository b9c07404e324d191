package org.postbackbridge.attribution;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.postbackbridge.texts.MessageKind;
import org.postbackbridge.outbox.Notifier;
import org.postbackbridge.users.UserRepository;
import org.springframework.stereotype.Service;

/**
 * An operator's decision on a claim that waits for one (from the console or a button in an
 * operator chat), recorded with who made it. Approving links the player with what waited for it
 * applied; the user hears the outcome either way. Runs inside the caller's transaction.
 */
@Service
public class ClaimDecisions {

    public enum Decision {
        APPROVED,
        REJECTED,
        /** Someone decided it already (another operator, another chat): nothing changed. */
        ALREADY_DECIDED,
        UNKNOWN_CLAIM,
        /** A click token or an operator linked the player meanwhile: nothing changed. */
        PLAYER_TAKEN,
        /** The claimant got another player meanwhile: nothing changed. */
        USER_HAS_ANOTHER_PLAYER
    }

    /** The decision and the claim it was about (empty for an unknown claim). */
    public record Outcome(Decision decision, Optional<Claim> claim) {
    }

    private final ClaimLog log;
    private final PlayerLinks links;
    private final Attribution attribution;
    private final UserRepository users;
    private final Notifier notifier;

    ClaimDecisions(ClaimLog log, PlayerLinks links, Attribution attribution, UserRepository users, Notifier notifier) {
        this.log = log;
        this.links = links;
        this.attribution = attribution;
        this.users = users;
        this.notifier = notifier;
    }

    /**
     * Gives the player to this claim's user. Other open claims of the player are rejected, and what
     * the player's postbacks did for a user who held it through a claim is undone first, so that
     * those postbacks count for the owner.
     */
    public Outcome approve(long claimId, String operator) {
        Optional<Claim> found = log.find(claimId);
        if (found.isEmpty()) {
            return new Outcome(Decision.UNKNOWN_CLAIM, found);
        }
        Claim claim = found.get();
        if (!claim.status().open()) {
            return new Outcome(Decision.ALREADY_DECIDED, found);
        }
        if (links.linkOf(claim.network(), claim.playerId()).isPresent()) {
            return new Outcome(Decision.PLAYER_TAKEN, found);
        }
        if (links.playerIdOf(claim.network(), claim.telegramId()).isPresent()) {
            return new Outcome(Decision.USER_HAS_ANOTHER_PLAYER, found);
        }
        if (!log.decide(claimId, ClaimStatus.LINKED, "approved by an operator", operator)) {
            return new Outcome(Decision.ALREADY_DECIDED, found);
        }
        for (Claim other : log.ofPlayer(claim.network(), claim.playerId(), ClaimStatus.AWAITING_APPROVAL, ClaimStatus.CONTESTED)) {
            if (log.decide(other.id(), ClaimStatus.REFUSED, "an operator gave the player to another user", operator)) {
                refused(other);
            }
        }
        attribution.linkAndApplyStored(claim.network(), claim.playerId(), claim.telegramId(), LinkMethod.OPERATOR);
        return new Outcome(Decision.APPROVED, found);
    }

    public Outcome reject(long claimId, String operator) {
        Optional<Claim> found = log.find(claimId);
        if (found.isEmpty()) {
            return new Outcome(Decision.UNKNOWN_CLAIM, found);
        }
        if (!log.decide(claimId, ClaimStatus.REFUSED, "rejected by an operator", operator)) {
            return new Outcome(Decision.ALREADY_DECIDED, found);
        }
        refused(found.get());
        return new Outcome(Decision.REJECTED, found);
    }

    /** Open claims, oldest first, for the console. */
    public List<Claim> open() {
        return log.open();
    }

    /** The newest claims, decided or not, for the console's record. */
    public List<Claim> latest(int limit) {
        return latest(0, limit);
    }

    /** Newest first, {@code limit} of them after the {@code offset} newest. */
    public List<Claim> latest(int offset, int limit) {
        return log.latest(offset, limit);
    }

    /** Every claim ever placed. */
    public long count() {
        return log.count();
    }

    private void refused(Claim claim) {
        attribution.revokeEffects(claim.network(), claim.playerId(), claim.telegramId());
        users.findById(claim.telegramId()).ifPresent(user -> notifier.toUser(user, MessageKind.CLAIM_REJECTED,
                Map.of("player_id", claim.playerId()), "claim:" + claim.id() + ":refused"));
    }
}
