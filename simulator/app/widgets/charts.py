"""Small charts (textual-plotext): the debtor's mood over a call, scores over time, step completion.

Each chart is given its data once and draws it on mount; plotext is imported only when a
chart screen opens (~0.2 s), never at start-up.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual_plotext import PlotextPlot


class LineChart(PlotextPlot):
    """A line over x = 1..n with a fixed y range, e.g. mood -1..1 or score 0..100."""

    def __init__(self, values: Sequence[float], title: str, xlabel: str, ylim: tuple[float, float],
                 **kw: object) -> None:
        super().__init__(**kw)  # type: ignore[arg-type]
        self.values, self.chart_title, self.xlabel, self.ylim = list(values), title, xlabel, ylim

    def on_mount(self) -> None:
        plt = self.plt
        plt.title(self.chart_title)
        plt.xlabel(self.xlabel)
        plt.ylim(*self.ylim)
        if self.values:
            xs = list(range(1, len(self.values) + 1))
            plt.plot(xs, self.values, marker="braille")
            plt.xticks(xs if len(xs) <= 12 else xs[:: max(1, len(xs) // 10)])


class BarChart(PlotextPlot):
    """Labelled bars (e.g. each step's completion rate in %)."""

    def __init__(self, labels: Sequence[str], values: Sequence[float], title: str, **kw: object) -> None:
        super().__init__(**kw)  # type: ignore[arg-type]
        self.labels, self.values, self.chart_title = list(labels), list(values), title

    def on_mount(self) -> None:
        plt = self.plt
        plt.title(self.chart_title)
        plt.ylim(0, 100)
        if self.values:
            plt.bar(self.labels, self.values)
