"""One error shape for every 4xx, whichever layer refuses: the route, the framework, the size limit, the throttle."""

import httpx

from heze_station.domain.ids import new_id

from .conftest import Server


def test_every_refusal_has_the_same_body_shape(server: Server) -> None:
    device = server.device(server.create_station("城区驿站"))
    supervisor = server.supervisor()
    anonymous = httpx.Client(base_url=server.url)
    refusals = {
        "missing token": anonymous.get("/v1/sync/changes"),
        "unknown token": anonymous.get("/v1/sync/changes", headers={"Authorization": "Bearer nonsense"}),
        "wrong role": supervisor.http.post("/v1/sync/push", json={"transactions": []}),
        "unknown route": device.http.get("/v1/nothing-here"),
        "wrong method": device.http.delete("/v1/sync/changes"),
        "bad query": device.http.get("/v1/sync/changes", params={"limit": 0}),
        "bad cursor": device.http.get("/v1/sync/changes", params={"cursor": "x"}),
        "malformed JSON": device.http.post("/v1/sync/push", content=b"{", headers={"Content-Type": "application/json"}),
        "not UTF-8": device.http.post("/v1/sync/push", content=b'{"a": "\xff"}',
                                      headers={"Content-Type": "application/json"}),
        "too large": device.http.post("/v1/sync/push", content=b" " * (server.settings.max_request_bytes + 1)),
        "unknown attachment": device.http.get(f"/v1/attachments/{'0' * 64}"),
        "bad enrolment": anonymous.post("/v1/enrol", json={"code": "", "device_name": "x"}),
        "wrong code": anonymous.post("/v1/enrol", json={"code": "AAAA-BBBB-CCCC", "device_name": "x"}),
        "wrong secret": anonymous.post("/v1/auth/token", json={"device_id": str(new_id()), "device_secret": "x"}),
        "not a QR code": anonymous.get("/v1/verify", params={"payload": "hello"}),
    }  # fmt: skip
    for what, answer in refusals.items():
        assert 400 <= answer.status_code < 500, (what, answer.status_code)
        body = answer.json()
        assert set(body) == {"error"}, (what, body)
        assert set(body["error"]) == {"code", "message", "details"}, (what, body)
        assert isinstance(body["error"]["code"], str), (what, body)
        assert body["error"]["message"], (what, body)
        assert body["error"]["details"] is None or isinstance(body["error"]["details"], dict), (what, body)
