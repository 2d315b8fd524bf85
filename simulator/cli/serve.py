"""``debtsim serve``: the trainee app in web browsers, for a training room (textual-serve).

textual-serve does not take an App object: for every browser tab that connects it starts a
*command* through the shell, with Textual's web driver named in its environment, and relays
that terminal over a websocket. So each tab is its own ``debtsim`` process on the serving
host (its own trainee, call and memory), and the command we hand over must be the real app
started with the options this command was given. :func:`app_command` builds it (pure, tested).

``textual_serve`` (and aiohttp under it) is an optional extra, imported inside :func:`run`
only: it is never part of ``debtsim``'s start-up.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shlex
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

from simulator.cli import store_opts
from simulator.i18n import t
from simulator.store import who

INSTALL_HINT = 'pip install "debtsim[serve]"'
WILDCARD_HOSTS = frozenset({"0.0.0.0", "::", ""})
TAB_MODULE = "simulator.cli.serve_tab"


def app_argv(args: argparse.Namespace, python: str | None = None) -> list[str]:
    """The argv of one served app: bare ``debtsim`` with this command's app options.

    ``python -m`` rather than the ``debtsim`` script: the same interpreter and install as the
    server, whatever is on ``PATH``. :mod:`simulator.cli.serve_tab` is ``python -m simulator``
    plus a watchdog that ends the app if the server dies. Folders and SQLite paths are made
    absolute so the command means the same from any working directory. A trainee name is
    passed only when given: otherwise each browser's home screen asks its own trainee.
    """
    argv = [python or sys.executable or "python3", "-m", TAB_MODULE, "--lang", args.lang]
    for folder in getattr(args, "catalog", None) or []:
        argv += ["--catalog", _absolute(str(folder))]
    db = getattr(args, "app_db", None)
    if db:
        argv += ["--db", db if "://" in db else _absolute(db)]
    trainee = (getattr(args, "app_trainee", None) or "").strip()
    if trainee:
        argv += ["--trainee", trainee]
    if getattr(args, "app_exam", False):
        argv.append("--exam")
    if getattr(args, "app_trainer", False):
        argv.append("--trainer")
    seed = getattr(args, "app_seed", None)
    if seed is not None:
        argv += ["--seed", str(seed)]
    for key in ("voice", "model", "base_url", "device", "dtype"):  # issue 9: every tab gets the same voice
        value = getattr(args, f"app_{key}", None)
        if value:
            argv += ["--" + key.replace("_", "-"), _absolute(value) if key == "model" and _is_path(value) else value]
    return argv


def _is_path(model: str) -> bool:
    """A model given as a folder or file here (made absolute), not a hub id like ``Qwen/Qwen2.5-1.5B-Instruct``."""
    return model.startswith((".", "~", "/")) or model.lower().endswith(".gguf") or Path(model).expanduser().exists()


def app_command(args: argparse.Namespace, *, python: str | None = None, windows: bool = os.name == "nt") -> str:
    """The shell command line textual-serve runs per tab (it uses ``create_subprocess_shell``).

    On POSIX ``exec`` replaces the shell with the app, so the quit and terminate signals reach
    the app itself and no idle ``sh`` is left per tab; every argument is ``shlex``-quoted.
    """
    argv = app_argv(args, python)
    if windows:
        return subprocess.list2cmdline(argv)
    return "exec " + shlex.join(argv)


def browser_url(host: str, port: int, public_url: str | None = None) -> str:
    """The address to print for the trainees: ``--public-url``, else this host's own address."""
    if public_url:
        return public_url.rstrip("/") + "/"
    if host in WILDCARD_HOSTS:
        host = lan_address()
    if ":" in host:  # an IPv6 literal
        host = f"[{host}]"
    return f"http://{host}:{port}/"


def lan_address() -> str:
    """This machine's address on its default route (no packet is sent), else its host name."""
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("10.255.255.255", 1))  # UDP connect only picks the outgoing interface
        return str(probe.getsockname()[0])
    except OSError:
        return socket.gethostname()
    finally:
        probe.close()


