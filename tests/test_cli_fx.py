"""`sellertui fx update`: the ECB rates from a stand-in server on 127.0.0.1, and a clear sentence offline."""

from __future__ import annotations

import io
import threading
import zipfile
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from sellertui.cli import main
from sellertui.domain.profit import ecb

HISTORY = "Date,USD,CAD,\n2026-11-20,1.1000,1.5000,\n2026-11-19,1.1100,1.5100,\n"


def _zip(text: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("eurofxref-hist.csv", text)
    return buffer.getvalue()


@pytest.fixture
def server():
    """Serves ``answers[path] = (status, body)`` on an ephemeral port of 127.0.0.1."""
    answers: dict[str, tuple[int, bytes]] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            status, body = answers.get(self.path, (404, b"not here"))
            self.send_response(status)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", answers
    httpd.shutdown()
    httpd.server_close()


def run(capsys, url: str, *extra: str) -> tuple[int, str, str]:
    from sellertui import paths

    config = paths.config_file()
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text(f'[fx]\necb_url = "{url}"\ntimeout_seconds = 5.0\n')
    try:
        code = main(["fx", "update", *extra])
    except SystemExit as exc:
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


def test_update_saves_the_history_and_the_p_and_l_uses_it(capsys, server) -> None:
    base, answers = server
    answers["/hist.zip"] = (200, _zip(HISTORY))
    code, out, err = run(capsys, f"{base}/hist.zip")
    assert code == 0 and err == ""
    assert out.strip() == ("ECB reference rates from 2026-11-19 to 2026-11-20 (2 currencies) saved to "
                           f"{ecb.cached_file()}")
    assert ecb.table_file() == ecb.cached_file()
    rate = ecb.monthly_rate("2026-11", "CAD", "USD")
    assert (str(rate.rate), rate.last_day, rate.days) == ("0.734216", "2026-11-20", 2)  # (0.735099 + 0.733333) / 2


def test_offline_or_a_wrong_answer_is_one_sentence_and_changes_nothing(capsys, server) -> None:
    base, answers = server
    answers["/broken.zip"] = (200, b"<html>maintenance</html>")
    before = ecb.table_file()
    code, out, err = run(capsys, f"{base}/broken.zip")
    assert code == 1 and out == "" and "is not the ECB's rates history" in err and err.count("\n") == 1
    code, _, err = run(capsys, f"{base}/missing.zip")
    assert code == 1 and "answered 404 instead of the ECB rates" in err
    code, _, err = run(capsys, "http://127.0.0.1:9/hist.zip")  # nothing listens on the discard port
    assert code == 1 and "cannot reach 127.0.0.1 to download the ECB rates" in err and "offline?" in err
    assert ecb.table_file() == before and not ecb.cached_file().exists()


def test_the_bundled_history_is_there_without_any_download() -> None:
    assert Path(ecb.table_file()).name == "eurofxref-hist.zip" and not ecb.cached_file().exists()
    rate = ecb.monthly_rate("2025-01", "CAD", "USD")
    assert rate is not None and 0.6 < rate.rate < 0.8 and rate.days >= 20
