#!/usr/bin/env python3
"""Reads postback-bridge's events feed with the standard library only.

    POSTBACK_BRIDGE_URL=https://bridge.example.com POSTBACK_BRIDGE_KEY=pbb_... \
        python3 feed_poller.py [--cursor-file feed.cursor] [--once]

Prints each event as one JSON line, in order, and stores the cursor after each page in the cursor file,
so a restart goes on where it stopped. --once stops when the feed has nothing new.
"""
import argparse
import json
import os
import sys
import time
import urllib.error
import urllib.parse
import urllib.request


def page(base, key, cursor):
    query = urllib.parse.urlencode({"after": cursor, "limit": 100} if cursor else {"limit": 100})
    request = urllib.request.Request(f"{base}/api/v1/events?{query}", headers={"Authorization": f"Bearer {key}"})
    with urllib.request.urlopen(request, timeout=30) as answer:
        return json.load(answer)


def main():
    arguments = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    arguments.add_argument("--cursor-file", default="feed.cursor")
    arguments.add_argument("--once", action="store_true")
    options = arguments.parse_args()
    base = os.environ["POSTBACK_BRIDGE_URL"].rstrip("/")
    key = os.environ["POSTBACK_BRIDGE_KEY"]
    cursor = ""
    if os.path.exists(options.cursor_file):
        with open(options.cursor_file) as stored:
            cursor = stored.read().strip()
    while True:
        try:
            answer = page(base, key, cursor)
        except urllib.error.HTTPError as error:
            sys.exit(f"{error.code}: {error.read().decode()}")
        for event in answer["events"]:
            # Handle the event here (idempotently, by event["id"]), then print it.
            print(json.dumps(event, ensure_ascii=False), flush=True)
        cursor = answer["next_cursor"]
        with open(options.cursor_file, "w") as stored:
            stored.write(cursor)
        if not answer["events"]:
            if options.once:
                return
            time.sleep(2)


if __name__ == "__main__":
    main()
