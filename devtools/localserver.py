"""A quiet static server for a built site on 127.0.0.1, for the tests and the benchmark."""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import os
import socket
import threading
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class _CompressingHandler(_QuietHandler):
    """Gzips text files for clients that accept it, as real static hosts (GitHub Pages) do."""

    TEXT = (".html", ".css", ".js", ".json", ".svg", ".xml")

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        if not (path.endswith(self.TEXT) and os.path.isfile(path) and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        with open(path, "rb") as f:
            data = gzip.compress(f.read(), 6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        return io.BytesIO(data)


class Server:
    """Serves ``directory`` from a thread; ``compress`` gzips text like a real host."""

    def __init__(self, directory: Path, port: int | None = None, compress: bool = False):
        port = port or free_port()
        handler = functools.partial(_CompressingHandler if compress else _QuietHandler, directory=str(directory))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
        self.url = f"http://127.0.0.1:{port}/"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
