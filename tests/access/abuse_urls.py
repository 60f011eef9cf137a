"""Every page of the site (but the API's and the admin's), and where the abuse walk aims it.

Each URL name says how its pattern is filled from the abuse world (tests/access/abuse_world.py)
and what the walk's roles may do there:

- READ: any role may ask. What it is shown must hold no marker it may not read, and every
  POST, PUT, PATCH and DELETE is refused.
- REFUSED: none of the walk's roles may see the page at all, let alone write through it: the
  pages that edit records, and those for a partnership's officers or a board's members.
- OWN: the role acts on its own session or account only (signing in and out, the second
  factor, the language): whatever it sends changes no record but its own second factor's.

A new URL name fails test_every_page_is_in_the_walk until it is entered here.
"""

from collections.abc import Callable

from tests.access.abuse_world import AbuseWorld, Side

READ, REFUSED, OWN = "read", "refused", "own"
Targets = Callable[[AbuseWorld], list[dict]]


def _sides(w: AbuseWorld) -> tuple[Side, Side]:
    return w.a, w.b


def _partnerships(w: AbuseWorld) -> list[dict]:
    slugs = [w.a.partnership.slug, w.b.partnership.slug, w.demo_partnership.slug]
    return [{"partnership": slug} for slug in slugs]


def _boards(w: AbuseWorld) -> list[dict]:
    return [{"partnership": s.partnership.slug, "slug": s.board.slug} for s in _sides(w)]


def _board_pks(w: AbuseWorld) -> list[dict]:
    return [{"board_pk": pk} for pk in (w.a.board.pk, w.b.board.pk, w.demo_board.pk)]


def _frameworks(w: AbuseWorld) -> list[dict]:
    return [{"partnership": s.partnership.slug, "slug": s.framework.slug} for s in _sides(w)]


def _projects(w: AbuseWorld) -> list[dict]:
    return [{"partnership": s.partnership.slug, "slug": s.project.slug} for s in _sides(w)]


def _meetings(w: AbuseWorld) -> list[dict]:
    """Held and published; minutes drafted; to come, agenda unpublished; the demo's exempt one."""
    pks = [w.a.published.pk, w.a.drafted.pk, w.b.upcoming.pk, w.demo_exempt_item.meeting.pk]
    return [{"pk": pk} for pk in pks]


def _reports(w: AbuseWorld) -> list[dict]:
    reports = [w.a.exempt_report, w.b.exempt_report, w.a.draft_report, w.b.unlisted_report]
    return [{"pk": report.pk} for report in [*reports, w.demo_exempt_report]]


def _items(w: AbuseWorld) -> list[dict]:
    items = [w.a.exempt_minute.agenda_item, w.b.exempt_minute.agenda_item, w.demo_exempt_item]
    return [{"pk": item.meeting_id, "item_pk": item.pk} for item in items]


def _minutes(w: AbuseWorld) -> list[dict]:
    minutes = [w.a.exempt_minute, w.b.draft_minute, w.b.open_minute]
    return [{"pk": minute.meeting_id, "minute_pk": minute.pk} for minute in minutes]


def _resolutions(w: AbuseWorld) -> list[dict]:
    resolutions = [w.a.exempt_resolution, w.b.open_resolution]
    return [{"pk": r.minute.meeting_id, "resolution_pk": r.pk} for r in resolutions]


def _appendices(w: AbuseWorld) -> list[dict]:
    names = ("exempt_appendix", "draft_appendix", "open_appendix")
    appendices = [s.extras[name] for s in _sides(w) for name in names]
    return [{"pk": a.report_id, "appendix_pk": a.pk} for a in appendices]


def _seats(w: AbuseWorld) -> list[dict]:
    return [
        {**board, "pk": s.extras["membership"].pk}
        for s, board in zip(_sides(w), _boards(w), strict=True)
    ]


def _clauses(w: AbuseWorld) -> list[dict]:
    return [{**board, "number": 1} for board in _boards(w)]


