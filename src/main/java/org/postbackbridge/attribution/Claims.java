package org.postbackbridge.attribution;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.postbackbridge.attribution.UnlinkedRegistrations.Registration;
import org.postbackbridge.platform.database.TransactionLocks;
import org.springframework.stereotype.Service;

/**
 * A user typed a player ID to say "that account is mine". 1Win's player IDs are sequential, so
 * guessing one is cheap: the claim policy ({@code CLAIM_POLICY}) decides what a claim may link,
 * and every claim is recorded with the policy's reason. See docs/ATTRIBUTION.md.
 */
@Service
public class Claims {

    public static final int PER_HOUR = 5;
    /** How long a claim waits for a registration that has not arrived yet. */
    public static final Duration REGISTRATION_GRACE = Duration.ofMinutes(10);

    public enum Result {
        /** Linked now; what the network reported for the player was applied and summed up to the user. */
        LINKED,
        /** No registration seen yet: linked if it arrives within {@link #REGISTRATION_GRACE}. */
        WAITING,
        /** An operator decides. */
        AWAITING_APPROVAL,
        /** Another user claims this player too: an operator decides, and the player's effects wait. */
        CONTESTED,
        /** Another user has this player through their own link or an operator. */
        TAKEN,
        /** The player registered through a link that is not this bot's: no claim can take it. */
        FOREIGN_LINK,
        /** {@code CLAIM_POLICY=off}. */
        CLAIMS_OFF,
        /** This user already has another player; {@link Outcome#playerId} names it. */
        ALREADY_LINKED,
        /** This user already has this very player. */
        ALREADY_YOURS,
        /** More than {@link #PER_HOUR} claims in the last hour; not recorded. */
        TOO_MANY
    }

    public record Outcome(Result result, String playerId) {
    }

    private final ClaimLog log;
    private final PlayerLinks links;
    private final Attribution attribution;
    private final UnlinkedRegistrations registrations;
    private final ClaimReview review;
    private final AttributionProperties properties;
    private final TransactionLocks locks;
    private final Clock clock;

    Claims(ClaimLog log, PlayerLinks links, Attribution attribution, UnlinkedRegistrations registrations,
           ClaimReview review, AttributionProperties properties, TransactionLocks locks, Clock clock) {
        this.log = log;
        this.links = links;
        this.attribution = attribution;
        this.registrations = registrations;
        this.review = review;
        this.properties = properties;
        this.locks = locks;
        this.clock = clock;
    }

    /** Claims {@code playerId} of the default network for the user. Runs inside the caller's transaction. */
    public Outcome claim(long telegramId, String playerId) {
        String network = properties.defaultNetwork();
        // Claims of one player decide one after another, each seeing what the one before it did.
        locks.lock("claim:" + network + ":" + playerId);
        if (log.countSince(telegramId, Duration.ofHours(1)) >= PER_HOUR) {
            return new Outcome(Result.TOO_MANY, playerId);
        }
        Optional<String> own = links.playerIdOf(network, telegramId);
        if (own.isPresent()) {
            return new Outcome(own.get().equals(playerId) ? Result.ALREADY_YOURS : Result.ALREADY_LINKED, own.get());
        }
        if (properties.claimPolicy() == ClaimPolicy.OFF) {
            return refuse(telegramId, network, playerId, Result.CLAIMS_OFF, "claims are off (CLAIM_POLICY=off)");
        }
        Optional<PlayerLinks.Link> holder = links.linkOf(network, playerId);
        if (holder.isPresent()) {
            return byHolder(telegramId, network, playerId, holder.get());
        }
        Optional<Registration> registration = registrations.find(network, playerId);
        if (registration.isPresent() && registration.get().carriesClickId()) {
            return refuse(telegramId, network, playerId, Result.FOREIGN_LINK,
                    "its registration carries a sub1 that is not a click token of this bot: it came through another link");
        }
        if (!rivals(network, playerId, telegramId).isEmpty()) {
            return contest(telegramId, network, playerId);
        }
        if (properties.claimPolicy() == ClaimPolicy.APPROVAL) {
            return awaitApproval(telegramId, network, playerId, "CLAIM_POLICY=approval: every claim waits for an operator");
        }
        if (registration.isEmpty()) {
            log.add(telegramId, network, playerId, ClaimStatus.PENDING, "no registration yet; links if it arrives within "
                    + REGISTRATION_GRACE.toMinutes() + " minutes");
            return new Outcome(Result.WAITING, playerId);
        }
        Duration age = Duration.between(registration.get().receivedAt(), clock.instant());
        if (age.compareTo(properties.claimWindow()) > 0) {
            return awaitApproval(telegramId, network, playerId, "the registration arrived " + words(age)
                    + " before the claim, longer ago than CLAIM_WINDOW (" + words(properties.claimWindow()) + ")");
        }
        long claim = log.add(telegramId, network, playerId, ClaimStatus.PENDING, null);
        if (attribution.link(network, playerId, telegramId, LinkMethod.CLAIM)) {
            log.move(claim, ClaimStatus.PENDING, ClaimStatus.LINKED, "the registration arrived " + words(age)
                    + " before the claim, within CLAIM_WINDOW (" + words(properties.claimWindow()) + ")");
            // Read again now that the link is ours: a concurrent claim may have contested the player
            // after this one looked (two instances on PostgreSQL).
            if (!rivals(network, playerId, telegramId).isEmpty()) {
                return contested(claim, network, playerId);
            }
            attribution.applyStored(network, playerId, telegramId);
            return new Outcome(Result.LINKED, playerId);
        }
        // A concurrent claim or click token linked the player a moment ago: decide as if it had come first.
        log.move(claim, ClaimStatus.PENDING, ClaimStatus.REFUSED, "another link to the player won a race");
        // Unlinked again since: a third claim contested it meanwhile.
        return links.linkOf(network, playerId)
                .map(link -> byHolder(telegramId, network, playerId, link))
                .orElseGet(() -> contest(telegramId, network, playerId));
    }

