package org.postbackbridge.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postbackbridge.attribution.PlayerLinks;
import org.postbackbridge.console.queries.PageRequest;
import org.postbackbridge.outbox.OutboxMessage;
import org.postbackbridge.testsupport.ConsoleClient;
import org.postbackbridge.testsupport.Http;
import org.postbackbridge.testsupport.IntegrationTest;
import org.postbackbridge.testsupport.PostbackTestBase;
import org.postbackbridge.testsupport.TestUsers;
import org.postbackbridge.texts.MessageKind;
import org.postbackbridge.users.BotUser;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The sources, user, message and action pages over HTTP, on both databases: their figures, their
 * filters (and a 400 for a filter that does not exist), and each action on a user with its effect
 * and its line in the operator-action log.
 */
@IntegrationTest
class PeoplePagesTest extends PostbackTestBase {

    private static final Pattern ROW_ID = Pattern.compile("<tr data-id=\"(\\d+)\"");

    @Autowired
    PlayerLinks players;
    @Autowired
    OperatorActions actions;

    ConsoleClient console;

    @BeforeEach
    void signIn() {
        console = new ConsoleClient(port);
        console.signIn(Http.ADMIN_TOKEN);
    }

    @Test
    void sourcesCountEachStepAndSumDepositsPerCurrency() throws IOException {
        String run = String.valueOf(System.nanoTime());
        String channel = "channel_" + run;
        String post = "post_" + run;
        // channel: three users, two register, both deposit (one twice, in roubles; one in dollars).
        LinkedPlayer roubles = linkedPlayer(startedFrom(channel));
        LinkedPlayer dollars = linkedPlayer(startedFrom(channel));
        startedFrom(channel);
        deposit(roubles, "first_deposit", "1000", "RUB");
        deposit(roubles, "deposit", "500.50", "RUB");
        deposit(dollars, "first_deposit", "20", "USD");
        // post: two users, one registers, nobody deposits.
        linkedPlayer(startedFrom(post));
        startedFrom(post);

        Map<String, CSVRecord> bySource = csv("/admin/export/sources.csv?period=all&by=source").stream()
                .collect(Collectors.toMap(row -> row.get("source"), row -> row));

        CSVRecord channelRow = bySource.get(channel);
        assertThat(List.of(channelRow.get("users"), channelRow.get("registered"), channelRow.get("first_deposits"),
                channelRow.get("deposits"))).containsExactly("3", "2", "2", "3");
        assertThat(channelRow.get("sum_RUB")).isEqualTo("1500.5");
        assertThat(channelRow.get("sum_USD")).isEqualTo("20");
        assertThat(channelRow.get("registered_share")).isEqualTo("0.6667");
        assertThat(channelRow.get("first_deposit_share")).isEqualTo("1.0000");
        assertThat(channelRow.get("users_to_first_deposit")).isEqualTo("0.6667");
        CSVRecord postRow = bySource.get(post);
        assertThat(List.of(postRow.get("users"), postRow.get("registered"), postRow.get("first_deposits"),
                postRow.get("deposits"), postRow.get("sum_RUB"))).containsExactly("2", "1", "0", "0", "0");
        assertThat(postRow.get("first_deposit_share")).isEqualTo("0.0000");
        assertThat(channelRow.isMapped("subscribed")).as("no gate, no subscribed step").isFalse();

        List<CSVRecord> channelDays = csv("/admin/export/sources.csv?period=today&by=day&source=" + channel);
        assertThat(channelDays).hasSize(1);
        assertThat(channelDays.getFirst().get("users")).isEqualTo("3");
        assertThat(channelDays.getFirst().get("sum_RUB")).isEqualTo("1500.5");

        Http.Response page = console.get("/admin/sources?period=all&sort=users&dir=desc");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("data-key=\"" + channel + "\"")
                .contains("https://t.me/" + StartLinks.UNKNOWN_BOT + "?start=" + channel);
    }

    @Test
    void thePagesNeedASignInAndCarryNoInlineScriptOrStyle() {
        BotUser user = TestUsers.started(users, "en");
        Map<String, String> pages = Map.of("/admin/sources", "id=\"sources\"",
                "/admin/users/" + user.telegramId(), "id=\"profile\"", "/admin/messages", "id=\"user\"",
                "/admin/actions", "id=\"address\"");
        ConsoleClient anonymous = new ConsoleClient(port);
        pages.forEach((page, marker) -> {
            assertThat(anonymous.get(page).body()).as(page).doesNotContain(marker);
            assertThat(console.get(page).body()).as(page).contains(marker)
                    .doesNotContainPattern(Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>"))
                    .doesNotContainPattern(Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE))
                    .doesNotContainPattern(Pattern.compile("\\sstyle\\s*=", Pattern.CASE_INSENSITIVE));
        });
    }

