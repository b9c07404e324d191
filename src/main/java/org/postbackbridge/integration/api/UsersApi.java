package org.postbackbridge.integration.api;

import java.util.List;
import java.util.regex.Pattern;
import org.postbackbridge.attribution.AttributionProperties;
import org.postbackbridge.attribution.Claims;
import org.postbackbridge.attribution.ClickTokens;
import org.postbackbridge.eventlog.DepositTotal;
import org.postbackbridge.eventlog.UserDeposits;
import org.postbackbridge.users.BotUser;
import org.postbackbridge.users.UserRepository;
import org.postbackbridge.platform.web.ApiError;
import org.postbackbridge.platform.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Users of another bot: registered with their profile, read back with what the postbacks made of
 * them, and their player-ID claims decided by the same claim policy as in this service's own bot.
 */
@RestController
@RequestMapping("/api/v1/users/{telegramId}")
class UsersApi {

    private static final Pattern TRAFFIC_SOURCE = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern PLAYER_ID = Pattern.compile("\\d{3,20}");
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}([_-][A-Za-z0-9]{2,8})?");
    private static final int MAX_NAME_LENGTH = 256;

    private final UserRepository users;
    private final UserDeposits deposits;
    private final LinkedPlayers players;
    private final Claims claims;
    private final AttributionProperties attribution;
    private final TransactionTemplate transaction;

    UsersApi(UserRepository users, UserDeposits deposits, LinkedPlayers players, Claims claims,
             AttributionProperties attribution, TransactionTemplate transaction) {
        this.users = users;
        this.deposits = deposits;
        this.players = players;
        this.claims = claims;
        this.attribution = attribution;
        this.transaction = transaction;
    }

    /** Creates the user, or refreshes their profile: the click token, and so the link, never changes. */
    @PutMapping
    ResponseEntity<RegisteredUser> register(@PathVariable String telegramId, @RequestBody(required = false) UserProfile body) {
        long id = telegramId(telegramId);
        UserProfile profile = body == null ? new UserProfile(null, null, null, null) : body;
        check(profile.username(), "username", MAX_NAME_LENGTH);
        check(profile.firstName(), "first_name", MAX_NAME_LENGTH);
        if (profile.language() != null && !LANGUAGE.matcher(profile.language()).matches()) {
            throw invalid("language", "language must be a language code such as 'en' or 'pt-BR'");
        }
        if (profile.trafficSource() != null && !TRAFFIC_SOURCE.matcher(profile.trafficSource()).matches()) {
            throw invalid("traffic_source", "traffic_source must be 1 to 64 letters, digits, '_' or '-'");
        }
        RegisteredUser registered = transaction.execute(tx -> {
            boolean known = users.findById(id).isPresent();
            BotUser user = users.saveProfile(id, profile.username(), profile.firstName(), profile.language(),
                    profile.trafficSource(), ClickTokens.newToken());
            return new RegisteredUser(id, !known, user.clickToken(), attribution.affiliateLinkFor(user.clickToken()));
        });
        return ResponseEntity.status(registered.created() ? HttpStatus.CREATED : HttpStatus.OK).body(registered);
    }

    @GetMapping
    UserState user(@PathVariable String telegramId) {
        BotUser user = known(telegramId(telegramId));
        List<DepositTotal> totals = deposits.totals(user.telegramId());
        return new UserState(user.telegramId(), user.username(), user.firstName(), user.language(), user.trafficSource(),
                user.clickToken(), attribution.affiliateLinkFor(user.clickToken()), players.of(user.telegramId()),
                user.deposited(), user.signalsUnlocked(), totals.stream().mapToLong(DepositTotal::count).sum(),
                totals.stream().map(total -> new UserState.Deposits(total.currency(), total.count(), total.sum())).toList(),
                user.blocked(), user.notificationsMuted(), user.createdAt());
    }

    /** A player-ID claim, decided as if the user had typed the ID into the bot. */
    @PostMapping("/claims")
    ClaimAnswer claim(@PathVariable String telegramId, @RequestBody(required = false) ClaimRequest body) {
        long id = telegramId(telegramId);
        if (body == null || body.playerId() == null || !PLAYER_ID.matcher(body.playerId()).matches()) {
            throw invalid("player_id", "player_id must be the player's ID in the partner program: 3 to 20 digits");
        }
        Claims.Outcome outcome = transaction.execute(tx -> {
            known(id);
            return claims.claim(id, body.playerId());
        });
        if (outcome.result() == Claims.Result.TOO_MANY) {
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "too_many_claims", "this user made "
                    + Claims.PER_HOUR + " claims in the last hour; the claim was not recorded, try again later", null);
        }
        return new ClaimAnswer(outcome.result().name().toLowerCase(), outcome.playerId());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable() {
        return ResponseEntity.badRequest().body(ApiError.of("invalid_json",
                "the body must be a JSON object with the fields this endpoint documents (see /api/v1/openapi.json)", null));
    }

    private BotUser known(long telegramId) {
        return users.findById(telegramId).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "user_not_found",
                "no user " + telegramId + "; register them first with PUT /api/v1/users/" + telegramId, null));
    }

    private static long telegramId(String value) {
        if (!value.matches("[1-9]\\d{0,17}")) {
            throw invalid("telegramId", "the Telegram user ID in the path must be a positive whole number");
        }
        return Long.parseLong(value);
    }

    private static void check(String value, String field, int maxLength) {
        if (value != null && (value.length() > maxLength || value.chars().anyMatch(Character::isISOControl))) {
            throw invalid(field, field + " must be at most " + maxLength + " characters, without control characters");
        }
    }

    private static ApiException invalid(String parameter, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, "invalid_" + parameter.replaceAll("([a-z])([A-Z])", "$1_$2")
                .toLowerCase(), message, parameter);
    }
}
