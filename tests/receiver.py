"""A webhook receiver on loopback, for tests: it records each request and answers as told."""

import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Received:
    headers: dict[str, str]
    body: bytes


@dataclass
class Receiver:
    url: str
    requests: list[Received] = field(default_factory=list)
    answer_status: int = 204
    answer_headers: dict[str, str] = field(default_factory=dict)
    arrived: threading.Event = field(default_factory=threading.Event)


def start_receiver() -> tuple[Receiver, ThreadingHTTPServer]:
    receiver: Receiver

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            headers = {name.lower(): value for name, value in self.headers.items()}
            receiver.requests.append(Received(headers, body))
            self.send_response(receiver.answer_status)
            for name, value in receiver.answer_headers.items():
                self.send_header(name, value)
            self.end_headers()
            receiver.arrived.set()

        # A redirect followed as a GET would be recorded too.
        do_GET = do_POST

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    receiver = Receiver(url=f"http://127.0.0.1:{server.server_port}/hooks")
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return receiver, server
