"""Play the standard agents against one persona, in Chinese and English, through the real call.

Calls run in :class:`~simulator.session.CallSession` with the template voice, so hang-ups,
patience and the debtor's words are exactly what a trainee would meet. Each call is reduced
to a :class:`CallResult`: plain data for the checks, the table and ``--json``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from simulator.catalog.loader import Catalog
from simulator.catalog.models import Case, Persona
from simulator.debtor.terms import within_means
from simulator.selfcheck.agents import MAX_TURNS, SCRIPTS, View, case_slots
from simulator.session import CallSession

LANGS = ("zh", "en")
LANGUAGE_OF = {"CN": "zh", "US": "en", "UK": "en"}
"""The call's language from the case's jurisdiction (Chinese calls are CN calls)."""
_JURISDICTION_ORDER = {"CN": 0, "US": 1, "UK": 2}  # US before UK: the default pack for English calls


@dataclass(frozen=True)
class CallResult:
    """One scripted call, as the table and the checks see it."""

    script: str
    lang: str
    case: str
    outcome: str | None  # the debtor's view of what happened (``Debtor.outcome``)
    start_mood: float
    final_mood: float
    hang_up_turn: int | None  # the agent turn the debtor hung up after; None: stayed on
    turns: int  # agent turns said
    agreed_amount: float | None
    agreed_monthly: float | None
    agreed_date: date | None
    within_means: bool | None  # None: nothing agreed
    means_lump: float
    means_monthly: float
    means_payable: float
    intents: tuple[str, ...]  # the debtor's intent after each agent turn

    @property
    def agreed(self) -> bool:
        return self.agreed_amount is not None

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["agreed_date"] = self.agreed_date.isoformat() if self.agreed_date else None
        data["intents"] = list(self.intents)
        return data


def case_language(case: Case) -> str:
    return LANGUAGE_OF.get(case.jurisdiction.value, "en")


def pick_cases(catalog: Catalog, persona_id: str, case_id: str | None = None) -> dict[str, str]:
    """One case per language: ``case_id`` for its own language, the best fit for the other.

    Best fit: a case written for this persona (its ``personas`` list), then a built-in one,
    then the default jurisdiction of the language (CN, US, UK), then by id. ``KeyError`` when
    ``case_id`` is unknown; a language with no case at all is left out.
    """
    chosen: dict[str, str] = {}
    if case_id is not None:
        chosen[case_language(catalog.case(case_id))] = case_id
    for lang in LANGS:
        if lang in chosen:
            continue
        fits = [(cid, e) for cid, e in catalog.cases.items() if case_language(e.model) == lang]
        if fits:
            chosen[lang] = min(fits, key=lambda item: (
                persona_id not in item[1].model.personas,
                item[1].layer != "built-in",
                _JURISDICTION_ORDER.get(item[1].model.jurisdiction.value, 9),
                item[0],
            ))[0]
    return {lang: chosen[lang] for lang in LANGS if lang in chosen}


def play(persona: Persona, case: Case, lang: str, script: str, seed: int = 0,
         difficulty: str | None = None) -> CallResult:
    """Play one standard agent against the persona until it stops or the debtor hangs up."""
    session = CallSession(persona, case, lang, seed=seed, difficulty=difficulty, clock=lambda: 0.0)
    _ = session.pick_up().text
    start = session.debtor.state.mood
    objection_moves = {o.id: tuple(o.resolved_by) for o in persona.objections}
    agent = SCRIPTS[script](View(lang, case, case_slots(case, lang), objection_moves))
    intents: list[str] = []
    line = next(agent, None)
    while line is not None and not session.over and len(intents) < MAX_TURNS + 4:
        reply = session.say(line)
        _ = reply.text  # the whole reply, so the turn is kept as a trainee would see it
        intents.append(reply.intent.name)
        try:
            line = agent.send(reply.intent)
        except StopIteration:
            line = None
    state, means = session.debtor.state, session.debtor.profile.means
    agreed = state.agreed
    return CallResult(
        script=script,
        lang=lang,
        case=case.id,
        outcome=session.debtor.outcome(),
        start_mood=start,
        final_mood=state.mood,
        hang_up_turn=len(intents) if state.hung_up else None,
        turns=len(intents),
        agreed_amount=agreed.amount if agreed else None,
        agreed_monthly=agreed.monthly if agreed else None,
        agreed_date=agreed.date if agreed else None,
        within_means=within_means(agreed, means) if agreed else None,
        means_lump=means.lump_sum_now,
        means_monthly=means.monthly,
        means_payable=means.payable,
        intents=tuple(intents),
    )
