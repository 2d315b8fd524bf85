"""The call as speech bubbles: agent on the right, debtor on the left, each with its time.

One widget for the whole log, drawn with Textual's line API (like ``Log``): every turn is
rendered once to lines of segments, and the screen asks only for the lines it shows. A
streamed reply re-renders its own bubble and nothing else, and no turn adds a widget, so
a turn costs the same at turn 40 as at turn 1 (a widget per bubble made Textual lay the
whole log out again on every chunk: ~50 ms a turn by turn 20, ``benchmarks/app_turn.py``).
The log follows the bottom only while the reader is there.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.console import Group
from rich.padding import Padding
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from simulator.app.words import tr

BUBBLE_SHARE = 0.8  # a bubble is at most this share of the log's width


@dataclass
class Turn:
    speaker: str  # agent | debtor
    text: str
    at: str  # time into the call ("01:25"), or empty


class Transcript(ScrollView, can_focus=True):
    """The call so far; :meth:`begin_reply` / :meth:`append` / :meth:`finish_reply` stream a turn."""

    COMPONENT_CLASSES = {"transcript--agent", "transcript--debtor", "transcript--header", "transcript--highlight"}

    def __init__(self, lang: str, *, follow: bool = True, id: str | None = None) -> None:
        super().__init__(id=id)
        self.lang = lang
        self.follow = follow  # keep the newest turn in view (a live call; not a report)
        self.turns: list[Turn] = []
        self.highlighted: int | None = None
        self._streaming: int | None = None
        self._pending = False  # streamed words not drawn yet
        self._spans: list[tuple[int, int]] = []  # (first line, line count) of each turn
        self._strips: list[Strip] = []
        self._width = 0
        self._looks: dict[str, object] = {}  # component styles, read once per theme/size

    # --- what the screens call ---------------------------------------------------------------

    @property
    def texts(self) -> list[str]:
        return [turn.text for turn in self.turns]

    def add_turn(self, speaker: str, text: str, at: str | None = None) -> int:
        self.turns.append(Turn(speaker, text, at or ""))
        index = len(self.turns) - 1
        follow = self.follow and self._at_bottom()
        self._draw(index)
        if follow:
            self.scroll_end(animate=False, immediate=True, x_axis=False)
        return index

    @property
    def replying(self) -> bool:
        return self._streaming is not None

    def begin_reply(self, at: str | None = None) -> int:
        self._streaming = self.add_turn("debtor", "", at)
        return self._streaming

    def append(self, chunk: str) -> None:
        if self._streaming is None:
            self.begin_reply()
        assert self._streaming is not None
        self.turns[self._streaming].text += chunk
        if not self._pending:  # chunks that land within one frame are drawn together
            self._pending = True
            self.call_after_refresh(self._flush)

    def _flush(self) -> None:
        if not self._pending:
            return
        self._pending = False
        index = self._streaming if self._streaming is not None else len(self.turns) - 1
        follow = self.follow and self._at_bottom()
        self._draw(index)
        if follow:
            self.scroll_end(animate=False, immediate=True, x_axis=False)

    def replace_reply(self, text: str = "") -> None:
        """Withdraw the streaming bubble's words (a model reply the guard took back): ``text``
        replaces them, and the template's words are appended after it as they stream."""
        if self._streaming is None:
            return
        self.turns[self._streaming].text = text
        self._pending = True
        self._flush()

    def finish_reply(self) -> int | None:
        self._flush()
        index, self._streaming = self._streaming, None
        return index

    def highlight(self, index: int) -> None:
        """Mark turn ``index`` and scroll it into the middle of the view."""
        previous, self.highlighted = self.highlighted, index
        for turn in (previous, index):
            if turn is not None and 0 <= turn < len(self.turns):
                self._draw(turn)
        if 0 <= index < len(self._spans):
            first, count = self._spans[index]
            self.scroll_to(y=max(0, first - max(0, self.size.height - count) // 2), animate=False, immediate=True)

    # --- drawing -------------------------------------------------------------------------------

    def _bubble(self, index: int) -> Padding:
        turn = self.turns[index]
        agent = turn.speaker == "agent"
        who = tr("call.agent" if agent else "call.debtor", self.lang)
        when = f" · {turn.at}" if turn.at else ""
        style = self._look("transcript--agent" if agent else "transcript--debtor")
        if index == self.highlighted:
            style += self._look("transcript--highlight")
        # Only the header's colour: its background is the bubble's.
        header = Text(f"#{index} {who}{when}", style=Style(color=self._look("transcript--header").color))
        return Padding(Group(header, Text(turn.text or "…")), (0, 1), style=style, expand=False)

    def _look(self, name: str):  # type: ignore[no-untyped-def]
        if name not in self._looks:
            self._looks[name] = self.get_component_rich_style(name)
        return self._looks[name]

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._looks = {}  # the theme changed: bubbles take the new colours on the next draw

    def _render_turn(self, index: int) -> list[Strip]:
        """The bubble at its own width (at most 80 % of the log), pushed left or right."""
        console = self.app.console
        inner = max(8, int(self._width * BUBBLE_SHARE))
        lines = console.render_lines(self._bubble(index), console.options.update_width(inner), pad=False)
        agent = self.turns[index].speaker == "agent"
        strips = []
        for line in lines:
            gap = Segment(" " * max(0, self._width - Segment.get_line_length(line)))
            strips.append(Strip([gap, *line] if agent else [*line, gap], self._width))
        return [*strips, Strip.blank(self._width)]  # a blank line between turns

    def _draw(self, index: int) -> None:
        """(Re)render turn ``index`` and show it."""
        if self._width <= 0:
            return  # not laid out yet: on_resize draws everything
        self._place(index)
        self._show()

    def _place(self, index: int) -> None:
        """Render turn ``index`` into the line list; later turns move if its height changed."""
        strips = self._render_turn(index)
        if index < len(self._spans):
            first, count = self._spans[index]
            self._strips[first:first + count] = strips
            shift = len(strips) - count
            self._spans[index] = (first, len(strips))
            if shift:
                for later in range(index + 1, len(self._spans)):
                    start, n = self._spans[later]
                    self._spans[later] = (start + shift, n)
        else:
            self._spans.append((len(self._strips), len(strips)))
            self._strips.extend(strips)

    def _show(self) -> None:
        """One size change (a layout) and one repaint, however many turns were placed."""
        self.virtual_size = Size(self._width, len(self._strips))
        self.refresh()

    def _redraw_all(self) -> None:
        self._spans, self._strips = [], []
        for index in range(len(self.turns)):
            self._place(index)
        self._show()

    def on_resize(self) -> None:
        width = self.scrollable_content_region.width
        if width != self._width:
            self._width = width
            self._redraw_all()
            if self.follow:
                self.scroll_end(animate=False, immediate=True, x_axis=False)

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        width = self.scrollable_content_region.width
        if index >= len(self._strips):
            return Strip.blank(width, self.rich_style)
        return self._strips[index].crop(scroll_x, scroll_x + width).apply_style(self.rich_style)

    def _at_bottom(self) -> bool:
        return self.max_scroll_y == 0 or self.scroll_y >= self.max_scroll_y - 1
