#!/usr/bin/env python3
"""Writes vectors.json: webhook deliveries signed the Standard Webhooks way, for WebhookVectorsTest.

An implementation independent of the Java code under test, on Python's standard library only
(hmac, hashlib, base64, json). Regenerate from the repository root with

    python3 core/src/test/resources/webhooks/generate_vectors.py

The output is deterministic: the same script writes the same file. The secrets are made up for
these tests and sign nothing else.
"""

import base64
import hashlib
import hmac
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
TOLERANCE = 300
TS = 1719168000  # 2024-06-23T18:40:00Z


def whsec(label):
    """A made-up whsec_ secret: 32 bytes derived from a label, base64-encoded after the prefix."""
    return "whsec_" + base64.b64encode(hashlib.sha256(label.encode("utf-8")).digest()).decode("ascii")


SECRET_A = whsec("realtime-sessions webhook vectors: secret A")
SECRET_B = whsec("realtime-sessions webhook vectors: secret B")
# Not whsec_: the key is the secret's UTF-8 bytes, non-ASCII included.
SECRET_RAW = "plain secret, used as UTF-8 \u00e4\u00f6\u00fc \u2713"


def key_of(secret):
    if secret.startswith("whsec_"):
        return base64.b64decode(secret[len("whsec_"):], validate=True)
    return secret.encode("utf-8")


def sign(key, webhook_id, timestamp, body):
    signed = webhook_id.encode("utf-8") + b"." + timestamp.encode("utf-8") + b"." + body
    return base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode("ascii")


def reference_verify(secrets, headers, body, now):
    """What the vectors expect, as a second opinion written from the rules, not from the Java code."""
    timestamp = headers["webhook-timestamp"]
    if not timestamp.isdigit():
        return "MALFORMED_TIMESTAMP"
    if now - int(timestamp) > TOLERANCE:
        return "TIMESTAMP_TOO_OLD"
    if int(timestamp) > now + TOLERANCE:
        return "TIMESTAMP_TOO_NEW"
    given = [entry[3:] for entry in headers["webhook-signature"].split() if entry.startswith("v1,")]
    for secret in secrets:
        expected = sign(key_of(secret), headers["webhook-id"], timestamp, body)
        if any(hmac.compare_digest(expected, candidate) for candidate in given):
            return None
    return "NO_MATCHING_SIGNATURE"


CALL_COMPACT = json.dumps({
    "id": "evt_685343a1381c819085d44c354e1b330e",
    "type": "realtime.call.incoming",
    "created_at": TS,
    "data": {
        "call_id": "rtc_u0_479a275623b54bdb9b6fbae2f7cbd408",
        "sip_media_security": "srtp",
        "sip_headers": [
            {"name": "Max-Forwards", "value": "63"},
            {"name": "CSeq", "value": "851287 INVITE"},
            {"name": "Content-Type", "value": "application/sdp"},
        ],
    },
}, separators=(",", ":")).encode("utf-8")

# Pretty-printed, CRLF line ends, a tab, non-ASCII text and an escaped character, as a sender might write it.
CALL_UNICODE = (
    "{\r\n"
    "  \"object\": \"event\",\r\n"
    "  \"id\": \"evt_\u00fcnicode\",\r\n"
    "  \"type\":\t\"realtime.call.incoming\",\r\n"
    "  \"created_at\": 1719168000,\r\n"
    "  \"data\": {\r\n"
    "    \"call_id\": \"rtc_u1_5c2f8a\",\r\n"
    "    \"sip_headers\": [\r\n"
    "      {\"name\": \"From\", \"value\": \"\\\"Zo\u00eb \u00d1\u00fa\u00f1ez \U0001F4DE\\\" <sip:+4930123456@example.com>\"},\r\n"
    "      {\"name\": \"X-Note\", \"value\": \"caf\\u00e9 \u2014 \u65e5\u672c\"},\r\n"
    "      {\"name\": \"From\", \"value\": \"<sip:second@example.com>\"}\r\n"
    "    ]\r\n"
    "  }\r\n"
    "}\r\n"
).encode("utf-8")

