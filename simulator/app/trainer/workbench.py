"""The persona and case workbench: every catalog file, its problems, live reload, a test call.

Left, every persona and case with its layer and source file, and below them every problem as
``debtsim check`` prints it (``path:line: field: message``). Right, the highlighted entry as a
readable summary and as the YAML itself; a highlighted problem shows its file with the line
marked. The catalog files are polled once a second (a stat each, no watcher dependency) and
reloaded only when one changed, so a trainer editing a persona in their own editor sees it
here on save: a broken file shows its errors while the others still load, a fix clears them.
"""

from __future__ import annotations

import os
import shlex
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult, SuspendNotSupported
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import DataTable, OptionList, Select, Static, TabbedContent, Tabs
from textual.widgets.option_list import Option

from scoring.loading.problems import display_path
from simulator.app.keys import Key, localized
from simulator.app.services import Services
from simulator.app.trainer import catalog_view as view
from simulator.app.words import tr
from simulator.practice import CallSpec

if TYPE_CHECKING:
    from scoring.loading.problems import Problem
    from simulator.catalog import Catalog
    from simulator.catalog.watch import Fingerprint
    from simulator.practice import Practice

POLL_S = 1.0  # how often the catalog files are stat'ed; a reload happens only on a change


class Workbench(Horizontal):
    """Browse, check and try the catalog; ``t`` test call, ``n`` new from, ``r`` reload, ``e`` edit."""

    KEYS = (
        Key("t", "test_call", "wb.key_test", "wb.tip_test"),
        Key("n", "new_entry", "wb.key_new", "wb.tip_new"),
        Key("r", "reload", "wb.key_reload", "wb.tip_reload"),
        Key("e", "edit", "wb.key_edit", "wb.tip_edit"),
    )

    def __init__(self, services: Services, lang: str) -> None:
        super().__init__(id="workbench")
        self.services, self.lang = services, lang
        self.catalog: Catalog | None = None
        self.problems: list[Problem] = []
        self.selected: str | None = None  # a table row key ("persona:angry") or "problem:<path>"
        self.seen: Fingerprint | None = None
        self.watching = False  # a poll is running: the next tick skips

    def compose(self) -> ComposeResult:
        lang = self.lang
        with Vertical(id="wb-left"):
            table: DataTable[Any] = DataTable(id="wb-table", cursor_type="row", zebra_stripes=True)
            table.border_title = tr("wb.table", lang)
            yield table
            yield Select([], prompt=tr("wb.case_auto", lang), id="wb-case")
            problems = OptionList(id="wb-problems")
            problems.border_title = tr("wb.problems", lang, count=0)
            yield problems
        with Vertical(id="wb-right"):
            with VerticalScroll(id="wb-summary-box"):
                yield Static("", id="wb-summary")
            with VerticalScroll(id="wb-yaml-box"):
                yield Static("", id="wb-yaml")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for key in ("wb.col_id", "wb.col_layer", "wb.col_file", "wb.col_name"):
            table.add_column(tr(key, self.lang), key=key)
        table.loading = True
        self.action_reload()
        self.set_interval(POLL_S, self.poll)

    # --- loading and live reload ------------------------------------------------------------

    def poll(self) -> None:
        if not self.watching:
            self.watching = True
            self.check_files(force=False)

    def action_reload(self) -> None:
        self.watching = True
        self.check_files(force=True)

    @work(thread=True, group="catalog-watch", exit_on_error=False, description="catalog reload")
    def check_files(self, force: bool) -> None:
        """Reload when a file was added, removed or saved since the last look (or when asked)."""
        try:
            seen = self.services.catalog_fingerprint()
            if force or seen != self.seen:
                self.seen = seen
                catalog = self.services.reload_catalog()
                self.app.call_from_thread(self.fill, catalog, not force)
        except OSError:  # a folder vanished mid-listing: the next poll looks again
            pass
        finally:
            self.watching = False

    def fill(self, catalog: Catalog, changed: bool) -> None:
        from simulator.cli.check import errors_in_order

        first = self.catalog is None
        self.catalog = catalog
        lang = self.lang
        table = self.query_one(DataTable)
        table.loading = False
        table.clear()
        for kind, entries in (("persona", catalog.personas), ("case", catalog.cases)):
            for entry_id, entry in sorted(entries.items()):
                name = entry.model.name.get(lang) if kind == "persona" else entry.model.title.get(lang)
                table.add_row(Text(entry_id, style="cyan"), view.layer_label(entry.layer, lang),
                              view.short_path(entry.path), name, key=f"{kind}:{entry_id}")
        table.border_subtitle = tr("wb.counts", lang, personas=len(catalog.personas), cases=len(catalog.cases))
        self.problems = [*errors_in_order(catalog), *catalog.problems.notices]
        self.fill_problems()
        cases = self.query_one("#wb-case", Select)
        keep = cases.value
        cases.set_options([(f"{c.model.title.get(lang)} · {cid}", cid) for cid, c in sorted(catalog.cases.items())])
        if keep in catalog.cases:
            cases.value = keep
        self.reselect(first)
        if changed:
            self.app.notify(tr("wb.reloaded", lang, personas=len(catalog.personas), cases=len(catalog.cases),
                               problems=len(catalog.problems.errors)),
                            severity="warning" if catalog.problems.errors else "information", timeout=4)

    def fill_problems(self) -> None:
        from simulator.cli.check import notice_line

        box = self.query_one("#wb-problems", OptionList)
        box.clear_options()
        errors = [p for p in self.problems if p.severity == "error"]
        box.border_title = tr("wb.problems", self.lang, count=len(errors))
        box.set_class(not errors, "-clean")
        for index, problem in enumerate(self.problems):
            if problem.severity == "error":
                box.add_option(Option(Text(str(problem), style="red"), id=f"p{index}"))
            else:
                box.add_option(Option(Text(notice_line(problem, self.lang), style="dim"), id=f"p{index}"))
        if not self.problems:
            box.add_option(Option(Text(tr("wb.no_problems", self.lang), style="green"), disabled=True))

    def reselect(self, first: bool) -> None:
        """Keep showing what was shown: the same entry, or the fixed file once it loads."""
        table = self.query_one(DataTable)
        key = self.selected
        if key and key.startswith("problem:"):
            path = key.removeprefix("problem:")
            broken = next((p for p in self.problems if str(p.path) == path), None)
            if broken is not None:
                self.show_problem(broken)
                return
            key = self.key_of_file(path)  # fixed: its entry is back in the table
        keys = [str(row.value) for row in table.rows]
        if key in keys:
            table.move_cursor(row=keys.index(key), animate=False)
            self.show(key)
        elif keys:
            table.move_cursor(row=0, animate=False)
            self.show(keys[0])
        if first and self.may_take_focus():
            table.focus()

    def may_take_focus(self) -> bool:
        """Only while this tab is the one shown and nothing in it or another pane has focus.

        ``TabbedContent`` shows the pane of the focused widget: focusing the table from a
        late first load would pull the trainer back from the tab they moved to.
        """
        tabbed = next((a for a in self.ancestors if isinstance(a, TabbedContent)), None)
        if tabbed is not None and (self.parent is None or tabbed.active != self.parent.id):
            return False
        focused = self.screen.focused
        return focused is None or isinstance(focused, Tabs)

    def key_of_file(self, path: str) -> str | None:
        assert self.catalog is not None
        for kind, entries in (("persona", self.catalog.personas), ("case", self.catalog.cases)):
            for entry_id, entry in entries.items():
                if str(entry.path) == path:
                    return f"{kind}:{entry_id}"
        return None

    # --- what is shown -----------------------------------------------------------------------

    @on(DataTable.RowHighlighted, "#wb-table")
    def row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.row_key.value is not None:
            self.show(str(event.row_key.value))

    @on(OptionList.OptionHighlighted, "#wb-problems")
    def problem_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id:
            self.show_problem(self.problems[int(event.option.id[1:])])

    def entry(self, key: str) -> Any:
        kind, _, entry_id = key.partition(":")
        assert self.catalog is not None
        return (self.catalog.personas if kind == "persona" else self.catalog.cases).get(entry_id)

    def show(self, key: str) -> None:
        entry = self.entry(key) if self.catalog else None
        if entry is None:
            return
        self.selected = key
        text = view.persona_text(entry, self.lang) if key.startswith("persona:") else view.case_text(entry, self.lang)
        self.query_one("#wb-summary", Static).update(text)
        self.show_yaml(entry.path, None, entry.layer)

    def show_problem(self, problem: Problem) -> None:
        self.selected = f"problem:{problem.path}"
        text = Text(str(problem), style="bold red" if problem.severity == "error" else "dim")
        text.append("\n" + tr("wb.problem_help" if problem.severity == "error" else "wb.notice_help", self.lang),
                    style="dim")
        self.query_one("#wb-summary", Static).update(text)
        self.show_yaml(problem.path, problem.line)

    def show_yaml(self, path: Path, line: int | None, layer: str | None = None) -> None:
        self.query_one("#wb-yaml", Static).update(view.yaml_view(path, line))
        box = self.query_one("#wb-yaml-box", VerticalScroll)
        box.border_title = view.where(path, layer)
        box.scroll_to(y=max(0, (line or 1) - 4), animate=False)

    def selected_path(self) -> Path | None:
        key = self.selected
        if key is None:
            return None
        if key.startswith("problem:"):
            return Path(key.removeprefix("problem:"))
        entry = self.entry(key)
        return None if entry is None else entry.path

    # --- actions ---------------------------------------------------------------------------

    def action_test_call(self) -> None:
        """A call as the highlighted persona (a case: with its first persona), never stored."""
        catalog, key = self.catalog, self.selected or ""
        if catalog is None:
            return
        chosen = self.query_one("#wb-case", Select).value
        if key.startswith("persona:"):
            persona = key.removeprefix("persona:")
            suited = [c for c, e in sorted(catalog.cases.items()) if persona in e.model.personas]
            case = str(chosen) if chosen in catalog.cases else (suited or sorted(catalog.cases) or [None])[0]
        elif key.startswith("case:") and catalog.cases[key.removeprefix("case:")].model.personas:
            case = key.removeprefix("case:")
            persona = next((p for p in catalog.cases[case].model.personas if p in catalog.personas), "")
        else:
            persona = case = ""
        if not persona or not case:
            self.app.notify(tr("wb.pick_persona", self.lang), severity="warning")
            return
        self.start_test(CallSpec(persona, case, self.lang, None, self.services.settings.seed))

    @work(thread=True, group="test-call", exclusive=True, exit_on_error=False, description="starting a test call")
    def start_test(self, spec: CallSpec) -> None:
        call = self.services.test_call(spec)
        self.services.step_titles(spec.lang)  # warm the rubric before the call screen composes
        self.app.call_from_thread(self.open_test, call)

    def open_test(self, call: Practice) -> None:
        from simulator.app.screens.test_call import TestCallScreen

        self.app.push_screen(localized(TestCallScreen, self.lang)(call, self.services, self.lang))

    def action_new_entry(self) -> None:
        """Copy the highlighted persona or case under a new id (as ``debtsim new --from``)."""
        from simulator.app.trainer.new_entry import NewEntryScreen
        from simulator.cli.new import target_root

        key = self.selected or ""
        if self.catalog is None or not key.startswith(("persona:", "case:")):
            self.app.notify(tr("wb.pick_entry", self.lang), severity="warning")
            return
        kind, _, source = key.partition(":")
        target = target_root(list(self.services.settings.catalog_dirs))
        screen = localized(NewEntryScreen, self.lang)(self.catalog, kind, source, target, self.lang)  # type: ignore[arg-type]
        self.app.push_screen(screen, lambda path: self.created(kind, path))

    def created(self, kind: str, path: Path | None) -> None:
        """Show the new file (it loads on this reload) and say where it is."""
        if path is None:
            return
        self.selected = f"{kind}:{path.stem}"
        self.app.notify(tr("wb.new_done", self.lang, path=display_path(path)), timeout=8)
        self.action_reload()

    def action_edit(self) -> None:
        """The file in ``$VISUAL``/``$EDITOR``, the app suspended meanwhile; saving reloads it here."""
        path = self.selected_path()
        if path is None:
            return
        editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
        if not editor:
            self.app.notify(tr("wb.no_editor", self.lang, path=display_path(path)), timeout=8)
            return
        try:
            with self.app.suspend():
                subprocess.run([*shlex.split(editor), str(path)], check=False)
        except (SuspendNotSupported, OSError):  # a browser session, or an editor that will not start
            self.app.notify(tr("wb.no_editor", self.lang, path=display_path(path)), timeout=8)
            return
        self.action_reload()