    @Test
    void anUnknownSortOrPeriodIsRefusedByName() {
        Http.Response sort = console.get("/admin/sources?sort=bogus");
        assertThat(sort.status()).isEqualTo(400);
        assertThat(sort.body()).contains("id=\"problem\"").contains("bogus");
        assertThat(console.get("/admin/sources?period=yesterday").status()).isEqualTo(400);
    }

    @Test
    void messageHistoryFindsSentAndDryRunMessagesAndRefusesAnUnknownStatus() {
        LinkedPlayer linked = linkedPlayer("en");
        long chat = linked.user().telegramId();
        awaitFinished(chat);

        Http.Response dryRun = console.get("/admin/messages?status=dry_run&user=" + chat);
        assertThat(dryRun.status()).isEqualTo(200);
        assertThat(rowIds(dryRun)).containsExactlyElementsOf(
                outbox.forChat(chat).stream().map(m -> String.valueOf(m.id())).toList().reversed());
        assertThat(rowIds(console.get("/admin/messages?status=pending&user=" + chat))).isEmpty();
        assertThat(rowIds(console.get("/admin/messages?kind=registration&user=@" + linked.user().username())))
                .hasSize(1);

        Http.Response unknown = console.get("/admin/messages?status=delivered");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("id=\"problem\"").contains("delivered").contains("dry_run");
        Http.Response fromOutbox = console.get("/admin/outbox?status=dry_run");
        assertThat(fromOutbox.status()).isEqualTo(200);
        assertThat(fromOutbox.body()).contains("id=\"messages\"");
        assertThat(console.get("/admin/outbox?status=delivered").status()).isEqualTo(400);
        assertThat(console.get("/admin/messages?user=nobody_" + System.nanoTime()).status()).isEqualTo(400);
    }

    @Test
    void messageHistoryPagesFiftyAtATime() {
        BotUser user = TestUsers.started(users, "en");
        for (int i = 0; i < PageRequest.DEFAULT_SIZE + 5; i++) {
            outbox.enqueue(user.telegramId(), MessageKind.HELP.key(), "text " + i, null, "paging-" + user.telegramId() + "-" + i);
        }
        Http.Response first = console.get("/admin/messages?user=" + user.telegramId());
        assertThat(rowIds(first)).hasSize(PageRequest.DEFAULT_SIZE);
        assertThat(first.body()).contains("class=\"older\"").doesNotContain("class=\"newer\"");

        Http.Response second = console.get("/admin/messages?user=" + user.telegramId() + "&page=2");
        assertThat(rowIds(second)).hasSize(5).doesNotContainAnyElementsOf(rowIds(first));
        assertThat(second.body()).contains("class=\"newer\"").doesNotContain("class=\"older\"");
    }

    @Test
    void operatorUnlinksAPlayerAndEachActionIsLogged() {
        LinkedPlayer linked = linkedPlayer("en");
        long id = linked.user().telegramId();
        assertThat(console.get("/admin/users/" + id).body()).contains(linked.playerId());

        Http.Response unlinked = console.post("/admin/users/" + id + "/unlink", "network", "1win");

        assertThat(unlinked.body()).contains("id=\"notice\"");
        assertThat(players.linkedTo(id)).isEmpty();
        assertThat(reload(linked.user()).casinoId()).isNull();
        console.post("/admin/users/" + id + "/unlink", "network", "1win");
        assertThat(loggedFor(id)).containsExactly(
                "unlink_player: no player on 1win to unlink",
                "unlink_player: unlinked player " + linked.playerId() + " on 1win");
    }

    @Test
    void operatorRevokesThenGrantsAccess() {
        BotUser user = TestUsers.started(users, "en");
        console.get("/admin/users/" + user.telegramId());

        console.post("/admin/users/" + user.telegramId() + "/access", "open", "true");
        assertThat(reload(user).signalsUnlocked()).isTrue();
        console.post("/admin/users/" + user.telegramId() + "/access", "open", "false");
        assertThat(reload(user).signalsUnlocked()).isFalse();
        console.post("/admin/users/" + user.telegramId() + "/access", "open", "false");

        assertThat(loggedFor(user.telegramId())).containsExactly("revoke_access: access was already closed",
                "revoke_access: access revoked", "grant_access: access granted");
    }

