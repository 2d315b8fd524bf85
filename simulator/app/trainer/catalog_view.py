"""The workbench's readable summaries of a persona and a case, and its YAML view.

Plain functions from a catalog entry to Rich text, so the pane stays wiring only. Field names
from the YAML (``hang_up_when.on``, objection ids, needs) are shown as written: the trainer
edits those, and a translated name would not find the line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.console import RenderableType
from rich.syntax import Syntax
from rich.text import Text

from scoring.loading.problems import display_path
from simulator.app.words import tr
from simulator.catalog.loader import Entry
from simulator.catalog.models import Case, Persona

LAYERS = ("built-in", "user")  # the search-path layers with a translated label; the rest are flag names


def layer_label(layer: str, lang: str) -> str:
    return tr(f"wb.layer.{layer}", lang) if layer in LAYERS else layer


def short_path(path: Path) -> str:
    """``personas/angry.yaml``: the file within its catalog folder (the layer says which folder)."""
    return f"{path.parent.name}/{path.name}"


def file_label(entry: Entry[Any]) -> str:
    """Where the entry came from, as ``debtsim check`` names files.

    A built-in file is named within the built-in catalog: it lives wherever the package was
    installed, and a trainer copies it (``n``) rather than editing it there.
    """
    return f"{where(entry.path, entry.layer)}:{entry.line}"


def where(path: Path, layer: str | None) -> str:
    """A file's name for the trainer: within the built-in catalog, else as ``debtsim check`` prints it."""
    return short_path(path) if layer == "built-in" else display_path(path)


def _rows(text: Text, rows: list[tuple[str, str]]) -> None:
    for label, value in rows:
        text.append(f"\n{label}  ", style="dim")
        text.append(value)


def _head(text: Text, title: str, entry: Entry[Any], kind: str, lang: str) -> None:
    text.append(title, style="bold")
    text.append(f" · {entry.model.id}", style="cyan")
    text.append(f" · {tr(kind, lang)} · {layer_label(entry.layer, lang)}", style="dim")
    text.append("\n" + file_label(entry), style="underline")


def _amount(value: float | str) -> str:
    return value if isinstance(value, str) else f"{value:,.0f}"


def persona_text(entry: Entry[Persona], lang: str) -> Text:
    """Who the persona is, what they can pay, what they object to, what ends the call."""
    p = entry.model
    text = Text()
    _head(text, p.name.get(lang), entry, "wb.kind.persona", lang)
    text.append("\n" + p.summary.get(lang), style="italic")
    party = tr(f"party.{p.party.role}", lang)
    if p.party.relation is not None:
        party += f" ({p.party.relation.get(lang)})"
    if p.party.denies_until:
        party += " · denies_until: " + ", ".join(p.party.denies_until)
    t, m, agree, hang = p.temperament, p.truth.means, p.agree_when, p.hang_up_when
    rows = [
        (tr("wb.party", lang), party),
        (tr("wb.difficulty", lang), tr(f"difficulty.{p.difficulty}", lang)),
        (tr("wb.temperament", lang), tr("wb.temperament_value", lang, mood=f"{t.mood:+.2f}", trust=f"{t.trust:.2f}",
                                        patience=t.patience, verbosity=t.verbosity)),
        (tr("wb.means", lang), tr("wb.means_value", lang, lump=_amount(m.lump_sum_now), monthly=_amount(m.monthly),
                                  days=m.earliest_in_days,
                                  full="—" if m.full_by_days is None else m.full_by_days)),
        (tr("wb.reason", lang), p.truth.reason.get(lang)),
        (tr("wb.agree", lang), tr("wb.agree_value", lang, trust=f"{agree.min_trust:.2f}", mood=f"{agree.min_mood:+.2f}",
                                  needs=", ".join(agree.needs) or "—")),
        (tr("wb.hang_up", lang), tr("wb.hang_up_value", lang, mood=f"{hang.mood_below:+.2f}",
                                    on=", ".join(hang.on) or "—",
                                    patience=tr("wb.yes" if hang.when_patience_runs_out else "wb.no", lang))),
    ]
    if p.truth.dispute is not None:
        rows.append((tr("wb.dispute", lang), f"{p.truth.dispute.kind}: {p.truth.dispute.details.get(lang)}"))
    if p.truth.vulnerability is not None:
        rows.append((tr("wb.vulnerability", lang), p.truth.vulnerability.get(lang)))
    _rows(text, rows)
    text.append(f"\n{tr('wb.objections', lang)}", style="dim")
    for objection in p.objections:
        text.append(f"\n · {objection.id}", style="yellow")
        text.append(f" {objection.says.get(lang)} ")
        text.append(f"(resolved_by: {', '.join(objection.resolved_by)})", style="dim")
    if not p.objections:
        text.append(" —")
    text.append(f"\n{tr('wb.intents', lang)}  ", style="dim")
    text.append(", ".join(sorted(i.value for i in p.phrases)))
    return text


def case_text(entry: Entry[Case], lang: str) -> Text:
    """The debt and the call: product, amount, how late, when, where, how to verify."""
    from simulator.voices.slots import money, product

    c = entry.model
    text = Text()
    _head(text, c.title.get(lang), entry, "wb.kind.case", lang)
    if c.summary is not None:
        text.append("\n" + c.summary.get(lang), style="italic")
    rows = [
        (tr("call.name", lang), c.debtor_name.get(lang)),
        (tr("call.institution", lang), c.institution.get(lang)),
        (tr("call.product", lang), product(c.product, lang)),
        (tr("call.amount", lang), money(c.amount_due, c.currency, lang)),
        (tr("call.overdue", lang), tr("call.days", lang, days=c.days_overdue)),
        (tr("wb.call_time", lang), f"{c.call_local_time:%Y-%m-%d %H:%M} · {c.jurisdiction.value}"),
        (tr("call.verify", lang), ", ".join(f"{k}={v}" for k, v in c.verification.model_dump(exclude_none=True).items())),
        (tr("wb.suits", lang), ", ".join(c.personas) or "—"),
    ]
    if c.minimum_payment is not None:
        rows.insert(4, (tr("call.minimum", lang), money(c.minimum_payment, c.currency, lang)))
    facts = {k: v for k, v in c.scenario(lang).items() if k in {"contact_attempts_7d", "contacts_today",
             "attorney_on_record", "cease_requested", "validation_notice_sent"}}
    if facts:
        rows.append((tr("wb.facts", lang), ", ".join(f"{k}={v}" for k, v in facts.items())))
    if c.notes is not None:
        rows.append((tr("wb.notes", lang), c.notes.get(lang)))
    _rows(text, rows)
    return text


def yaml_view(path: Path, line: int | None = None) -> RenderableType:
    """The file itself with line numbers (``line`` highlighted: where a problem is)."""
    try:
        source = path.read_text("utf-8", errors="replace")
    except OSError as exc:
        return Text(f"{display_path(path)}: {exc.strerror or exc}", style="red")
    return Syntax(source, "yaml", theme="ansi_dark", line_numbers=True, word_wrap=True,
                  highlight_lines={line} if line else None, background_color="default")
