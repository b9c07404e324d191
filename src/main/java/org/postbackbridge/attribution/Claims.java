package org.postbackbridge.attribution;

import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * A user typed a player ID to say "that account is mine". It is believed only as far as the
 * network confirms it: the player must have registered (a registration postback arrived) and be
 * nobody else's. Until the registration arrives the claim waits, and the registration completes it.
 */
@Service
public class Claims {

    public static final int PER_HOUR = 5;

    public enum Result {
        /** Linked now; what the network reported for the player was applied. */
        LINKED,
        /** No registration seen yet: linked when it arrives. */
        WAITING,
        /** Another user has this player. */
        TAKEN,
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
    private final AttributionProperties properties;

    Claims(ClaimLog log, PlayerLinks links, Attribution attribution, UnlinkedRegistrations registrations,
           AttributionProperties properties) {
        this.log = log;
        this.links = links;
        this.attribution = attribution;
        this.registrations = registrations;
        this.properties = properties;
    }

    /** Claims {@code playerId} of the default network for the user. Runs inside the caller's transaction. */
    public Outcome claim(long telegramId, String playerId) {
        String network = properties.defaultNetwork();
        if (log.countSince(telegramId, Duration.ofHours(1)) >= PER_HOUR) {
            return new Outcome(Result.TOO_MANY, playerId);
        }
        Optional<String> own = links.playerIdOf(network, telegramId);
        if (own.isPresent()) {
            return new Outcome(own.get().equals(playerId) ? Result.ALREADY_YOURS : Result.ALREADY_LINKED, own.get());
        }
        long claim = log.add(telegramId, network, playerId);
        if (registrations.seen(network, playerId)
                && attribution.linkAndApplyStored(network, playerId, telegramId, LinkMethod.CLAIM)) {
            log.finish(claim, ClaimLog.LINKED);
            return new Outcome(Result.LINKED, playerId);
        }
        // Not linked now: someone has the player (maybe since a moment ago, when a concurrent claim won
        // and applied the registration), or its registration has not arrived and the claim waits for it.
        if (links.telegramIdOf(network, playerId).isPresent()) {
            log.finish(claim, ClaimLog.REFUSED);
            return new Outcome(Result.TAKEN, playerId);
        }
        return new Outcome(Result.WAITING, playerId);
    }
}
