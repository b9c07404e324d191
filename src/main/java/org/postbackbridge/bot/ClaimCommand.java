package org.postbackbridge.bot;

import java.util.Map;
import org.postbackbridge.attribution.ClaimDecisions;
import org.postbackbridge.attribution.Claims;
import org.postbackbridge.texts.MessageKind;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A typed player ID, or {@code /id 12345}: the user says which account is theirs. And an operator's
 * button under a claim that waits for a decision.
 */
@BotComponent
class ClaimCommand {

    private final Claims claims;
    private final ClaimDecisions decisions;
    private final Replies replies;
    private final TransactionTemplate transaction;

    ClaimCommand(Claims claims, ClaimDecisions decisions, Replies replies, TransactionTemplate transaction) {
        this.claims = claims;
        this.decisions = decisions;
        this.replies = replies;
        this.transaction = transaction;
    }

    /** In one transaction: the link, the postbacks it lets apply, and the answer. */
    void claim(Conversation conversation, String playerId) {
        transaction.executeWithoutResult(tx -> answer(conversation, claims.claim(conversation.userId(), playerId)));
    }

    private void answer(Conversation conversation, Claims.Outcome outcome) {
        MessageKind answer = switch (outcome.result()) {
            // The summary of what was linked, queued with the link, is the answer.
            case LINKED -> null;
            case WAITING -> MessageKind.CLAIM_WAITING;
            case AWAITING_APPROVAL -> MessageKind.CLAIM_AWAITING_APPROVAL;
            case CONTESTED -> MessageKind.CLAIM_CONTESTED;
            case TAKEN -> MessageKind.CLAIM_TAKEN;
            case FOREIGN_LINK -> MessageKind.CLAIM_FOREIGN_LINK;
            case CLAIMS_OFF -> MessageKind.CLAIMS_OFF;
            case ALREADY_LINKED, ALREADY_YOURS -> MessageKind.CLAIM_ALREADY_LINKED;
            case TOO_MANY -> MessageKind.CLAIM_TOO_MANY;
        };
        if (answer != null) {
            replies.send(conversation, answer, Map.of("player_id", outcome.playerId(), "limit", Claims.PER_HOUR,
                    "minutes", Claims.REGISTRATION_GRACE.toMinutes()));
        }
    }

    /** {@code claim:approve:<id>} or {@code claim:reject:<id>} pressed in an operator chat. */
    void decide(Conversation conversation, String username, String data) {
        String[] parts = data.split(":");
        if (parts.length != 3 || !parts[2].matches("\\d{1,18}")) {
            return;
        }
        long claimId = Long.parseLong(parts[2]);
        String operator = "Telegram user " + conversation.userId() + (username == null ? "" : " @" + username);
        transaction.executeWithoutResult(tx -> {
            ClaimDecisions.Outcome outcome = "approve".equals(parts[1]) ? decisions.approve(claimId, operator)
                    : "reject".equals(parts[1]) ? decisions.reject(claimId, operator) : null;
            if (outcome == null || outcome.claim().isEmpty()) {
                return;
            }
            replies.send(conversation, MessageKind.OPERATOR_CLAIM_DECIDED, Map.of(
                    "player_id", outcome.claim().get().playerId(),
                    "user", outcome.claim().get().telegramId(),
                    "decision", outcome.decision().name().toLowerCase().replace('_', ' '),
                    "operator", operator));
        });
    }
}
