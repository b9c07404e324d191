package org.postbackbridge.integration.api;

import java.util.List;
import org.postbackbridge.attribution.PlayerLinks;
import org.springframework.stereotype.Component;

/** The players a user is linked to, one per network at most, as the users API shows them. */
@Component
class LinkedPlayers {

    private final PlayerLinks links;

    LinkedPlayers(PlayerLinks links) {
        this.links = links;
    }

    List<UserState.LinkedPlayer> of(long telegramId) {
        return links.linkedTo(telegramId).stream()
                .map(link -> new UserState.LinkedPlayer(link.network(), link.playerId(),
                        link.method().name().toLowerCase(), link.linkedAt()))
                .toList();
    }
}
