// A minimal grammY bot that uses postback-bridge as its postback engine (Node 18+, `npm i grammy`).
//   BOT_TOKEN=... POSTBACK_BRIDGE_URL=https://bridge.example.com POSTBACK_BRIDGE_KEY=pbb_... npx tsx grammy_bot.ts
// /start registers the user and hands out their personal link; a typed number is a player-ID claim;
// a loop reads the events feed and tells users what happened.
import { Bot } from "grammy";

const base = process.env.POSTBACK_BRIDGE_URL!.replace(/\/$/, "");
const headers = { Authorization: `Bearer ${process.env.POSTBACK_BRIDGE_KEY}`, "Content-Type": "application/json" };
const bot = new Bot(process.env.BOT_TOKEN!);

bot.command("start", async (ctx) => {
  const user = ctx.from!;
  const answer = await fetch(`${base}/api/v1/users/${user.id}`, {
    method: "PUT", headers,
    body: JSON.stringify({ username: user.username, first_name: user.first_name, language: user.language_code }),
  });
  const registered = await answer.json();
  await ctx.reply(`Register here: ${registered.affiliate_link}`);
});

bot.hears(/^\d{3,20}$/, async (ctx) => {
  const answer = await fetch(`${base}/api/v1/users/${ctx.from!.id}/claims`, {
    method: "POST", headers, body: JSON.stringify({ player_id: ctx.message!.text }),
  });
  const decided = await answer.json();
  await ctx.reply(`Claim: ${decided.result ?? decided.message}`);
});

async function followFeed() {
  let cursor = ""; // store it durably in a real bot
  for (;;) {
    const query = cursor ? `?after=${encodeURIComponent(cursor)}` : "";
    const page = await (await fetch(`${base}/api/v1/events${query}`, { headers })).json();
    for (const event of page.events) {
      if (event.type === "access_unlocked") await bot.api.sendMessage(event.telegram_id, "Your access is open.");
    }
    cursor = page.next_cursor;
    if (page.events.length === 0) await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}

followFeed();
bot.start();
