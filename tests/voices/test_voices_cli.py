"""``debtsim voices``: each voice, available or why not, in zh and en; ``--check`` asks the server."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from simulator.cli import main


def voices(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(["voices", *argv])
    out, err = capsys.readouterr()
    return code, out + err


def listing(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, Any]:
    code, out = voices(capsys, *argv, "--json")
    assert code == 0
    data = json.loads(out)
    return {v["voice"]: v for v in data["voices"]} | {"_": data}


@pytest.fixture
def models_server() -> Iterator[str]:
    """A loopback server answering ``GET /v1/models`` like vLLM does."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = json.dumps({"object": "list", "data": [{"id": "qwen2.5-7b", "object": "model"}]}).encode()
            self.send_response(200 if self.path == "/v1/models" else 404)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    server.shutdown()
    server.server_close()


def test_nothing_configured_in_both_languages(capsys: pytest.CaptureFixture[str], no_user_config: Path) -> None:
    code, en = voices(capsys, "--lang", "en")
    assert code == 0
    assert f"config file: {no_user_config} (not there; defaults used)" in en
    assert "✓ template (default): available" in en
    assert f"✗ local: unavailable — no model configured — --model DIR or [local] model in {no_user_config}" in en
    assert f"✗ remote: unavailable — no base URL configured — --base-url URL or [remote] base_url in {no_user_config}" in en
    _, zh = voices(capsys)
    assert "✓ template (默认): 可用" in zh and "未配置模型" in zh and "未配置服务地址" in zh


def test_a_missing_model_folder_and_a_configured_one(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                     no_user_config: Path) -> None:
    missing = tmp_path / "x"
    data = listing(capsys, "--lang", "en", "--model", str(missing))
    assert data["local"]["available"] is False and data["local"]["reason"] == f"model folder {missing} not found"
    folder = tmp_path / "model"
    folder.mkdir()
    (folder / "config.json").write_text("{}")
    no_user_config.write_text(f'[voice]\ndefault = "local"\n[local]\nmodel = "{folder}"\ndevice = "cpu"\n')
    data = listing(capsys, "--lang", "en")
    assert data["_"]["default"] == "local" and data["_"]["config_found"] is True
    assert data["local"] | {"available": True, "reason": f"model folder {folder}", "device": "cpu"} == data["local"]


def test_transformers_missing_says_how_to_install(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "transformers" else real(name, *a))
    (tmp_path / "config.json").write_text("{}")
    code, out = voices(capsys, "--lang", "en", "--model", str(tmp_path))
    assert "✗ local: unavailable — transformers not installed — pip install 'debtsim[llm]'" in out
    gguf = tmp_path / "m.gguf"
    gguf.write_bytes(b"GGUF")
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "gguf" else real(name, *a))
    _, out = voices(capsys, "--lang", "en", "--model", str(gguf))
    assert "reading GGUF needs the gguf and accelerate packages — pip install gguf accelerate" in out


def test_remote_is_offline_unless_checked(capsys: pytest.CaptureFixture[str], models_server: str) -> None:
    code, out = voices(capsys, "--lang", "en", "--base-url", models_server)
    assert f"✓ remote: available — {models_server} (model the server's default; not checked" in out
    code, out = voices(capsys, "--lang", "en", "--base-url", models_server, "--check")
    assert f"✓ remote: available — {models_server}: server answered 200 (models: qwen2.5-7b)" in out
    data = listing(capsys, "--base-url", models_server + "/", "--check")
    assert data["remote"]["models"] == ["qwen2.5-7b"] and data["remote"]["status"] == 200


def test_remote_that_does_not_answer(capsys: pytest.CaptureFixture[str]) -> None:
    import socket

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    _, out = voices(capsys, "--lang", "en", "--base-url", f"http://127.0.0.1:{port}/v1", "--check")
    assert f"✗ remote: unavailable — http://127.0.0.1:{port}/v1: cannot connect" in out


def test_a_bad_config_file_is_one_line(capsys: pytest.CaptureFixture[str], no_user_config: Path) -> None:
    no_user_config.write_text("[voice]\ndefualt = 'local'\n")
    code, out = voices(capsys)
    assert code == 2
    assert out.strip() == f"debtsim: 语音配置有误：{no_user_config} 第 2 行：[voice] 中没有设置项 defualt（是不是 default？）"