# The spec's example of the GPT-Live incoming call (WebhookLiveTransportIncoming), as a sender might write it.
LIVE_TRANSPORT = json.dumps({
    "id": "evt_abc123",
    "type": "live.transport.incoming",
    "created_at": TS,
    "data": {
        "type": "sip",
        "session_id": "live_u0_479a275623b54bdb9b6fbae2f7cbd408",
        "sip_media_security": "srtp",
        "sip_headers": [
            {"name": "From", "value": "<sip:alice@example.com>;tag=abc123"},
            {"name": "To", "value": "<sip:recipient@example.com>"},
            {"name": "Call-ID", "value": "call-123@example.com"},
        ],
    },
}, indent=2).encode("utf-8")

UNKNOWN_EVENT = json.dumps({
    "id": "evt_2",
    "type": "response.completed",
    "created_at": TS,
    "object": "event",
    "data": {"id": "resp_1", "\u00e9tat": "termin\u00e9"},
}, ensure_ascii=False, indent=1).encode("utf-8")


def delivery(name, secrets, body, signatures, now, expected, webhook_id="msg_2LJc0ZpGR3mfjVIzq4MqX0W2LSQ",
             timestamp=str(TS), delivered_body=None):
    """One vector: signatures is a list of header entries; delivered_body, if given, replaces the signed body."""
    received = body if delivered_body is None else delivered_body
    headers = {
        "webhook-id": webhook_id,
        "webhook-timestamp": timestamp,
        "webhook-signature": signatures,
    }
    outcome = reference_verify(secrets, headers, received, now)
    assert outcome == expected.get("reason"), (name, outcome, expected)
    return {
        "name": name,
        "secrets": secrets,
        "now": now,
        "headers": headers,
        "body_base64": base64.b64encode(received).decode("ascii"),
        "body": received.decode("utf-8"),
        "expected": expected,
    }


def v1(secret, body, webhook_id="msg_2LJc0ZpGR3mfjVIzq4MqX0W2LSQ", timestamp=str(TS)):
    return "v1," + sign(key_of(secret), webhook_id, timestamp, body)


