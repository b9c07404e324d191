"""A minimal aiogram 3 bot that uses postback-bridge as its postback engine.

    pip install aiogram aiohttp
    BOT_TOKEN=... POSTBACK_BRIDGE_URL=https://bridge.example.com POSTBACK_BRIDGE_KEY=pbb_... \
        WEBHOOK_SECRET=whsec_... python3 aiogram_bot.py

/start registers the user and hands out their personal link; a typed number is a player-ID claim.
postback-bridge POSTs each event to :8080/webhooks/postback-bridge (put it behind your HTTPS proxy and
give that URL to the service as WEBHOOK_URL); the bot verifies the signature and tells the user.
"""
import asyncio
import base64
import hashlib
import hmac
import json
import os
import time

import aiohttp
from aiohttp import web
from aiogram import Bot, Dispatcher, F
from aiogram.filters import CommandStart
from aiogram.types import Message

BASE = os.environ["POSTBACK_BRIDGE_URL"].rstrip("/")
HEADERS = {"Authorization": f"Bearer {os.environ['POSTBACK_BRIDGE_KEY']}"}
SECRET = base64.b64decode(os.environ["WEBHOOK_SECRET"].removeprefix("whsec_"))
bot = Bot(os.environ["BOT_TOKEN"])
dispatcher = Dispatcher()
handled = set()  # webhook-ids already handled: keep them durably in a real bot


@dispatcher.message(CommandStart())
async def start(message: Message):
    user = message.from_user
    async with aiohttp.ClientSession(headers=HEADERS) as http:
        async with http.put(f"{BASE}/api/v1/users/{user.id}", json={
                "username": user.username, "first_name": user.first_name,
                "language": user.language_code}) as answer:
            registered = await answer.json()
    await message.answer(f"Register here: {registered['affiliate_link']}")


@dispatcher.message(F.text.regexp(r"^\d{3,20}$"))
async def claim(message: Message):
    async with aiohttp.ClientSession(headers=HEADERS) as http:
        async with http.post(f"{BASE}/api/v1/users/{message.from_user.id}/claims",
                             json={"player_id": message.text}) as answer:
            decided = await answer.json()
    await message.answer(f"Claim: {decided.get('result', decided.get('message'))}")


def signed(headers, body):
    """Standard Webhooks: v1,base64(HMAC-SHA256(secret, id.timestamp.body)), timestamp within 5 minutes."""
    message_id, timestamp = headers.get("webhook-id", ""), headers.get("webhook-timestamp", "")
    if not timestamp.isdigit() or abs(time.time() - int(timestamp)) > 300:
        return False
    expected = "v1," + base64.b64encode(
        hmac.new(SECRET, f"{message_id}.{timestamp}.".encode() + body, hashlib.sha256).digest()).decode()
    return any(hmac.compare_digest(expected, given) for given in headers.get("webhook-signature", "").split(" "))


async def webhook(request: web.Request):
    body = await request.read()
    if not signed(request.headers, body):
        return web.Response(status=401)
    message_id = request.headers["webhook-id"]
    if message_id not in handled:
        message = json.loads(body)
        event = message["data"]
        if message["type"] == "access_unlocked":
            await bot.send_message(event["telegram_id"], "Your access is open.")
        elif message["type"] == "claim_decided":
            await bot.send_message(event["telegram_id"], f"Your claim was {event['details']['decision']}.")
        handled.add(message_id)
    return web.Response(status=204)  # anything else is retried, with the same webhook-id


async def main():
    app = web.Application()
    app.router.add_post("/webhooks/postback-bridge", webhook)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 8080).start()
    await dispatcher.start_polling(bot)


if __name__ == "__main__":
    asyncio.run(main())