def _circulations(w: AbuseWorld) -> list[dict]:
    return [
        {**board, "pk": s.extras["circulation"].pk}
        for s, board in zip(_sides(w), _boards(w), strict=True)
    ]


def _extra(name: str, **kwargs: str) -> Targets:
    """Each side's record of the extra `name`, with its partnership's slug when asked."""

    def targets(w: AbuseWorld) -> list[dict]:
        found = []
        for s in _sides(w):
            record = s.extras[name]
            values = {"pk": record.pk}
            if "partnership" in kwargs:
                values["partnership"] = s.partnership.slug
            found.append(values)
        return found

    return targets


def _people(w: AbuseWorld) -> list[dict]:
    """Officers, whose registers are private, and a demo member, whose register is public."""
    return [{"pk": pk} for pk in (w.a.author.pk, w.b.author.pk, w.demo_member.pk)]


def _nothing(w: AbuseWorld) -> list[dict]:
    return [{}]


WEB: dict[str, tuple[str, Targets]] = {
    "home": (READ, _nothing),
    "healthz": (READ, _nothing),
    "readyz": (READ, _nothing),
    "set_language": (OWN, _nothing),
    "login": (OWN, _nothing),
    "logout": (OWN, _nothing),
    # Signing in with a second factor, and the person's own sign-in security.
    "two_factor:verify": (OWN, _nothing),
    "two_factor:recovery": (OWN, _nothing),
    "two_factor:enrol": (OWN, _nothing),
    "two_factor:security": (OWN, _nothing),
    "two_factor:recovery_codes": (OWN, _nothing),
    "password_change": (OWN, _nothing),
    "search": (READ, _nothing),
    "my_actions": (READ, _nothing),
    "themes:theme_list": (READ, _nothing),
    "themes:theme_detail": (
        READ,
        lambda w: [{"slug": s.extras["theme"].slug} for s in _sides(w)],
    ),
    # partnership
    "partnership:partnership_list": (READ, _nothing),
    "partnership:partnership_detail": (
        READ,
        lambda w: [{"slug": p["partnership"]} for p in _partnerships(w)],
    ),
    "partnership:organisation_detail": (
        READ,
        lambda w: [{"pk": s.organisation.pk} for s in _sides(w)],
    ),
    "partnership:merger_record": (
        REFUSED,
        lambda w: [{"pk": s.organisation.pk} for s in _sides(w)],
    ),
    "partnership:person_detail": (READ, _people),
    "partnership:webhook_list": (REFUSED, _partnerships),
    "partnership:webhook_register": (REFUSED, _partnerships),
    "partnership:webhook_detail": (REFUSED, _extra("webhook", partnership="")),
    "partnership:webhook_enable": (REFUSED, _extra("webhook", partnership="")),
    # governance
    "governance:partnership_structure": (READ, _partnerships),
    "governance:board_create": (REFUSED, _partnerships),
    "governance:board_edit": (REFUSED, _boards),
    "governance:board_detail": (READ, _boards),
    "governance:remit": (READ, _boards),
    "governance:remit_clause_add": (REFUSED, _boards),
    "governance:remit_clause": (READ, _clauses),
    "governance:remit_clause_edit": (REFUSED, _clauses),
    "governance:remit_clause_remove": (REFUSED, _clauses),
    "governance:remit_clause_move_up": (REFUSED, _clauses),
    "governance:remit_clause_move_down": (REFUSED, _clauses),
    "governance:board_seats": (READ, _boards),
    "governance:seat_add": (REFUSED, _boards),
    "governance:seat_change": (REFUSED, _seats),
    "governance:seat_end": (REFUSED, _seats),
    "governance:seat_fill": (REFUSED, _seats),
    "governance:seat_history": (REFUSED, _seats),
    "governance:appointment_list": (REFUSED, _partnerships),
    "governance:appointment_create": (REFUSED, _partnerships),
    "governance:appointment_detail": (REFUSED, _extra("appointment", partnership="")),
    "governance:appointment_edit": (REFUSED, _extra("appointment", partnership="")),
    "governance:appointment_memorandum": (REFUSED, _extra("appointment", partnership="")),
    "governance:person_interests": (READ, _people),
    "governance:interest_add": (REFUSED, _people),
    "governance:interest_end": (
        REFUSED,
        lambda w: [{"pk": s.author.pk, "interest_pk": s.extras["interest"].pk} for s in _sides(w)],
    ),
    "governance:interest_register": (READ, _partnerships),
    "governance:circulation_create": (REFUSED, _boards),
    "governance:circulation_list": (REFUSED, _boards),
    "governance:circulation_detail": (REFUSED, _circulations),
    "governance:circulation_resend": (REFUSED, _circulations),
    "governance:circulation_document": (REFUSED, _circulations),
    "governance:engagement_list": (READ, _partnerships),
    "governance:engagement_calendar": (READ, _partnerships),
    "governance:engagement_create": (REFUSED, _partnerships),
    "governance:engagement_detail": (READ, _extra("engagement", partnership="")),
    "governance:engagement_findings": (REFUSED, _extra("engagement", partnership="")),
    # outcomes
    "outcomes:framework_create": (REFUSED, _partnerships),
    "outcomes:framework_edit": (REFUSED, _frameworks),
    "outcomes:framework_outcomes": (REFUSED, _frameworks),
    "outcomes:outcome_create": (REFUSED, _frameworks),
    "outcomes:outcome_edit": (
        REFUSED,
        lambda w: [{**f, "pk": pk} for f, pk in zip(_frameworks(w), _outcome_pks(w), strict=True)],
    ),
    "outcomes:indicator_create": (
        REFUSED,
        lambda w: [
            {**f, "outcome_pk": pk} for f, pk in zip(_frameworks(w), _outcome_pks(w), strict=True)
        ],
    ),
    "outcomes:indicator_edit": (REFUSED, lambda w: _indicators(w)),
    "outcomes:targets_edit": (REFUSED, lambda w: _indicators(w)),
    "outcomes:framework_detail": (READ, _frameworks),
    "outcomes:theme_dashboard": (
        READ,
        lambda w: [
            {**f, "theme_slug": s.extras["theme"].slug}
            for s, f in zip(_sides(w), _frameworks(w), strict=True)
        ],
    ),
    "outcomes:indicator_detail": (READ, lambda w: _indicators(w)),
    "outcomes:readings_upload": (REFUSED, _frameworks),
    "outcomes:readings_template": (REFUSED, _frameworks),
    "outcomes:reading_record": (REFUSED, lambda w: _indicators(w)),
    "outcomes:action_list": (READ, _partnerships),
    "outcomes:action_create": (REFUSED, _partnerships),
    "outcomes:action_detail": (READ, lambda w: _actions(w)),
    "outcomes:action_edit": (REFUSED, lambda w: _actions(w)),
    "outcomes:action_update_add": (REFUSED, lambda w: _actions(w)),
    "outcomes:reminder_policy": (REFUSED, _partnerships),
    "outcomes:performance_report_request": (REFUSED, _frameworks),
    "outcomes:performance_report_file": (
        READ,
        lambda w: [
            {**f, "pk": s.extras["performance_report"].pk}
            for s, f in zip(_sides(w), _frameworks(w), strict=True)
        ],
    ),
    "outcomes:project_create": (REFUSED, _partnerships),
    "outcomes:project_edit": (REFUSED, _projects),
    "outcomes:milestone_add": (REFUSED, _projects),
    "outcomes:milestone_edit": (
        REFUSED,
        lambda w: [
            {**p, "pk": s.extras["milestone"].pk}
            for s, p in zip(_sides(w), _projects(w), strict=True)
        ],
    ),
    "outcomes:project_framework_create": (REFUSED, _projects),
    "outcomes:project_detail": (READ, _projects),
    "outcomes:contributions": (READ, _partnerships),
    "outcomes:contribution_add": (REFUSED, _partnerships),
    "outcomes:spend_add": (REFUSED, _projects),
    # meetings
    "meetings:meeting_detail": (READ, _meetings),
    "meetings:meeting_schedule": (REFUSED, _board_pks),
    "meetings:meeting_edit": (REFUSED, _meetings),
    "meetings:agenda_build": (REFUSED, _meetings),
    "meetings:agenda_item_add": (REFUSED, _meetings),
    "meetings:agenda_item_edit": (REFUSED, _items),
    "meetings:agenda_item_move": (REFUSED, _items),
    "meetings:agenda_item_remove": (REFUSED, _items),
    "meetings:agenda_publish": (REFUSED, _meetings),
    "meetings:report_list": (REFUSED, _board_pks),
    "meetings:report_create": (REFUSED, _board_pks),
    "meetings:report_detail": (READ, _reports),
    "meetings:report_edit": (REFUSED, _reports),
    "meetings:report_word_upload": (REFUSED, _reports),
    "meetings:report_source": (REFUSED, _reports),
    "meetings:appendix_add": (REFUSED, _reports),
    "meetings:appendix_remove": (REFUSED, _appendices),
    "meetings:appendix_file": (READ, _appendices),
    "meetings:meeting_record": (REFUSED, _meetings),
    "meetings:attendance_record": (REFUSED, _meetings),
    "meetings:declaration_add": (REFUSED, _meetings),
    "meetings:declaration_remove": (
        REFUSED,
        lambda w: [
            {"pk": s.published.pk, "declaration_pk": s.extras["declaration"].pk} for s in _sides(w)
        ],
    ),
    "meetings:minute_add": (REFUSED, _meetings),
    "meetings:minute_edit": (REFUSED, _minutes),
    "meetings:minute_correct": (REFUSED, _minutes),
    "meetings:minutes_approve": (REFUSED, _meetings),
    "meetings:minutes_publish": (REFUSED, _meetings),
    "meetings:resolution_action": (REFUSED, _resolutions),
    "meetings:pack_panel": (READ, _meetings),
    "meetings:pack_request": (REFUSED, _meetings),
    "meetings:pack_retry": (
        REFUSED,
        lambda w: [{"pk": s.extras["members_pack"].pk} for s in _sides(w)],
    ),
    "meetings:pack_download": (
        READ,
        lambda w: [
            {"pk": s.extras[name].pk}
            for s in _sides(w)
            for name in ("members_pack", "public_pack", "unpublished_pack")
        ],
    ),
    "meetings:minutes_pdf": (READ, _meetings),
    "meetings:agenda_item_add_performance_report": (REFUSED, _meetings),
    "meetings:board_health": (REFUSED, _board_pks),
    "meetings:agenda_item_add_projects": (REFUSED, _meetings),
    "meetings:resolution_decide_project": (REFUSED, _resolutions),
    "meetings:partnership_calendar": (READ, _partnerships),
    "meetings:board_calendar": (
        READ,
        lambda w: [{"partnership": b["partnership"], "board": b["slug"]} for b in _boards(w)],
    ),
    "meetings:minutes_feed": (READ, _nothing),
    "meetings:partnership_minutes_feed": (READ, _partnerships),
    "meetings:meetings_calendar": (READ, _partnerships),
    "meetings:decisions": (READ, _partnerships),
    "meetings:forward_plan": (READ, _partnerships),
    "meetings:scrutiny": (READ, _nothing),
    "meetings:decision_trail": (
        READ,
        lambda w: [
            {"pk": r.pk} for s in _sides(w) for r in (s.exempt_resolution, s.open_resolution)
        ],
    ),
}