def run(args: argparse.Namespace) -> int:
    """Check the database once, then serve the app until Ctrl+C."""
    lang = args.lang
    try:
        from textual_serve.server import Server
    except ImportError as exc:
        store_opts.error(args, t("serve.missing", lang, error=str(exc) or type(exc).__name__, hint=INSTALL_HINT))
        return 1
    problem = listen_problem(args.host, args.port)
    if problem is not None:  # checked first: aiohttp runs our start-up banner before it binds
        store_opts.error(args, t("serve.cannot_listen", lang, host=args.host, port=args.port, error=problem))
        return 1
    # Open (create, migrate) the store here, once: a wrong --db is one line now, not an error
    # in every browser tab later, and thirty tabs do not race to create the schema.
    store = store_opts.open_store(argparse.Namespace(db=args.app_db, lang=lang))
    if store is None:
        return 1
    where = store.where
    store.close()
    # Inherited by every served app (textual-serve copies os.environ): one server, many
    # trainees, so no trainee name is carried from one tab to the next.
    os.environ[who.REMEMBER_ENV] = "0"
    server = _server_type(Server)(
        app_command(args), host=args.host, port=args.port, title="debtsim", public_url=args.public_url,
    )
    server.debtsim_banner = [
        t("serve.open", lang, url=browser_url(args.host, args.port, args.public_url)),
        t("serve.each_tab", lang, db=where),
    ]
    try:
        server.serve()
    except OSError as exc:  # the port is taken, or the address is not this machine's
        store_opts.error(args, t("serve.cannot_listen", lang, host=args.host, port=args.port, error=exc.strerror or exc))
        return 1
    return 0


def listen_problem(host: str, port: int) -> str | None:
    """Why ``host:port`` cannot be listened on (taken, not this machine's), or ``None`` if it can."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host or None, port, type=socket.SOCK_STREAM,
                                                             flags=socket.AI_PASSIVE)[0]
        with socket.socket(family, kind, proto) as probe:
            if os.name != "nt":
                probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as aiohttp does
            probe.bind(address)
    except OSError as exc:
        return exc.strerror or str(exc)
    return None


def _server_type(base: type[Any]) -> type[Any]:
    """textual-serve's ``Server`` with three changes a training room needs.

    * Without ``--public-url`` the page's websocket and static URLs follow the address the
      browser used (textual-serve would write ``ws://0.0.0.0:8000`` for ``--host 0.0.0.0``,
      which no other desk can reach).
    * The start-up banner is ours, in the chosen language, and never echoes the command line
      (it may hold a database URL with a password).
    * Stopping the server ends every tab's app first: aiohttp would otherwise wait for the open
      websockets (19 s measured with one tab open) before cutting them off.
    """

    class DebtsimServer(base):  # type: ignore[misc, valid-type]
        debtsim_banner: list[str]

        def __init__(self, *pos: Any, **kw: Any) -> None:
            super().__init__(*pos, **kw)
            self.derive_url = kw.get("public_url") is None
            self.debtsim_banner = []
            self.open_tabs: set[asyncio.Task[Any]] = set()

        async def on_startup(self, app: Any) -> None:
            for line in self.debtsim_banner:
                print(line, flush=True)

        async def on_shutdown(self, app: Any) -> None:
            for task in list(self.open_tabs):
                task.cancel()  # textual-serve's handler then tells the app to quit and waits for it

        async def handle_index(self, request: Any) -> Any:
            if self.derive_url:
                # No await before the template reads it: one request at a time sees this value.
                self.public_url = f"{request.scheme}://{request.host}"
            return await super().handle_index(request)

        async def handle_websocket(self, request: Any) -> Any:
            task = asyncio.current_task()
            if task is not None:
                self.open_tabs.add(task)
            try:
                return await super().handle_websocket(request)
            finally:
                if task is not None:
                    self.open_tabs.discard(task)

    return DebtsimServer


def _absolute(path: str) -> str:
    return str(Path(path).expanduser().absolute())
