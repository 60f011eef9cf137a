"""Fills an empty database with a large made-up estate of partnerships (demo/scale.py)."""

import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from demo.scale import Estate, Sizes
from partnership.models import Organisation, Partnership, Person

NOT_EMPTY = (
    "The database already holds {partnerships} partnerships, {organisations} organisations and "
    "{people} people: scale_data fills an empty database only, so that its figures mean "
    "something. Give it a fresh one (for example createdb partnerships_scale, then "
    "DATABASE_URL=postgres://.../partnerships_scale python manage.py migrate)."
)


class Command(BaseCommand):
    help = (
        "Fill an empty database with a large, realistic estate of partnerships for load tests: "
        "by default 50 partnerships, 1,000 boards, 100,000 meetings, 200,000 development "
        "actions and 1,000,000 indicator readings. Each option scales one of them down (or up)."
    )

    def add_arguments(self, parser):
        defaults = Sizes()
        for name in ("partnerships", "boards", "meetings", "actions", "readings"):
            parser.add_argument(
                f"--{name}",
                type=int,
                default=getattr(defaults, name),
                help=f"How many {name.replace('actions', 'development actions')} "
                f"(default {getattr(defaults, name):,}).",
            )
        parser.add_argument("--seed", type=int, default=2014, help="The random seed (2014).")

    def handle(self, *args, seed: int, **options) -> None:
        sizes = Sizes(**{name: options[name] for name in vars(Sizes())})
        problems = sizes.problems()
        if problems:
            raise CommandError("; ".join(problems) + ".")
        held = {
            "partnerships": Partnership.objects.count(),
            "organisations": Organisation.objects.count(),
            "people": Person.objects.count(),
        }
        if any(held.values()):
            raise CommandError(NOT_EMPTY.format(**held))
        started = time.perf_counter()
        estate = Estate(sizes, seed=seed, progress=self.stdout.write)
        with transaction.atomic():
            estate.build()
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")  # the planner's statistics, after the bulk load
        self.stdout.write(
            self.style.SUCCESS(
                f"Built {sizes.partnerships:,} partnerships, {sizes.boards:,} boards, "
                f"{sizes.meetings:,} meetings, {sizes.actions:,} development actions and "
                f"{sizes.readings:,} indicator readings in {time.perf_counter() - started:.0f} s."
            )
        )