def _outcome_pks(w: AbuseWorld) -> list[int]:
    return [s.framework.outcomes.first().pk for s in _sides(w)]


def _indicators(w: AbuseWorld) -> list[dict]:
    return [
        {**f, "pk": s.framework.outcomes.first().indicators.first().pk}
        for s, f in zip(_sides(w), _frameworks(w), strict=True)
    ]


def _actions(w: AbuseWorld) -> list[dict]:
    return [
        {"partnership": s.partnership.slug, "pk": s.framework.development_actions.first().pk}
        for s in _sides(w)
    ]


# Histories of changes (core/history_views.py): each record's history is read as the record is,
# an exempt record's as exempt items are; the files of its versions beneath it.
def _interests(w: AbuseWorld) -> list[dict]:
    return [{"pk": s.author.pk, "interest_pk": s.extras["interest"].pk} for s in _sides(w)]


def _resolution_pks(w: AbuseWorld) -> list[dict]:
    return [{"pk": r.pk} for s in _sides(w) for r in (s.exempt_resolution, s.open_resolution)]


def _report_records(w: AbuseWorld) -> list:
    reports = [w.a.exempt_report, w.b.exempt_report, w.a.draft_report, w.b.unlisted_report]
    return [*reports, w.demo_exempt_report]


def _appendix_records(w: AbuseWorld) -> list:
    names = ("exempt_appendix", "draft_appendix", "open_appendix")
    return [s.extras[name] for s in _sides(w) for name in names]


