package org.postbackbridge.bot;

import java.util.Map;
import org.postbackbridge.attribution.Claims;
import org.postbackbridge.notify.MessageKind;
import org.springframework.transaction.support.TransactionTemplate;

/** A typed player ID, or {@code /id 12345}: the user says which account is theirs. */
@BotComponent
class ClaimCommand {

    private final Claims claims;
    private final Replies replies;
    private final TransactionTemplate transaction;

    ClaimCommand(Claims claims, Replies replies, TransactionTemplate transaction) {
        this.claims = claims;
        this.replies = replies;
        this.transaction = transaction;
    }

    /** In one transaction: the link, the postbacks it lets apply, and the answer. */
    void claim(Conversation conversation, String playerId) {
        transaction.executeWithoutResult(tx -> answer(conversation, claims.claim(conversation.userId(), playerId)));
    }

    private void answer(Conversation conversation, Claims.Outcome outcome) {
        MessageKind answer = switch (outcome.result()) {
            case LINKED -> MessageKind.CLAIM_LINKED;
            case WAITING -> MessageKind.CLAIM_WAITING;
            case TAKEN -> MessageKind.CLAIM_TAKEN;
            case ALREADY_LINKED, ALREADY_YOURS -> MessageKind.CLAIM_ALREADY_LINKED;
            case TOO_MANY -> MessageKind.CLAIM_TOO_MANY;
        };
        replies.send(conversation, answer, Map.of("player_id", outcome.playerId(), "limit", Claims.PER_HOUR));
    }
}
