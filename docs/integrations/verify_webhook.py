#!/usr/bin/env python3
"""Receives postback-bridge's webhooks and checks their signatures, with the standard library only.

    WEBHOOK_SECRET=whsec_... python3 verify_webhook.py [--port 8080] [--max-events N]

Listens on 127.0.0.1 (put it behind your HTTPS proxy), verifies each POST as the Standard Webhooks
specification says (HMAC-SHA256 of "id.timestamp.body" with the secret's base64 bytes, a timestamp
within 5 minutes), answers 204 to a valid message and 401 to any other, and prints each new event as
one JSON line. A webhook-id already seen is acknowledged and not printed again: deliveries are at
least once. --max-events stops after that many new events (exit 0); a refused message makes the exit
code 1. verify() is the part to copy into your own bot.
"""
import argparse
import base64
import hashlib
import hmac
import http.server
import json
import os
import sys
import time

TOLERANCE_SECONDS = 5 * 60


class WebhookVerificationError(Exception):
    pass


def verify(secret, headers, body, now=None):
    """Returns the JSON message when the headers sign the body with this whsec_ secret; raises otherwise."""
    key = base64.b64decode(secret[len("whsec_"):] if secret.startswith("whsec_") else secret)
    message_id = headers.get("webhook-id")
    timestamp = headers.get("webhook-timestamp")
    signatures = headers.get("webhook-signature")
    if not message_id or not timestamp or not signatures:
        raise WebhookVerificationError("missing webhook-id, webhook-timestamp or webhook-signature")
    if not timestamp.isdigit() or abs((now or time.time()) - int(timestamp)) > TOLERANCE_SECONDS:
        raise WebhookVerificationError("timestamp missing or more than 5 minutes away")
    signed = f"{message_id}.{timestamp}.".encode() + body
    expected = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
    for signature in signatures.split(" "):
        version, _, value = signature.partition(",")
        if version == "v1" and hmac.compare_digest(value, expected):
            return json.loads(body)
    raise WebhookVerificationError("no matching v1 signature")


def serve(secret, port, max_events):
    seen = set()
    refused = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            headers = {name.lower(): value for name, value in self.headers.items()}
            try:
                message = verify(secret, headers, body)
            except (WebhookVerificationError, ValueError) as problem:
                refused.append(str(problem))
                print(f"refused: {problem}", file=sys.stderr, flush=True)
                self.send_response(401)
                self.end_headers()
                return
            self.send_response(204)
            self.end_headers()
            if headers["webhook-id"] not in seen:
                seen.add(headers["webhook-id"])
                print(json.dumps({"webhook_id": headers["webhook-id"], **message}), flush=True)

        def log_message(self, *arguments):
            pass

    server = http.server.HTTPServer(("127.0.0.1", port), Handler)
    print(f"listening on 127.0.0.1:{server.server_address[1]}", file=sys.stderr, flush=True)
    while max_events is None or len(seen) < max_events:
        server.handle_request()
    server.server_close()
    return 1 if refused else 0


def main():
    arguments = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    arguments.add_argument("--port", type=int, default=8080)
    arguments.add_argument("--max-events", type=int)
    options = arguments.parse_args()
    sys.exit(serve(os.environ["WEBHOOK_SECRET"], options.port, options.max_events))


if __name__ == "__main__":
    main()
