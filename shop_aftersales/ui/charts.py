"""Charts for the Reports tab, drawn with pyqtgraph (Qt-native: the app's fonts, so Chinese labels render;
clickable bars). pyqtgraph and numpy are imported only when the first chart is made, so start-up stays fast."""

from __future__ import annotations

from typing import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

_configured = False


def warm_up() -> None:
    """Load pyqtgraph and numpy (~0.25 s) ahead of need: the app calls this once it has sat idle for a few
    seconds after start, so the Reports tab opens without that pause."""
    _pg()


def _pg():
    global _configured
    import pyqtgraph as pg

    if not _configured:
        pg.setConfigOptions(antialias=True, background="w", foreground="#333")
        _configured = True
    return pg


def bar_chart(parent: QWidget | None = None) -> "BarChart":
    return BarChart(parent)


class BarChart:
    """Bars over category labels, optionally a second series as a line (e.g. a Pareto's cumulative share)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        pg = _pg()
        self.widget = pg.PlotWidget(parent=parent)
        self.widget.setMinimumHeight(220)
        self.plot = self.widget.getPlotItem()
        self.plot.showGrid(y=True, alpha=0.25)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.plot.setMenuEnabled(False)
        self._on_click: Callable[[int], None] | None = None
        self._count = 0
        self.legend = None  # the series' names, in a row under the chart (never over the bars)
        self.widget.scene().sigMouseClicked.connect(self._clicked)

    def _show_legend(self, wanted: bool) -> None:
        pg = _pg()
        if wanted and self.legend is None:
            self.legend = pg.LegendItem(colCount=4)
            self.plot.layout.addItem(self.legend, 4, 1)  # the plot's own grid: under the bottom axis
        elif not wanted and self.legend is not None:
            self.plot.layout.removeItem(self.legend)
            self.legend.setParentItem(None)
            self.widget.scene().removeItem(self.legend)
            self.legend = None
        if self.legend is not None:
            self.legend.clear()

    def legend_names(self) -> list[str]:
        """The names the legend shows, in order (for the tests)."""
        if self.legend is None:
            return []
        return [label.text for _sample, label in self.legend.items]

    def axis_labels(self) -> list[str]:
        """The category labels written under the bars."""
        ticks = self.plot.getAxis("bottom")._tickLevels
        return [label for _pos, label in ticks[0]] if ticks else []

    def show(self, labels: Sequence[str], values: Sequence[float], highlight: Sequence[bool] = (),
             line: Sequence[float] | None = None, title: str = "", stacked: Sequence[tuple[str, Sequence[float], str]] = ()
             ) -> None:
        pg = _pg()
        self.plot.clear()
        self._count = len(labels)
        self.plot.setTitle(title)
        xs = list(range(len(labels)))
        self._show_legend(bool(stacked))
        if stacked:
            bottom = [0.0] * len(labels)
            for name, series, colour in stacked:
                item = pg.BarGraphItem(x=xs, height=[float(v) for v in series], y0=list(bottom), width=0.6,
                                       brush=colour, name=name)
                self.plot.addItem(item)
                self.legend.addItem(item, name)  # once per series
                bottom = [b + float(v) for b, v in zip(bottom, series)]
            top = max(bottom, default=0)
        else:
            brushes = ["#c62828" if (highlight and highlight[i]) else "#5b8def" for i in xs]
            self.plot.addItem(pg.BarGraphItem(x=xs, height=[float(v) for v in values], width=0.6, brushes=brushes))
            top = max((float(v) for v in values), default=0)
        if line is not None and labels:
            scaled = [float(v) * (top or 1) for v in line]  # a share 0..1 drawn against the bars' scale
            self.plot.plot(xs, scaled, pen=pg.mkPen("#ef6c00", width=2), symbol="o", symbolSize=6,
                           symbolBrush="#ef6c00")
            self.plot.showAxis("right")
            self.plot.getAxis("right").setTicks([[((top or 1) * share, f"{share:.0%}")
                                                  for share in (0.25, 0.5, 0.75, 1.0)]])
        else:
            self.plot.hideAxis("right")
        axis = self.plot.getAxis("bottom")
        step = max(1, -(-len(labels) // 24))  # every category up to two years of months; beyond, every other…
        axis.setTicks([[(i, label) for i, label in enumerate(labels) if i % step == 0]])
        self.plot.setXRange(-0.6, max(len(labels) - 0.4, 0.6), padding=0)
        self.plot.setYRange(0, (top or 1) * 1.15, padding=0)

    def on_click(self, callback: Callable[[int], None]) -> None:
        self._on_click = callback

    def _clicked(self, event) -> None:
        if self._on_click is None or event.button() != Qt.MouseButton.LeftButton or not self._count:
            return
        point = self.plot.vb.mapSceneToView(event.scenePos())
        index = round(point.x())
        if 0 <= index < self._count and abs(point.x() - index) <= 0.35:
            self._on_click(index)


def trend_chart(parent: QWidget | None = None) -> "TrendChart":
    return TrendChart(parent)


class TrendChart:
    """Lines over the last periods (one per figure, named in a legend under the chart) and the owner's measures as
    dashed vertical lines, each with its label, so a figure's before and after is read against them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        pg = _pg()
        self.widget = pg.PlotWidget(parent=parent)
        self.widget.setMinimumHeight(200)
        self.plot = self.widget.getPlotItem()
        self.plot.showGrid(y=True, alpha=0.25)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.plot.setMenuEnabled(False)
        self.legend = pg.LegendItem(colCount=4)
        self.plot.layout.addItem(self.legend, 4, 1)  # under the bottom axis, never over the lines
        self.marks: list = []  # the measures' vertical lines (pg.InfiniteLine), in date order

    def show(self, labels: Sequence[str], series: Sequence[tuple[str, Sequence[float], str]],
             marks: Sequence[tuple[float, str]] = (), title: str = "") -> None:
        pg = _pg()
        self.plot.clear()
        self.legend.clear()
        self.plot.setTitle(title)
        xs = list(range(len(labels)))
        top = 0.0
        for name, values, colour in series:
            values = [float(v) for v in values]
            item = self.plot.plot(xs, values, pen=pg.mkPen(colour, width=2), symbol="o", symbolSize=6,
                                  symbolBrush=colour, symbolPen=colour, name=name)
            self.legend.addItem(item, name)
            top = max([top, *values])
        self.marks = []
        for index, (x, text) in enumerate(marks):
            line = pg.InfiniteLine(pos=x, angle=90, movable=False, pen=pg.mkPen("#2e7d32", width=1.5,
                                                                                  style=Qt.PenStyle.DashLine),
                                   label=text, labelOpts={"position": 0.92 - 0.12 * (index % 4), "color": "#2e7d32",
                                                          "fill": (255, 255, 255, 220), "anchors": [(0, 0.5), (0, 0.5)]})
            self.plot.addItem(line)
            self.marks.append(line)
        axis = self.plot.getAxis("bottom")
        axis.setTicks([[(i, label) for i, label in enumerate(labels)]])
        self.plot.setXRange(-0.6, max(len(labels) - 0.4, 0.6), padding=0)
        self.plot.setYRange(0, (top or 1) * 1.15, padding=0)

    def mark_labels(self) -> list[tuple[float, str]]:
        """(x, label) of each measure drawn (for the tests and for a reader of the chart)."""
        return [(line.value(), line.label.format) for line in self.marks]

    def legend_names(self) -> list[str]:
        return [label.text for _sample, label in self.legend.items]

    def axis_labels(self) -> list[str]:
        ticks = self.plot.getAxis("bottom")._tickLevels
        return [label for _pos, label in ticks[0]] if ticks else []
