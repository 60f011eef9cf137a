"""Joint resources added up: what partners put in, by partner, outcome, project, year and kind,
and a project's pooled budget. The database adds the amounts; each total is a Decimal."""

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import QuerySet, Sum
from django.utils.translation import gettext

from outcomes.models import Contribution, Project, Spend
from partnership.models import Partnership

ZERO = Decimal("0.00")


PENNY = Decimal("0.01")


def in_pence(total: Decimal) -> Decimal:
    """A summed amount to the penny: SQLite adds decimals as floats and gives back 15 digits."""
    return total.quantize(PENNY)


@dataclass(frozen=True)
class Total:
    """The amount put in under one heading: a partner, an outcome, a year or a kind."""

    label: str
    amount: Decimal


@dataclass(frozen=True)
class PartnerYears:
    """One partner's amounts in each year of a table, in the table's order of years."""

    partner: str
    amounts: list[Decimal]

    @property
    def total(self) -> Decimal:
        return sum(self.amounts, ZERO)


@dataclass(frozen=True)
class PartnerYearTable:
    """Amounts by partner (rows) and financial year (columns)."""

    years: list[str]
    rows: list[PartnerYears]

    @property
    def year_totals(self) -> list[Decimal]:
        return [
            sum((row.amounts[column] for row in self.rows), ZERO)
            for column in range(len(self.years))
        ]

    @property
    def total(self) -> Decimal:
        return sum((row.total for row in self.rows), ZERO)


@dataclass(frozen=True)
class PooledBudget:
    """A project's pooled budget: the partners' cash by year, what was spent, what remains."""

    cash: PartnerYearTable
    spent_by_year: dict[str, Decimal]

    @property
    def total(self) -> Decimal:
        return self.cash.total

    @property
    def spent(self) -> Decimal:
        return sum(self.spent_by_year.values(), ZERO)

    @property
    def remaining(self) -> Decimal:
        return self.total - self.spent


@dataclass(frozen=True)
class ResourceTotals:
    """Every way the contributions to a partnership or project are added up."""

    total: Decimal
    by_partner: list[Total]
    by_outcome: list[Total]
    by_project: list[Total]
    by_year: list[Total]
    by_kind: list[Total]
    by_partner_and_year: PartnerYearTable


def contributions_to(
    *, partnership: Partnership | None = None, project: Project | None = None
) -> QuerySet[Contribution]:
    """The contributions to a partnership's work (projects and outcomes) or to one project."""
    if (partnership is None) == (project is None):
        raise TypeError("Give a partnership or a project, not both.")
    if project is not None:
        return Contribution.objects.filter(project=project)
    return Contribution.objects.filter(partnership=partnership)


def by_partner(contributions: QuerySet[Contribution]) -> list[Total]:
    rows = (
        contributions.values("organisation__name")
        .annotate(total=Sum("amount"))
        .order_by("organisation__name")
    )
    return [Total(row["organisation__name"], in_pence(row["total"])) for row in rows]


def by_outcome(contributions: QuerySet[Contribution]) -> list[Total]:
    """Contributions made towards an outcome itself; those to its projects are by project."""
    rows = (
        contributions.filter(outcome__isnull=False)
        .values("outcome__framework__name", "outcome__number", "outcome__title")
        .annotate(total=Sum("amount"))
        .order_by("outcome__framework__name", "outcome__number")
    )
    return [
        Total(
            gettext("Outcome {number}: {title}").format(
                number=row["outcome__number"], title=row["outcome__title"]
            ),
            in_pence(row["total"]),
        )
        for row in rows
    ]


def by_project(contributions: QuerySet[Contribution]) -> list[Total]:
    rows = (
        contributions.filter(project__isnull=False)
        .values("project__name")
        .annotate(total=Sum("amount"))
        .order_by("project__name")
    )
    return [Total(row["project__name"], in_pence(row["total"])) for row in rows]


def by_year(contributions: QuerySet[Contribution]) -> list[Total]:
    rows = (
        contributions.values("financial_year")
        .annotate(total=Sum("amount"))
        .order_by("financial_year")
    )
    return [Total(row["financial_year"], in_pence(row["total"])) for row in rows]


def by_kind(contributions: QuerySet[Contribution]) -> list[Total]:
    labels = dict(Contribution.Kind.choices)
    rows = contributions.values("kind").annotate(total=Sum("amount")).order_by("kind")
    return [Total(str(labels[row["kind"]]), in_pence(row["total"])) for row in rows]


def by_partner_and_year(contributions: QuerySet[Contribution]) -> PartnerYearTable:
    rows = (
        contributions.values("organisation__name", "financial_year")
        .annotate(total=Sum("amount"))
        .order_by("organisation__name", "financial_year")
    )
    amounts: dict[str, dict[str, Decimal]] = defaultdict(dict)
    for row in rows:
        amounts[row["organisation__name"]][row["financial_year"]] = in_pence(row["total"])
    years = sorted({year for by_year in amounts.values() for year in by_year})
    return PartnerYearTable(
        years=years,
        rows=[
            PartnerYears(partner, [of_partner.get(year, ZERO) for year in years])
            for partner, of_partner in amounts.items()
        ],
    )


def resource_totals(
    *, partnership: Partnership | None = None, project: Project | None = None
) -> ResourceTotals:
    """The contributions to a partnership's work or to a project, added up every way."""
    contributions = contributions_to(partnership=partnership, project=project)
    years = by_year(contributions)
    return ResourceTotals(
        total=sum((year.amount for year in years), ZERO),
        by_partner=by_partner(contributions),
        by_outcome=by_outcome(contributions),
        by_project=by_project(contributions),
        by_year=years,
        by_kind=by_kind(contributions),
        by_partner_and_year=by_partner_and_year(contributions),
    )


def pooled_budget(project: Project) -> PooledBudget:
    """The cash partners pooled for a project, by partner and year, against its spending."""
    cash = contributions_to(project=project).filter(kind=Contribution.Kind.CASH)
    spending = (
        Spend.objects.filter(project=project)
        .values("financial_year")
        .annotate(total=Sum("amount"))
        .order_by("financial_year")
    )
    return PooledBudget(
        cash=by_partner_and_year(cash),
        spent_by_year={row["financial_year"]: in_pence(row["total"]) for row in spending},
    )
