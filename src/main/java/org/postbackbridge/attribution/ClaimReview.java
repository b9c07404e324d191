package org.postbackbridge.attribution;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.postbackbridge.telegram.Keyboard;
import org.postbackbridge.texts.MessageKind;
import org.postbackbridge.outbox.Notifier;
import org.postbackbridge.users.BotUser;
import org.postbackbridge.users.UserRepository;
import org.springframework.stereotype.Component;

/**
 * Puts open claims before the operators: one message to {@code ADMIN_CHAT_IDS} per claim that
 * needs them, listing every open claim of that player with a button to approve or reject each,
 * and tells the users of a contested player that it is under review.
 */
@Component
class ClaimReview {

    /** Callback data of the buttons: {@code claim:approve:<id>}, {@code claim:reject:<id>}; well under Telegram's 64 bytes. */
    static final String APPROVE = "claim:approve:";
    static final String REJECT = "claim:reject:";

    private final ClaimLog log;
    private final UserRepository users;
    private final Notifier notifier;

    ClaimReview(ClaimLog log, UserRepository users, Notifier notifier) {
        this.log = log;
        this.users = users;
        this.notifier = notifier;
    }

    void askOperators(String network, String playerId, long claimId, String reason) {
        List<Claim> open = log.ofPlayer(network, playerId, ClaimStatus.AWAITING_APPROVAL, ClaimStatus.CONTESTED);
        List<Keyboard.Button> buttons = new ArrayList<>();
        for (Claim claim : open) {
            String user = name(claim.telegramId());
            buttons.add(Keyboard.Button.callback(notifier.text(MessageKind.BUTTON_APPROVE, null, Map.of("user", user)),
                    APPROVE + claim.id()));
            buttons.add(Keyboard.Button.callback(notifier.text(MessageKind.BUTTON_REJECT, null, Map.of("user", user)),
                    REJECT + claim.id()));
        }
        String claims = open.stream().map(claim -> "• " + name(claim.telegramId()) + " (" + claim.telegramId() + ")")
                .collect(Collectors.joining("\n"));
        notifier.toOperators(MessageKind.OPERATOR_CLAIM_REVIEW,
                Map.of("player_id", playerId, "claims", claims, "reason", reason),
                Keyboard.of(buttons.toArray(Keyboard.Button[]::new)), "claim-review:" + claimId);
    }

    /** Claim {@code claimId} made the player contested: its other claimants hear it, the operators decide. */
    void contested(String network, String playerId, long claimId) {
        for (Claim claim : log.ofPlayer(network, playerId, ClaimStatus.CONTESTED)) {
            if (claim.id() != claimId) {
                users.findById(claim.telegramId()).ifPresent(user -> notifier.toUser(user, MessageKind.CLAIM_CONTESTED,
                        Map.of("player_id", playerId), "claim:" + claim.id() + ":contested"));
            }
        }
        askOperators(network, playerId, claimId, "two or more users claim this player");
    }

    private String name(long telegramId) {
        return users.findById(telegramId).map(BotUser::displayName).orElse(String.valueOf(telegramId));
    }
}
