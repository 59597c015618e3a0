"""Signs webhook deliveries the Standard Webhooks way, independently of the Java code under test.

Python 3 standard library only. Writes signatures.json beside this file; the output is
deterministic. Run from the repository root:

    python3 local-endpoint/src/test/resources/dev/realtimesessions/local/webhooks/sign_vectors.py

Rules (spec notes, section C.2): the key is base64 of what follows "whsec_", else the secret's
UTF-8 bytes; the signed content is "{webhook-id}.{webhook-timestamp}.{body}" in UTF-8; the header
is "v1," + standard base64 of the HMAC-SHA256. The secrets are made up for these tests.
"""
import base64
import hashlib
import hmac
import json
import pathlib


def key(secret):
    if secret.startswith("whsec_"):
        return base64.b64decode(secret[len("whsec_"):], validate=True)
    return secret.encode("utf-8")


def sign(secret, webhook_id, timestamp, body):
    content = f"{webhook_id}.{timestamp}.{body}".encode("utf-8")
    return "v1," + base64.b64encode(hmac.new(key(secret), content, hashlib.sha256).digest()).decode("ascii")


CASES = [
    ("whsec_" + base64.b64encode(b"local-endpoint-test-secret-0001").decode("ascii"), "wh_local_0001", "1767225600",
     '{"id":"evt_local_1","object":"event","created_at":1767225600,"type":"realtime.call.incoming",'
     '"data":{"call_id":"rtc_local_1","sip_headers":[{"name":"From","value":"<sip:+14155550123@example.com>;tag=a"}]}}'),
    ("whsec_" + base64.b64encode(bytes(range(32))).decode("ascii"), "wh_local_0002", "1719168000",
     '{"id":"evt_abc123","type":"live.transport.incoming","created_at":1719168000,'
     '"data":{"type":"sip","session_id":"live_u0_1","sip_headers":[]}}'),
    ("a plain secret, used as its UTF-8 bytes", "wh_local_0003", "1700000000",
     '{"data":{"text":"Grüße, 你好 \\u00e9"},"type":"realtime.call.incoming"}'),
    ("whsec_" + base64.b64encode(b"\x00\xff\x10 binary key").decode("ascii"), "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W", "1614265330",
     '{"test": 2432232314}'),
]

vectors = [{"secret": s, "webhook_id": i, "timestamp": t, "body": b, "signature": sign(s, i, t, b)}
           for s, i, t, b in CASES]
out = pathlib.Path(__file__).with_name("signatures.json")
out.write_text(json.dumps(vectors, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
print(f"wrote {len(vectors)} vectors to {out}")
