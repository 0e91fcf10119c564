"""What the station client and the city server agree on: wire schemas, syncable tables, merge rules, clocks.

Plain Python and pydantic only (no Qt, no FastAPI, no station storage), so that both sides import the same
definitions. The station's own network client and sync engine are in ``station_sync``, which the server never
imports. The protocol itself is described for people in docs/sync-protocol.md.
"""

PROTOCOL_VERSION = 2  # 2: bodies compressed and in the rows form (docs/sync-protocol.md 2.4); the server speaks 1 too
# Sent by a station's client on each sync request: how many changes typed on it the city has not received yet (its
# outbox), for the supervision page. Optional: an older client does not send it.
CHANGES_WAITING_HEADER = "X-Heze-Changes-Waiting"
