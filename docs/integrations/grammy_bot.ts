// A minimal grammY bot that uses postback-bridge as its postback engine (Node 18+, `npm i grammy`).
//   BOT_TOKEN=... POSTBACK_BRIDGE_URL=https://bridge.example.com POSTBACK_BRIDGE_KEY=pbb_... \
//     WEBHOOK_SECRET=whsec_... npx tsx grammy_bot.ts
// /start registers the user and hands out their personal link; a typed number is a player-ID claim.
// postback-bridge POSTs each event to :8080/webhooks/postback-bridge (behind your HTTPS proxy, given to
// the service as WEBHOOK_URL); the bot verifies the signature and tells the user.
import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer } from "node:http";
import { Bot } from "grammy";

const base = process.env.POSTBACK_BRIDGE_URL!.replace(/\/$/, "");
const headers = { Authorization: `Bearer ${process.env.POSTBACK_BRIDGE_KEY}`, "Content-Type": "application/json" };
const secret = Buffer.from(process.env.WEBHOOK_SECRET!.replace(/^whsec_/, ""), "base64");
const bot = new Bot(process.env.BOT_TOKEN!);
const handled = new Set<string>(); // webhook-ids already handled: keep them durably in a real bot

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

// Standard Webhooks: v1,base64(HMAC-SHA256(secret, id.timestamp.body)), timestamp within 5 minutes.
function signed(id: string, timestamp: string, signatures: string, body: Buffer): boolean {
  if (!/^\d+$/.test(timestamp) || Math.abs(Date.now() / 1000 - Number(timestamp)) > 300) return false;
  const expected = Buffer.from("v1," + createHmac("sha256", secret)
    .update(Buffer.concat([Buffer.from(`${id}.${timestamp}.`), body])).digest("base64"));
  return signatures.split(" ").some((given) =>
    given.length === expected.length && timingSafeEqual(Buffer.from(given), expected));
}

createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on("data", (chunk) => chunks.push(chunk));
  request.on("end", async () => {
    const body = Buffer.concat(chunks);
    const id = String(request.headers["webhook-id"] ?? "");
    if (request.method !== "POST" || !signed(id, String(request.headers["webhook-timestamp"] ?? ""),
        String(request.headers["webhook-signature"] ?? ""), body)) {
      response.writeHead(401).end();
      return;
    }
    try {
      if (!handled.has(id)) {
        const message = JSON.parse(body.toString("utf8"));
        const event = message.data;
        if (message.type === "access_unlocked") await bot.api.sendMessage(event.telegram_id, "Your access is open.");
        if (message.type === "claim_decided") {
          await bot.api.sendMessage(event.telegram_id, `Your claim was ${event.details.decision}.`);
        }
        handled.add(id);
      }
      response.writeHead(204).end();
    } catch {
      response.writeHead(500).end(); // retried later, with the same webhook-id
    }
  });
}).listen(8080, "127.0.0.1");

bot.start();
