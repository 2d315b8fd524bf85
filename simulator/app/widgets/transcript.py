"""The call as speech bubbles: agent on the right, debtor on the left, each with its time.

A streamed reply grows one bubble: each chunk updates that bubble's text only, never the
rest of the log, so a long call streams as cheaply as a short one. The log follows the
bottom only while the reader is there (scrolling up to reread is never yanked away).
"""

from __future__ import annotations

from rich.text import Text
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Static

from simulator.app.words import tr


class Bubble(Static):
    """One turn's words under a small header (who, when)."""

    def __init__(self, speaker: str, text: str, at: str, lang: str, index: int | None) -> None:
        """``at``: when in the call ("01:25"), or empty."""
        super().__init__(classes=f"bubble -{speaker}")
        self.speaker, self.at, self.lang, self.index = speaker, at, lang, index
        self.words = text

    def on_mount(self) -> None:
        self.show()

    def append(self, chunk: str) -> None:
        self.words += chunk
        self.show()

    def show(self) -> None:
        who = tr("call.agent" if self.speaker == "agent" else "call.debtor", self.lang)
        label = f"#{self.index} " if self.index is not None else ""
        when = f" · {self.at}" if self.at else ""
        text = Text(f"{label}{who}{when}\n", style="dim")
        text.append(self.words or "…")
        self.update(text)


class TurnRow(Horizontal):
    """A row holding one bubble, aligned by the speaker (CSS: ``.-agent`` to the right)."""

    def __init__(self, bubble: Bubble) -> None:
        super().__init__(bubble, classes=f"turn-row -{bubble.speaker}")
        self.bubble = bubble


class Transcript(VerticalScroll):
    """The call so far; :meth:`begin_reply` / :meth:`append` / :meth:`finish_reply` stream a turn."""

    can_focus = True

    def __init__(self, lang: str, *, follow: bool = True, id: str | None = None) -> None:
        super().__init__(id=id)
        self.lang = lang
        self.follow = follow  # keep the newest turn in view (a live call; not a report)
        self._streaming: Bubble | None = None
        self._count = 0

    @property
    def bubbles(self) -> list[Bubble]:
        return list(self.query(Bubble))

    def add_turn(self, speaker: str, text: str, at: str | None = None) -> Bubble:
        bubble = Bubble(speaker, text, at or "", self.lang, self._count)
        self._count += 1
        follow = self.follow and self._at_bottom()
        self.mount(TurnRow(bubble))
        if follow:
            self.call_after_refresh(self.scroll_end, animate=False)
        return bubble

    def begin_reply(self, at: str | None = None) -> Bubble:
        self._streaming = self.add_turn("debtor", "", at)
        return self._streaming

    def append(self, chunk: str) -> None:
        if self._streaming is None:
            self.begin_reply()
        assert self._streaming is not None
        follow = self._at_bottom()
        self._streaming.append(chunk)
        if follow:
            self.scroll_end(animate=False)

    def finish_reply(self) -> Bubble | None:
        bubble, self._streaming = self._streaming, None
        return bubble

    def highlight(self, index: int) -> None:
        """Mark turn ``index`` and scroll it into the middle of the view."""
        for bubble in self.query(Bubble):
            bubble.set_class(bubble.index == index, "-highlight")
            if bubble.index == index:
                self.scroll_to_center(bubble, animate=False)

    def _at_bottom(self) -> bool:
        return self.max_scroll_y == 0 or self.scroll_y >= self.max_scroll_y - 1
