"""A real OpenAI-compatible chat-completions server on loopback, scripted per test (stdlib only).

Each request takes the next :class:`Answer` from ``server.answers`` (the last one repeats);
``server.requests`` records every request's headers and JSON body. Answers stream SSE over
chunked HTTP/1.1, so a "drop" is a real connection closed in the middle of a chunked body.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Answer:
    """One scripted response: SSE ``chunks`` (or ``status`` with ``body``, or ``raw`` lines)."""

    chunks: tuple[str, ...] = ()
    status: int = 200
    body: str = ""
    raw: tuple[str, ...] = ()  # SSE lines sent as they are (malformed data, comments)
    wait_first: float = 0.0  # seconds before the first byte of the body
    wait_between: float = 0.0
    drop_after: int | None = None  # close the connection after this many chunks
    done: bool = True  # send "data: [DONE]"


@dataclass
class Recorded:
    headers: dict[str, str]
    body: dict[str, Any]


@dataclass
class Script:
    answers: list[Answer] = field(default_factory=list)
    requests: list[Recorded] = field(default_factory=list)

    def next(self) -> Answer:
        return self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]


def _event(text: str) -> str:
    return "data: " + json.dumps({"choices": [{"index": 0, "delta": {"content": text}, "finish_reason": None}]},
                                 ensure_ascii=False)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    script: Script

    def log_message(self, *args: Any) -> None:  # quiet test output
        pass

    def do_POST(self) -> None:
        length = int(self.headers.get("content-length", 0))
        body = json.loads(self.rfile.read(length) or b"{}")
        script = self.server.script  # type: ignore[attr-defined]
        script.requests.append(Recorded({k.lower(): v for k, v in self.headers.items()}, body))
        answer = script.next()
        if self.path.rstrip("/") != "/v1/chat/completions":
            answer = Answer(status=404, body='{"error": "not found"}')
        if answer.status != 200:
            data = answer.body.encode()
            self.send_response(answer.status)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
            return
        self.send_response(200)
        self.send_header("content-type", "text/event-stream")
        self.send_header("transfer-encoding", "chunked")
        self.end_headers()
        self.wfile.flush()
        if answer.wait_first:
            time.sleep(answer.wait_first)
        lines = list(answer.raw) or [_event(c) for c in answer.chunks]
        try:
            for i, line in enumerate(lines):
                if answer.drop_after is not None and i >= answer.drop_after:
                    self.close_connection = True
                    self.wfile.flush()
                    self.connection.shutdown(2)  # mid-body: no terminating chunk
                    return
                if i and answer.wait_between:
                    time.sleep(answer.wait_between)
                self._chunk(line + "\n\n")
            if answer.done:
                self._chunk("data: [DONE]\n\n")
            self.wfile.write(b"0\r\n\r\n")
            self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError, OSError):
            pass  # the client gave up (a timeout test): fine

    def _chunk(self, text: str) -> None:
        data = text.encode()
        self.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
        self.wfile.flush()


@contextmanager
def serving(*answers: Answer) -> Iterator[tuple[str, Script]]:
    """``(base_url, script)`` of a server answering ``answers`` in turn, for a ``with`` block."""
    script = Script(list(answers) or [Answer(chunks=("喂？",))])
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    server.block_on_close = False
    server.script = script  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/v1", script
    finally:
        server.shutdown()
        server.server_close()
