"""Who must sign in with a second factor: every account that sees or changes more than the
public does, by the same rules the pages use; nobody else."""

import pytest
import rules
from django.contrib.auth.models import Group, Permission, User
from django.utils import timezone

pytestmark = pytest.mark.django_db

RULE = "two_factor_required"


@pytest.fixture
def published(world):
    world.meeting.agenda_published_at = timezone.now()
    world.meeting.save()
    return world


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("officer", True),
        ("other_officer", True),
        ("former_partner_officer", True),
        ("councillor", True),
        ("chair", True),
        ("past_chair", True),
        ("clerk", True),
        ("member", True),
        ("scrutiny", True),
        ("no_person", False),
        ("anonymous", False),
    ],
)
def test_every_account_linked_to_a_person_needs_two_factor(world, who, expected):
    assert rules.test_rule(RULE, world.users[who]) is expected


def test_staff_and_superusers_need_two_factor(world):
    staff = User.objects.create_user(username="staff", is_staff=True)
    superuser = User.objects.create_user(username="super", is_superuser=True)

    assert rules.test_rule(RULE, staff)
    assert rules.test_rule(RULE, superuser)


def test_an_account_given_a_permission_itself_or_by_a_group_needs_two_factor(world):
    change_meeting = Permission.objects.get(codename="change_meeting")
    editors = Group.objects.create(name="Editors")
    editors.permissions.add(change_meeting)
    by_group = User.objects.create_user(username="by_group")
    by_group.groups.add(editors)
    itself = User.objects.create_user(username="itself")
    itself.user_permissions.add(change_meeting)
    # What such a grant opens: the model backend answers a question asked without a record.
    assert itself.has_perm("meetings.change_meeting")

    assert rules.test_rule(RULE, by_group)
    assert rules.test_rule(RULE, itself)


def test_partner_systems_do_not(world):
    assert not rules.test_rule(RULE, world.writer_system)


def test_whoever_the_rules_let_see_an_exempt_item_or_change_a_record_needs_two_factor(published):
    world = published
    can_see_or_change = {
        who
        for who, user in world.users.items()
        if user.has_perm("meetings.view_exempt_item", world.exempt_item)
        or user.has_perm("meetings.change_meeting", world.meeting)
        or user.has_perm("partnership.edit_records", world.partnership)
        or (hasattr(user, "person") and user.has_perm("governance.change_interests", user.person))
    }

    # Scrutiny members read exempt items of the boards they scrutinise once the agenda is out;
    # every person may keep their own register of interests.
    assert world.users["scrutiny"].has_perm("meetings.view_exempt_item", world.exempt_item)
    assert can_see_or_change == {
        who for who, user in world.users.items() if rules.test_rule(RULE, user)
    }
    assert can_see_or_change == set(world.users) - {"no_person", "anonymous"}