    /**
     * A player held through a claim can still be someone else's: a second claim makes it contested.
     * A click token or an operator's decision is proof, and is final.
     */
    private Outcome byHolder(long telegramId, String network, String playerId, PlayerLinks.Link holder) {
        if (holder.method() == LinkMethod.CLAIM) {
            return contest(telegramId, network, playerId);
        }
        return refuse(telegramId, network, playerId, Result.TAKEN,
                "linked to another user by " + holder.method().name().toLowerCase().replace('_', ' '));
    }

    /** Open claims of this player by other users: waiting for the registration or for an operator. */
    private List<Claim> rivals(String network, String playerId, long telegramId) {
        return log.ofPlayer(network, playerId, ClaimStatus.PENDING, ClaimStatus.AWAITING_APPROVAL, ClaimStatus.CONTESTED)
                .stream()
                .filter(claim -> claim.telegramId() != telegramId)
                .filter(claim -> claim.status() != ClaimStatus.PENDING
                        || claim.createdAt().isAfter(clock.instant().minus(REGISTRATION_GRACE)))
                .toList();
    }

    private Outcome contest(long telegramId, String network, String playerId) {
        long claim = log.add(telegramId, network, playerId, ClaimStatus.CONTESTED, "another user claims this player too");
        return contested(claim, network, playerId);
    }

    /**
     * Every open claim of the player, {@code claim} included, waits for an operator; a user who holds
     * the player through a claim loses the link meanwhile, so what the network reports next waits too.
     */
    private Outcome contested(long claim, String network, String playerId) {
        long telegramId = log.find(claim).orElseThrow().telegramId();
        links.linkOf(network, playerId).filter(link -> link.method() == LinkMethod.CLAIM).ifPresent(link -> {
            attribution.unlink(network, playerId, link.telegramId());
            log.linkedClaim(network, playerId, link.telegramId()).ifPresent(held -> log.move(held.id(), ClaimStatus.LINKED,
                    ClaimStatus.CONTESTED, "held the player until another user claimed it too"));
        });
        for (Claim rival : rivals(network, playerId, telegramId)) {
            log.move(rival.id(), rival.status(), ClaimStatus.CONTESTED, "another user claims this player too");
        }
        review.contested(network, playerId, claim);
        return new Outcome(Result.CONTESTED, playerId);
    }

    private Outcome awaitApproval(long telegramId, String network, String playerId, String reason) {
        long claim = log.add(telegramId, network, playerId, ClaimStatus.AWAITING_APPROVAL, reason);
        review.askOperators(network, playerId, claim, reason);
        return new Outcome(Result.AWAITING_APPROVAL, playerId);
    }

    private Outcome refuse(long telegramId, String network, String playerId, Result result, String reason) {
        log.add(telegramId, network, playerId, ClaimStatus.REFUSED, reason);
        return new Outcome(result, playerId);
    }

    /** "3 h 5 min", "12 min": a duration as an operator reads it in a claim's reason. */
    static String words(Duration duration) {
        long minutes = duration.toMinutes();
        if (minutes < 60) {
            return minutes + " min";
        }
        return minutes / 60 + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
    }
}
