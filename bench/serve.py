"""Serve a built site on 127.0.0.1 with gzip, as a static host would (used by the benchmarks)."""

from __future__ import annotations

import gzip
import os
import socket
import subprocess
import sys
import threading
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")


class GzipHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep benchmark output clean
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants_gzip and path.is_file() and path.suffix in COMPRESSIBLE):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        from io import BytesIO

        return BytesIO(body)


@contextmanager
def serve(site: Path):
    """Yield the base URL of `site` served on a free port of 127.0.0.1."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(GzipHandler, directory=str(site)))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def mkdocs_serve(config_file: Path, deadline: float):
    """`mkdocs serve` of `config_file` on a free port of 127.0.0.1. Yields read_until(text): the server's log lines
    from where the last reading stopped up to the first that holds `text` or "ERROR" (all of them if the server
    ends). After `deadline` seconds the server is killed, which ends any reading."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", "-f", str(config_file)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    timer = threading.Timer(deadline, server.kill)
    timer.start()

    def read_until(text: str) -> list[str]:
        lines = []
        for line in server.stdout:
            lines.append(line)
            if text in line or "ERROR" in line:
                break
        return lines

    try:
        yield read_until
    finally:
        timer.cancel()
        server.terminate()
        server.wait(timeout=30)
