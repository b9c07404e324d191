"""A minimal aiogram 3 bot that uses postback-bridge as its postback engine.

    pip install aiogram aiohttp
    BOT_TOKEN=... POSTBACK_BRIDGE_URL=https://bridge.example.com POSTBACK_BRIDGE_KEY=pbb_... python3 aiogram_bot.py

/start registers the user and hands out their personal link; a typed number is a player-ID claim;
a background task reads the events feed and tells users what happened.
"""
import asyncio
import os

import aiohttp
from aiogram import Bot, Dispatcher, F
from aiogram.filters import CommandStart
from aiogram.types import Message

BASE = os.environ["POSTBACK_BRIDGE_URL"].rstrip("/")
HEADERS = {"Authorization": f"Bearer {os.environ['POSTBACK_BRIDGE_KEY']}"}
bot = Bot(os.environ["BOT_TOKEN"])
dispatcher = Dispatcher()


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


async def follow_feed():
    cursor = ""  # store it durably in a real bot
    async with aiohttp.ClientSession(headers=HEADERS) as http:
        while True:
            async with http.get(f"{BASE}/api/v1/events", params={"after": cursor} if cursor else {}) as answer:
                page = await answer.json()
            for event in page["events"]:
                if event["type"] == "access_unlocked":
                    await bot.send_message(event["telegram_id"], "Your access is open.")
            cursor = page["next_cursor"]
            if not page["events"]:
                await asyncio.sleep(2)


async def main():
    asyncio.create_task(follow_feed())
    await dispatcher.start_polling(bot)


if __name__ == "__main__":
    asyncio.run(main())
