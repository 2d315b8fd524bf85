"""``debtsim serve`` (browser mode): the command each browser tab runs, the missing extra, and a live server.

The live tests start ``debtsim serve`` as a real process on a free loopback port, fetch the
page, open the websocket as a browser would and wait for the app's first frames, then stop the
server and check that no app process outlives it (also after ``kill -9``).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import shlex
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from simulator.cli import main, serve
from simulator.cli import parser as cli_parser
from simulator.i18n import resolve_lang
from simulator.store import who

PY = "/opt/py/bin/python3"


def _args(argv: list[str]) -> argparse.Namespace:
    """``argv`` through the real parser, as ``simulator.cli.main`` sees it."""
    args = cli_parser.merge_globals(cli_parser.build("en").parse_args(argv))
    args.lang = resolve_lang(args.lang)
    args.catalog = [Path(p).expanduser() for p in args.catalog]
    return args


# --- the command line each tab runs ----------------------------------------------------------


def test_every_app_option_is_forwarded_before_or_after_serve(tmp_path: Path) -> None:
    catalog = tmp_path / "room catalog"
    args = _args(["--lang", "en", "--exam", "serve", "--catalog", str(catalog), "--db", "postgresql://u:pw@db/room",
                  "--trainer", "--seed", "7", "--port", "9000"])
    assert serve.app_argv(args, PY) == [
        PY, "-m", "simulator.cli.serve_tab", "--lang", "en", "--catalog", str(catalog), "--db",
        "postgresql://u:pw@db/room", "--exam", "--trainer", "--seed", "7",
    ]
    assert (args.host, args.port, args.public_url) == ("127.0.0.1", 9000, None)


def test_voice_options_reach_every_tab_before_or_after_serve(tmp_path: Path) -> None:
    """Issue 9: the whole room gets the same voice; a model folder is made absolute, a hub id is kept."""
    folder = tmp_path / "qwen model"
    folder.mkdir()
    args = _args(["--voice", "local", "serve", "--model", str(folder), "--device", "cpu", "--dtype", "float32"])
    assert serve.app_argv(args, PY)[5:] == ["--voice", "local", "--model", str(folder.absolute()), "--device", "cpu",
                                            "--dtype", "float32"]
    remote = _args(["serve", "--voice", "remote", "--base-url", "http://gpu:8000/v1", "--model", "Qwen/Qwen2.5-7B"])
    assert serve.app_argv(remote, PY)[5:] == ["--voice", "remote", "--model", "Qwen/Qwen2.5-7B", "--base-url",
                                              "http://gpu:8000/v1"]
    assert "--voice" not in serve.app_argv(_args(["serve"]), PY)


def test_defaults_pin_no_trainee_and_pass_no_database() -> None:
    """Each browser's home screen asks its own name; the database is the server's default (or DEBTSIM_DB)."""
    args = _args(["serve"])
    assert serve.app_argv(args, PY) == [PY, "-m", "simulator.cli.serve_tab", "--lang", "zh"]
    assert (args.host, args.port) == ("127.0.0.1", 8000)
    assert serve.app_argv(_args(["serve", "--trainee", "王 芳"]), PY)[-2:] == ["--trainee", "王 芳"]


@pytest.mark.skipif(sys.platform == "win32", reason="checks the POSIX shell's reading of the command")
def test_paths_with_spaces_and_quotes_survive_the_shell(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    args = _args(["--catalog", "it's my catalog", "serve", "--db", "room db; rm -rf ~.sqlite"])
    argv = serve.app_argv(args, "/opt/my python/bin/python3")
    assert argv[argv.index("--catalog") + 1] == str(tmp_path / "it's my catalog")  # made absolute
    assert argv[argv.index("--db") + 1] == str(tmp_path / "room db; rm -rf ~.sqlite")
    command = serve.app_command(args, python="/opt/my python/bin/python3", windows=False)
    assert command.startswith("exec ")  # the shell becomes the app: signals reach it, no idle sh per tab
    assert shlex.split(command.removeprefix("exec ")) == argv
    # the real shell gives the app exactly these arguments
    echoed = subprocess.run(["sh", "-c", command.replace("exec ", "exec printf '%s\\n' ", 1)],
                            capture_output=True, text=True, check=True).stdout.splitlines()
    assert echoed == argv


def test_windows_command_line_is_quoted_for_cmd() -> None:
    args = _args(["serve", "--db", "postgresql://u@db/room", "--trainee", "Ann Lee"])
    command = serve.app_command(args, python=r"C:\Program Files\Python\python.exe", windows=True)
    assert command.startswith(r'"C:\Program Files\Python\python.exe" -m simulator.cli.serve_tab')
    assert command.endswith('--trainee "Ann Lee"')


def test_the_address_to_print(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(serve, "lan_address", lambda: "192.168.1.20")
    assert serve.browser_url("127.0.0.1", 8000) == "http://127.0.0.1:8000/"
    assert serve.browser_url("0.0.0.0", 8000) == "http://192.168.1.20:8000/"
    assert serve.browser_url("::1", 8080) == "http://[::1]:8080/"
    assert serve.browser_url("0.0.0.0", 8000, "https://train.example.com/debtsim") == "https://train.example.com/debtsim/"


def test_served_apps_neither_read_nor_keep_a_remembered_name(monkeypatch: pytest.MonkeyPatch) -> None:
    """One server, many trainees: the name typed in one tab must not be offered to the next."""
    who.trainee("Ann", remember=True)
    assert who.known() == "Ann"
    monkeypatch.setenv(who.REMEMBER_ENV, "0")
    assert who.known() is None
    who.trainee("Bob", remember=True)
    monkeypatch.delenv(who.REMEMBER_ENV)
    assert who.known() == "Ann"


# --- the optional extra ----------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "words"), [("en", "optional textual-serve"), ("zh", "可选组件 textual-serve")])
def test_without_the_extra_one_line_names_the_install(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
                                                      lang: str, words: str) -> None:
    # None in sys.modules makes `import textual_serve...` raise ImportError, as when it is not installed.
    monkeypatch.setitem(sys.modules, "textual_serve", None)
    monkeypatch.setitem(sys.modules, "textual_serve.server", None)
    assert main(["--lang", lang, "serve"]) == 1
    err = capsys.readouterr().err
    assert words in err and 'pip install "debtsim[serve]"' in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_serve_help_in_both_languages(capsys: pytest.CaptureFixture[str]) -> None:
    for lang, words in (("en", "browser mode"), ("zh", "浏览器模式")):
        with pytest.raises(SystemExit):
            main(["--lang", lang, "serve", "--help"])
        out = capsys.readouterr().out
        assert words in out and "--public-url" in out and "--port" in out


def test_a_taken_port_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("textual_serve", reason="the serve extra is not installed (pip install \"debtsim[serve]\")")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["--lang", "en", "serve", "--port", str(port)]) == 1
    err = capsys.readouterr().err
    assert f"cannot listen on 127.0.0.1:{port}" in err and "Traceback" not in err


# --- a live server ---------------------------------------------------------------------------

live = pytest.mark.skipif(sys.platform == "win32", reason="process-group checks are POSIX")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _group_alive(pgid: int) -> bool:
    """Whether any live (non-zombie) process is left in process group ``pgid``."""
    if Path("/proc/self/stat").exists():
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                except (OSError, IndexError):
                    continue
                if int(fields[2]) == pgid and fields[0] != "Z":
                    return True
        return False
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


def _wait_group_gone(pgid: int, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not _group_alive(pgid):
            return True
        time.sleep(0.05)
    return False


@contextmanager
def _served(tmp_path: Path) -> Iterator[tuple[subprocess.Popen[bytes], int, Path]]:
    """``debtsim serve`` in its own process group; whatever happens, nothing of it is left behind."""
    port, log = _free_port(), tmp_path / "serve.log"
    db = tmp_path / "room db.sqlite"
    with log.open("wb") as out:
        proc = subprocess.Popen([sys.executable, "-m", "simulator", "--lang", "en", "serve", "--port", str(port),
                                 "--db", str(db)], stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1).close()
                break
            except OSError:
                assert proc.poll() is None, f"debtsim serve exited early:\n{log.read_text('utf-8', 'replace')}"
                assert time.monotonic() < deadline, f"no answer in 30 s:\n{log.read_text('utf-8', 'replace')}"
                time.sleep(0.1)
        yield proc, port, log
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=10)
        if not _wait_group_gone(proc.pid, 5):
            os.killpg(proc.pid, signal.SIGKILL)
            pytest.fail("an app process outlived the server")


async def _first_frames(port: int, then: signal.Signals, proc: subprocess.Popen[bytes]) -> tuple[float, float]:
    """Open a tab; return seconds to its first frame and to the painted home screen, then signal the server."""
    import aiohttp

    start = time.monotonic()
    first = painted = 0.0
    screen = b""
    async with aiohttp.ClientSession() as session, \
            session.ws_connect(f"ws://127.0.0.1:{port}/ws?width=120&height=40") as ws:
        while not painted:
            message = await asyncio.wait_for(ws.receive(), timeout=max(0.1, 15 - (time.monotonic() - start)))
            assert message.type == aiohttp.WSMsgType.BINARY, message
            first = first or time.monotonic() - start
            screen += message.data
            if b"Persona" in screen:  # the home screen's persona list, painted by the app itself
                painted = time.monotonic() - start
        proc.send_signal(then)
        async for _ in ws:  # keep reading, as a browser does, until the server closes the tab
            pass
    return first, painted


@live
def test_the_app_page_and_a_tab_that_runs_the_app(tmp_path: Path) -> None:
    pytest.importorskip("textual_serve", reason="the serve extra is not installed (pip install \"debtsim[serve]\")")
    with _served(tmp_path) as (proc, port, log):
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:
            assert response.status == 200
            page = response.read().decode("utf-8")
        assert "<div>debtsim</div>" in page  # our title, never the command line (it may hold a DB password)
        assert f'data-session-websocket-url="ws://127.0.0.1:{port}/ws"' in page
        # without --public-url the page follows the address the browser used (not ws://0.0.0.0)
        asked = urllib.request.Request(f"http://127.0.0.1:{port}/", headers={"Host": f"room-pc:{port}"})
        with urllib.request.urlopen(asked, timeout=5) as response:
            assert f'ws://room-pc:{port}/ws' in response.read().decode("utf-8")

        first, painted = asyncio.run(_first_frames(port, signal.SIGTERM, proc))
        assert proc.wait(timeout=10) == 0  # a tab open, and still a prompt, clean stop
        assert _wait_group_gone(proc.pid, 5), "the tab's app outlived the server"
        out = log.read_text("utf-8", "replace")
        assert f"Open in a browser: http://127.0.0.1:{port}/" in out and "room db.sqlite" in out
        assert "serve_tab" not in out  # the command line is not echoed
        print(f"first frame {first:.2f} s, home screen {painted:.2f} s after connecting")


@live
def test_a_killed_server_leaves_no_app_behind(tmp_path: Path) -> None:
    pytest.importorskip("textual_serve", reason="the serve extra is not installed (pip install \"debtsim[serve]\")")
    with _served(tmp_path) as (proc, port, _log):
        # The tab loses its server mid-session (the OOM killer, kill -9); the app's watchdog must end it.
        asyncio.run(_first_frames(port, signal.SIGKILL, proc))
        proc.wait(timeout=10)
        assert _wait_group_gone(proc.pid, 5), "the tab's app outlived a killed server"


def test_served_module_runs_the_real_cli() -> None:
    """``python -m simulator.cli.serve_tab ARGS`` is ``debtsim ARGS`` (here: its version)."""
    out = subprocess.run([sys.executable, "-m", serve.TAB_MODULE, "--version"], capture_output=True, text=True,
                         timeout=30)
    assert out.returncode == 0 and re.match(r"debtsim \d", out.stdout), out


def test_watchdog_ends_the_app_when_the_server_goes(tmp_path: Path) -> None:
    """The parent changes (the server died): the watchdog sends SIGTERM to the app."""
    code = ("import os, sys, time\n"
            "from simulator.cli.serve_tab import watch_parent\n"
            "watch_parent(os.getppid() + 1, every=0.01)\n"  # not our parent: fires at once
            "time.sleep(10)\n")
    if sys.platform == "win32":
        pytest.skip("POSIX signals")
    done = subprocess.run([sys.executable, "-c", code], timeout=10)
    assert done.returncode == -signal.SIGTERM
