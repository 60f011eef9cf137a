"""A partnership's boards drawn as a tree of boxes, who reports to whom, as static SVG.

The layout is worked out here, top down: a board's box sits above the boards reporting to it,
which stand side by side in rows of at most `MAX_COLUMNS`, so that a board with ten groups
under it stays narrow enough to read. Each box names the board, its kind and its status in
words; shadow and dissolved boards are also drawn with dashed and dotted borders, so that
colour is never the only sign. The page lists the same structure in text beside the picture.
"""

import textwrap
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from html import escape

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, ngettext

from core.dates import long_date, short_date
from governance.models import Board

BOX_WIDTH = 200
H_GAP = 24
V_GAP = 40
# Room on the left of a board's rows for the line that joins the lower rows to it.
SPINE_INDENT = 24
MAX_COLUMNS = 3
PADDING = 10
NAME_LINE = 18
DETAIL_LINE = 17
# Space between the board's name and its kind and status.
DETAIL_GAP = 6
# About as many characters of the bold name as fit across a box.
NAME_WIDTH = 22
NAME_LINES = 4
MARGIN = 4

TEXT = "#0b0c0c"
LINE = "#505a5f"
LIGHT_GREY = "#f3f2f1"
WHITE = "#ffffff"
FONT = 'Arial, "Liberation Sans", Helvetica, sans-serif'
# How each status is drawn besides being written in the box: fill, border colour, dashes.
STATUS_LOOK = {
    Board.Status.ACTIVE: (WHITE, TEXT, ""),
    Board.Status.SHADOW: (WHITE, TEXT, "8 4"),
    Board.Status.DISSOLVED: (LIGHT_GREY, LINE, "2 4"),
}


@dataclass
class BoardNode:
    """A board and the boards that report to it, with its place in the drawing once laid out."""

    board: Board
    children: list["BoardNode"] = field(default_factory=list)
    width: float = 0
    height: float = 0
    # Where the board's box sits within the width its part of the tree takes.
    box_left: float = 0

    @property
    def rows(self) -> list[list["BoardNode"]]:
        return [
            self.children[start : start + MAX_COLUMNS]
            for start in range(0, len(self.children), MAX_COLUMNS)
        ]


def board_forest(boards: Iterable[Board]) -> list[BoardNode]:
    """The boards as trees, each under the board it reports to, in the order given.

    A board whose line of reporting leads nowhere among `boards` heads a tree of its own.
    """
    nodes = {board.pk: BoardNode(board) for board in boards}
    children: dict[int | None, list[BoardNode]] = defaultdict(list)
    for node in nodes.values():
        parent = node.board.reports_to_id
        children[parent if parent in nodes else None].append(node)
    for pk, node in nodes.items():
        node.children = children[pk]
    return children[None]


def walk(forest: Iterable[BoardNode]) -> list[BoardNode]:
    """Every node of the trees, each before the boards reporting to it."""
    return [visited for node in forest for visited in [node, *walk(node.children)]]


def _status_words(board: Board) -> str:
    if board.status == Board.Status.DISSOLVED and board.dissolved_on:
        return gettext("Dissolved {date}").format(date=short_date(board.dissolved_on))
    return board.get_status_display()


def _name_lines(board: Board) -> list[str]:
    return textwrap.wrap(board.name, NAME_WIDTH, max_lines=NAME_LINES, placeholder="…")