    @Test
    void resendQueuesACopyOncePerForm() {
        LinkedPlayer linked = linkedPlayer("en");
        long id = linked.user().telegramId();
        OutboxMessage welcome = awaitFinished(id).getFirst();
        console.get("/admin/users/" + id);

        console.post("/admin/users/" + id + "/messages/" + welcome.id() + "/resend", "key", "form-key-" + id);
        console.post("/admin/users/" + id + "/messages/" + welcome.id() + "/resend", "key", "form-key-" + id);

        List<OutboxMessage> messages = outbox.forChat(id);
        assertThat(messages).hasSize(2);
        assertThat(messages.getLast().text()).isEqualTo(welcome.text());
        assertThat(messages.getLast().kind()).isEqualTo(welcome.kind());
        assertThat(loggedFor(id)).hasSize(2).last().asString().contains("queued again as #" + messages.getLast().id());
        Http.Response foreign = console.post("/admin/users/" + id + "/messages/" + Long.MAX_VALUE + "/resend",
                "key", "another-key-" + id);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.json().path("error").asString()).isEqualTo("unknown_message");
    }

    @Test
    void aCustomMessageIsQueuedEscapedAsFromTheOperatorAndAnEmptyOneIsRefused() {
        BotUser user = TestUsers.started(users, "en");
        console.get("/admin/users/" + user.telegramId());

        Http.Response empty = console.post("/admin/users/" + user.telegramId() + "/messages", "text", "  ",
                "key", "empty-form-" + user.telegramId());
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().path("error").asString()).isEqualTo("empty_message");
        Http.Response tooLong = console.post("/admin/users/" + user.telegramId() + "/messages",
                "text", "x".repeat(UserActions.MAX_MESSAGE_LENGTH + 1), "key", "long-form-" + user.telegramId());
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(outbox.forChat(user.telegramId())).isEmpty();
        assertThat(loggedFor(user.telegramId())).isEmpty();

        console.post("/admin/users/" + user.telegramId() + "/messages", "text", "Your bonus <b>is</b> ready & waiting",
                "key", "write-form-" + user.telegramId());

        assertThat(outbox.forChat(user.telegramId())).singleElement().satisfies(message -> {
            assertThat(message.kind()).isEqualTo(MessageKind.OPERATOR_MESSAGE.key());
            assertThat(message.text()).isEqualTo("Your bonus &lt;b&gt;is&lt;/b&gt; ready &amp; waiting");
        });
        assertThat(loggedFor(user.telegramId())).singleElement().asString().startsWith("send_message: queued: ");
        assertThat(console.get("/admin/users/" + Long.MAX_VALUE).status()).isEqualTo(404);
    }

    @Test
    void theActionLogFiltersByUserAndActionAndRefusesAnUnknownAction() {
        BotUser user = TestUsers.started(users, "en");
        console.get("/admin/users/" + user.telegramId());
        console.post("/admin/users/" + user.telegramId() + "/access", "open", "true");
        console.post("/admin/users/" + user.telegramId() + "/access", "open", "false");

        Http.Response all = console.get("/admin/actions?user=" + user.telegramId());
        assertThat(all.body()).contains("data-action=\"grant_access\"").contains("data-action=\"revoke_access\"");
        Http.Response granted = console.get("/admin/actions?user=" + user.telegramId() + "&kind=grant_access");
        assertThat(rowIds(granted)).hasSize(1);
        assertThat(granted.body()).doesNotContain("data-action=\"revoke_access\"");
        assertThat(rowIds(console.get("/admin/actions?user=" + user.telegramId() + "&address=10.9.9.9"))).isEmpty();
        assertThat(console.get("/admin/actions?kind=delete_everything").status()).isEqualTo(400);
        assertThat(console.get("/admin/actions?from=yesterday").status()).isEqualTo(400);
    }

    private BotUser startedFrom(String source) {
        BotUser template = TestUsers.started(users, "en");
        long id = template.telegramId() + 500_000_000_000L;
        return users.saveProfile(id, "src" + id, "Source " + id, "en", source, template.clickToken() + "s");
    }

    private void deposit(LinkedPlayer player, String event, String amount, String currency) {
        assertThat(postback("event=" + event + "&user_id=" + player.playerId() + "&amount=" + amount + "&currency="
                + currency + "&transaction_id=" + player.playerId() + "-" + amount).status()).isEqualTo(200);
    }

    private List<CSVRecord> csv(String path) throws IOException {
        Http.Response response = console.get(path);
        assertThat(response.status()).isEqualTo(200);
        String body = response.body().startsWith("\uFEFF") ? response.body().substring(1) : response.body();
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(body)).getRecords();
    }

    private List<OutboxMessage> awaitFinished(long chat) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).until(() ->
                !outbox.forChat(chat).isEmpty() && outbox.forChat(chat).stream().noneMatch(m -> m.status().equals("pending")));
        return outbox.forChat(chat);
    }

    private static List<String> rowIds(Http.Response page) {
        Matcher matcher = ROW_ID.matcher(page.body());
        List<String> ids = new java.util.ArrayList<>();
        while (matcher.find()) {
            ids.add(matcher.group(1));
        }
        return ids;
    }

    /** The user's lines in the action log, newest first, as "action: outcome". */
    private List<String> loggedFor(long telegramId) {
        return actions.find(new OperatorActions.Search(null, OperatorActions.user(telegramId), null, null, null), 0, 100)
                .stream().map(action -> action.action() + ": " + action.outcome()).toList();
    }
}