def _versions_of(targets: Targets, records: Callable[[AbuseWorld], list], field: str) -> Targets:
    """The files `field` held in the first version of each record the targets name."""

    def filled(w: AbuseWorld) -> list[dict]:
        return [
            {**target, "history_id": record.history.earliest().history_id, "field": field}
            for target, record in zip(targets(w), records(w), strict=True)
        ]

    return filled


def _no_file(targets: Targets) -> Targets:
    """A record with no file: its history's file address answers nothing, whatever it names."""
    return lambda w: [{**target, "history_id": 1, "field": "name"} for target in targets(w)]


HISTORIES: dict[str, tuple[str, Targets, Targets]] = {
    "governance:board_history": (READ, _boards, _no_file(_boards)),
    "governance:remit_clause_history": (READ, _clauses, _no_file(_clauses)),
    "governance:seat_history": (REFUSED, _seats, _no_file(_seats)),
    "governance:circulation_history": (REFUSED, _circulations, _no_file(_circulations)),
    "governance:appointment_history": (
        REFUSED,
        _extra("appointment", partnership=""),
        _no_file(_extra("appointment", partnership="")),
    ),
    "governance:interest_history": (READ, _interests, _no_file(_interests)),
    "governance:engagement_history": (
        READ,
        _extra("engagement", partnership=""),
        _no_file(_extra("engagement", partnership="")),
    ),
    "outcomes:framework_history": (READ, _frameworks, _no_file(_frameworks)),
    "outcomes:indicator_history": (READ, lambda w: _indicators(w), _no_file(_indicators)),
    "outcomes:action_history": (READ, lambda w: _actions(w), _no_file(_actions)),
    "outcomes:project_history": (READ, _projects, _no_file(_projects)),
    "meetings:meeting_history": (READ, _meetings, _no_file(_meetings)),
    "meetings:agenda_item_history": (READ, _items, _no_file(_items)),
    "meetings:report_history": (
        READ,
        _reports,
        _versions_of(_reports, _report_records, "source_document"),
    ),
    "meetings:appendix_history": (
        READ,
        _appendices,
        _versions_of(_appendices, _appendix_records, "file"),
    ),
    "meetings:minute_history": (READ, _minutes, _no_file(_minutes)),
    "meetings:resolution_history": (READ, _resolution_pks, _no_file(_resolution_pks)),
}
for _name, (_access, _pages, _files) in HISTORIES.items():
    WEB[_name] = (_access, _pages)
    WEB[f"{_name}_file"] = (_access, _files)
