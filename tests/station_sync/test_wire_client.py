"""The station's client on the wire of protocol 2: after the handshake its pushes go compressed in the rows form,
and pages and push answers come back so, yet it reads them as the same messages."""

from datetime import UTC, datetime

import httpx

from heze_station.domain.ids import new_id
from heze_station.station_sync.client import ServerClient
from heze_station.sync import PROTOCOL_VERSION, wire
from heze_station.sync.schemas import ClientTransaction, HandshakeRequest, Operation
from tests.server.client import DeviceClient
from tests.server.conftest import Server


class Recording(httpx.HTTPTransport):
    """The transport of a real connection that keeps every request and the headers of every answer."""

    def __init__(self) -> None:
        super().__init__()
        self.exchanges: list[tuple[httpx.Request, httpx.Headers]] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = super().handle_request(request)
        self.exchanges.append((request, response.headers))
        return response

    def last(self, path: str) -> tuple[httpx.Request, httpx.Headers]:
        return [exchange for exchange in self.exchanges if exchange[0].url.path == path][-1]


def test_after_the_handshake_pushes_and_pages_travel_compressed_in_the_rows_form(server: Server) -> None:
    station_id = server.create_station("城区驿站")
    recording = Recording()
    client = ServerClient(server.url, transport=recording)
    enrolled = client.enrol(server.enrol_code(station_id), "前台")
    client.log_in(enrolled.device_id, enrolled.device_secret)
    hello = client.handshake(HandshakeRequest(protocol_version=PROTOCOL_VERSION, schema_version="0002",
                                              app_version="t", device_time=datetime.now(UTC),
                                              hlc="001795800000000-00000-ab"))  # fmt: skip
    template = DeviceClient(server.url, str(enrolled.device_id), "", str(station_id), httpx.Client())
    made = template.transaction(*(template.op("case_file", new_id(), {"facts": "拖欠工资"}) for _ in range(40)))
    sent = [ClientTransaction(tx_id=made["tx_id"], ops=[Operation.model_validate(op, strict=False)
                                                        for op in made["ops"]])]  # fmt: skip
    answer = client.push(sent)
    request, headers = recording.last("/v1/sync/push")
    assert request.headers["content-type"] == wire.ROWS_MEDIA_TYPE
    assert request.headers["content-encoding"] == "zstd"
    assert headers["content-type"] == wire.ROWS_MEDIA_TYPE
    assert headers["content-encoding"] == "zstd"
    assert answer.next_seq == hello.next_seq + len(made["ops"])
    assert [op.op_id for op in answer.results[0].ops] == [op.op_id for op in sent[0].ops]
    page = client.pull(None, 1000)
    _request, headers = recording.last("/v1/sync/changes")
    assert (headers["content-type"], headers["content-encoding"]) == (wire.ROWS_MEDIA_TYPE, "zstd")
    pushed = {op.row_id: op.fields["facts"] for op in sent[0].ops if op.table == "case_file"}
    assert {change.row_id: change.fields["facts"] for change in page.changes if change.row_id in pushed} == pushed
    client.close()