def main():
    call = {"valid": True, "type": "realtime.call.incoming", "call_id": "rtc_u0_479a275623b54bdb9b6fbae2f7cbd408"}
    call_unicode = {"valid": True, "type": "realtime.call.incoming", "call_id": "rtc_u1_5c2f8a"}
    unknown = {"valid": True, "type": "response.completed"}
    live = {"valid": True, "type": "live.transport.incoming", "session_id": "live_u0_479a275623b54bdb9b6fbae2f7cbd408"}
    refused = {"valid": False, "reason": "NO_MATCHING_SIGNATURE"}
    reserialized = json.dumps(json.loads(CALL_UNICODE.decode("utf-8")), separators=(",", ":")).encode("utf-8")
    tampered = CALL_COMPACT.replace(b"rtc_u0_", b"rtc_u9_")
    vectors = [
        delivery("compact body, whsec_ secret", [SECRET_A], CALL_COMPACT, v1(SECRET_A, CALL_COMPACT), TS, call),
        delivery("pretty body with CRLF, tab and unicode", [SECRET_A], CALL_UNICODE, v1(SECRET_A, CALL_UNICODE), TS,
                 call_unicode),
        delivery("raw secret used as UTF-8 bytes", [SECRET_RAW], CALL_UNICODE, v1(SECRET_RAW, CALL_UNICODE), TS,
                 call_unicode),
        delivery("unknown event type, unicode keys", [SECRET_B], UNKNOWN_EVENT, v1(SECRET_B, UNKNOWN_EVENT), TS, unknown),
        delivery("rotation: signed with the second secret", [SECRET_A, SECRET_B], CALL_COMPACT,
                 v1(SECRET_B, CALL_COMPACT), TS, call),
        delivery("several signatures, the second matches", [SECRET_A], CALL_COMPACT,
                 v1(SECRET_B, CALL_COMPACT) + " " + v1(SECRET_A, CALL_COMPACT), TS, call),
        delivery("other versions and extra spaces around a v1 that matches", [SECRET_A], CALL_COMPACT,
                 "v1a,AAAA  v2," + sign(key_of(SECRET_A), "x", "1", b"") + "   " + v1(SECRET_A, CALL_COMPACT), TS, call),
        delivery("a correct MAC under another version only", [SECRET_A], CALL_COMPACT,
                 "v2," + sign(key_of(SECRET_A), "msg_2LJc0ZpGR3mfjVIzq4MqX0W2LSQ", str(TS), CALL_COMPACT), TS, refused),
        delivery("signed with another secret", [SECRET_A], CALL_COMPACT, v1(SECRET_B, CALL_COMPACT), TS, refused),
        delivery("whsec_ secret wrongly used as UTF-8 bytes", [SECRET_A], CALL_COMPACT,
                 "v1," + sign(SECRET_A.encode("utf-8"), "msg_2LJc0ZpGR3mfjVIzq4MqX0W2LSQ", str(TS), CALL_COMPACT), TS,
                 refused),
        delivery("body re-serialized after signing", [SECRET_A], CALL_UNICODE, v1(SECRET_A, CALL_UNICODE), TS, refused,
                 delivered_body=reserialized),
        delivery("body tampered after signing", [SECRET_A], CALL_COMPACT, v1(SECRET_A, CALL_COMPACT), TS, refused,
                 delivered_body=tampered),
        delivery("timestamp exactly the tolerance old", [SECRET_A], CALL_COMPACT, v1(SECRET_A, CALL_COMPACT),
                 TS + TOLERANCE, call),
        delivery("timestamp one second too old", [SECRET_A], CALL_COMPACT, v1(SECRET_A, CALL_COMPACT),
                 TS + TOLERANCE + 1, {"valid": False, "reason": "TIMESTAMP_TOO_OLD"}),
        delivery("timestamp exactly the tolerance ahead", [SECRET_A], CALL_COMPACT, v1(SECRET_A, CALL_COMPACT),
                 TS - TOLERANCE, call),
        delivery("timestamp one second too new", [SECRET_A], CALL_COMPACT, v1(SECRET_A, CALL_COMPACT),
                 TS - TOLERANCE - 1, {"valid": False, "reason": "TIMESTAMP_TOO_NEW"}),
        delivery("timestamp not whole seconds", [SECRET_A], CALL_COMPACT,
                 v1(SECRET_A, CALL_COMPACT, timestamp=str(TS) + ".5"), TS,
                 {"valid": False, "reason": "MALFORMED_TIMESTAMP"}, timestamp=str(TS) + ".5"),
        delivery("unicode webhook-id", [SECRET_A], CALL_COMPACT, v1(SECRET_A, CALL_COMPACT, webhook_id="msg_\u00e9\u2713"),
                 TS, call, webhook_id="msg_\u00e9\u2713"),
        delivery("GPT-Live incoming call, the spec's example", [SECRET_A], LIVE_TRANSPORT, v1(SECRET_A, LIVE_TRANSPORT), TS,
                 live),
        delivery("GPT-Live incoming call, rotation", [SECRET_A, SECRET_B], LIVE_TRANSPORT, v1(SECRET_B, LIVE_TRANSPORT),
                 TS, live),
        delivery("GPT-Live incoming call, session id tampered", [SECRET_A], LIVE_TRANSPORT,
                 v1(SECRET_A, LIVE_TRANSPORT), TS, refused,
                 delivered_body=LIVE_TRANSPORT.replace(b"live_u0_", b"live_u9_")),
    ]
    document = {
        "generator": "generate_vectors.py (Python standard library: hmac, hashlib, base64)",
        "tolerance_seconds": TOLERANCE,
        "vectors": vectors,
    }
    with open(os.path.join(HERE, "vectors.json"), "w", encoding="utf-8", newline="\n") as out:
        json.dump(document, out, ensure_ascii=False, indent=2)
        out.write("\n")


if __name__ == "__main__":
    main()