class _Drawing:
    """The boxes and lines of a forest, laid out with boxes of one height; lines are drawn
    first, so that the boxes lie over their ends."""

    def __init__(self, forest: list[BoardNode]):
        self.forest = forest
        lines = max((len(_name_lines(node.board)) for node in walk(forest)), default=1)
        self.box_height = 2 * PADDING + lines * NAME_LINE + DETAIL_GAP + 2 * DETAIL_LINE
        self.name_lines = lines
        self.lines: list[str] = []
        self.boxes: list[str] = []

    def measure(self, node: BoardNode) -> None:
        for child in node.children:
            self.measure(child)
        rows = node.rows
        indent = SPINE_INDENT if len(rows) > 1 else 0
        block = max((_row_width(row) for row in rows), default=0)
        node.width = max(BOX_WIDTH, indent + block)
        node.height = self.box_height + sum(
            V_GAP + max(child.height for child in row) for row in rows
        )
        # Centred over the rows of the boards reporting to it, which start after the indent.
        if block > BOX_WIDTH:
            node.box_left = indent + (block - BOX_WIDTH) / 2
        else:
            node.box_left = (node.width - BOX_WIDTH) / 2

    def place(self, node: BoardNode, left: float, top: float) -> None:
        centre = left + node.box_left + BOX_WIDTH / 2
        self.boxes.append(self.box(node.board, left + node.box_left, top))
        rows = node.rows
        if not rows:
            return
        several = len(rows) > 1
        spine = left + SPINE_INDENT / 2
        row_top = top + self.box_height + V_GAP
        bus_levels = []
        for number, row in enumerate(rows):
            # Several rows line up on the left, by the line that joins them; one row is centred.
            row_left = left + (SPINE_INDENT if several else (node.width - _row_width(row)) / 2)
            bus = row_top - V_GAP / 2
            xs = []
            for child in row:
                child_centre = row_left + child.box_left + BOX_WIDTH / 2
                xs.append(child_centre)
                self.lines.append(_line(child_centre, bus, child_centre, row_top))
                self.place(child, row_left, row_top)
                row_left += child.width + H_GAP
            if number == 0:
                xs.append(centre)
            if several:
                xs.append(spine)
            self.lines.append(_line(min(xs), bus, max(xs), bus))
            bus_levels.append(bus)
            row_top += max(child.height for child in row) + V_GAP
        self.lines.append(_line(centre, top + self.box_height, centre, bus_levels[0]))
        if several:
            self.lines.append(_line(spine, bus_levels[0], spine, bus_levels[-1]))

    def box(self, board: Board, x: float, y: float) -> str:
        fill, stroke, dashes = STATUS_LOOK.get(board.status, STATUS_LOOK[Board.Status.ACTIVE])
        dash = f' stroke-dasharray="{dashes}"' if dashes else ""
        kind, status = board.get_kind_display(), board.get_status_display().lower()
        if board.status == Board.Status.DISSOLVED and board.dissolved_on:
            label = gettext("{name}: {kind}, {status} on {date}").format(
                name=board.name, kind=kind, status=status, date=long_date(board.dissolved_on)
            )
        else:
            label = gettext("{name}: {kind}, {status}").format(
                name=board.name, kind=kind, status=status
            )
        text_x = x + PADDING
        baseline = y + PADDING + 14
        texts = [
            f'<tspan x="{text_x:.0f}" y="{baseline + index * NAME_LINE:.0f}">{escape(line)}</tspan>'
            for index, line in enumerate(_name_lines(board))
        ]
        details_y = y + PADDING + self.name_lines * NAME_LINE + DETAIL_GAP + 13
        return (
            f'<a href="{escape(board.get_absolute_url())}" aria-label="{escape(label)}">'
            f'<rect x="{x:.0f}" y="{y:.0f}" width="{BOX_WIDTH}" height="{self.box_height}" '
            f'rx="3" fill="{fill}" stroke="{stroke}" stroke-width="2"{dash}/>'
            f'<text class="app-structure__name" font-weight="700" font-size="15" '
            f'fill="{TEXT}">{"".join(texts)}</text>'
            f'<text font-size="13" fill="{TEXT}">'
            f'<tspan x="{text_x:.0f}" y="{details_y:.0f}">{escape(board.get_kind_display())}'
            "</tspan>"
            f'<tspan x="{text_x:.0f}" y="{details_y + DETAIL_LINE:.0f}" font-style="italic">'
            f"{escape(_status_words(board))}</tspan></text></a>"
        )

    def render(self, *, title: str, description: str, id_prefix: str) -> SafeString:
        for node in self.forest:
            self.measure(node)
        width = MARGIN
        for node in self.forest:
            self.place(node, width, MARGIN)
            width += node.width + H_GAP
        width += MARGIN - (H_GAP if self.forest else 0)
        height = max((node.height for node in self.forest), default=0) + 2 * MARGIN
        # No <style> or style="" here: the Content Security Policy refuses both in a page, so
        # the focus and hover looks and the scaling are in static/app/app.css (.app-structure).
        return mark_safe(
            f'<svg xmlns="http://www.w3.org/2000/svg" class="app-structure" width="{width:.0f}" '
            f'height="{height:.0f}" viewBox="0 0 {width:.0f} {height:.0f}" role="group" '
            f'aria-labelledby="{id_prefix}-title" aria-describedby="{id_prefix}-desc" '
            f'font-family="{escape(FONT)}">'
            f'<title id="{id_prefix}-title">{escape(title)}</title>'
            f'<desc id="{id_prefix}-desc">{escape(description)}</desc>'
            f'<g stroke="{LINE}" stroke-width="2">{"".join(self.lines)}</g>'
            f"{''.join(self.boxes)}</svg>"
        )


def _row_width(row: list[BoardNode]) -> float:
    return sum(child.width for child in row) + H_GAP * (len(row) - 1)


def _line(x1: float, y1: float, x2: float, y2: float) -> str:
    return f'<line x1="{x1:.0f}" y1="{y1:.0f}" x2="{x2:.0f}" y2="{y2:.0f}"/>'


def structure_svg(
    forest: list[BoardNode], *, title: str, id_prefix: str = "structure"
) -> SafeString:
    """The trees of boards as an SVG picture in which each board's box links to its page.

    It is a named group rather than an image: an image's contents are hidden from assistive
    technology, and these boxes are links.
    """
    count = len(walk(forest))
    description = ngettext(
        "{count} board, each drawn below the board it reports to and linking to its page. The "
        "same structure is listed in text after the picture.",
        "{count} boards, each drawn below the board it reports to and linking to its page. The "
        "same structure is listed in text after the picture.",
        count,
    ).format(count=count)
    return _Drawing(forest).render(title=title, description=description, id_prefix=id_prefix)
