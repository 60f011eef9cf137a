"""What a partnership's archive holds of this app (core/portability.py): the partnership, its
partners, themes, partner systems and webhooks; the places, organisations, people and their
accounts that its records name, shared with other partnerships."""

from django.contrib.auth import get_user_model
from django.db.models import Q

from core.portability import LeftOut, Owned, Shared
from partnership.models import (
    Area,
    Merger,
    Organisation,
    PartnerMembership,
    Partnership,
    PartnerSystem,
    Person,
    Theme,
    WebhookAttempt,
    WebhookDelivery,
    WebhookEndpoint,
)
from partnership.services import webhook_secret_new

User = get_user_model()


def _places(partnership: Partnership, held: dict) -> "Area.objects":
    """The partnership's area and every locality, ward and parish within it."""
    within, parents = set(), {partnership.area_id} - {None}
    while parents:
        children = set(Area.objects.filter(parent__in=parents).values_list("pk", flat=True))
        parents = children - within
        within |= children
    return Area.objects.filter(pk__in=within | ({partnership.area_id} - {None}))


def _user_prepare(user) -> None:
    # An account comes without its password or powers: its holder sets a password anew.
    user.set_unusable_password()


SECTIONS = [
    # The first owned model is the one an archive is of.
    Owned(Partnership, lambda p: Partnership.objects.filter(pk=p.pk), unique=("slug", "name")),
    Owned(PartnerMembership, lambda p: PartnerMembership.objects.filter(partnership=p)),
    Owned(Theme, lambda p: Theme.objects.filter(partnership=p)),
    Owned(
        PartnerSystem,
        lambda p: PartnerSystem.objects.filter(partnership=p),
        leave_out={
            "application": "A partner system's API credentials stay where they were issued: "
            "an administrator issues new ones for the imported system."
        },
    ),
    Owned(
        WebhookEndpoint,
        lambda p: WebhookEndpoint.objects.filter(partnership=p),
        leave_out={
            "secret": "A signing secret does not travel in a file: the imported endpoint gets "
            "a new one, shown on its page, to give to the partner."
        },
        renew={"secret": webhook_secret_new},
    ),
    Shared(
        Area,
        natural_key=("name", "kind", "parent"),
        order_by=("kind", "name", "code"),
        seeds=_places,
    ),
    Shared(Organisation, natural_key=("name",), order_by=("name",)),
    Shared(
        Merger,
        natural_key=("successor", "effective_on"),
        order_by=("effective_on", "successor__name"),
        # The line of succession of every organisation taken in, back and forward.
        seeds=lambda p, held: Merger.objects.filter(
            Q(successor__in=held[Organisation]) | Q(predecessors__in=held[Organisation])
        ).distinct(),
    ),
    Shared(
        User,
        natural_key=(User.USERNAME_FIELD,),
        order_by=(User.USERNAME_FIELD,),
        fields=(User.USERNAME_FIELD, "first_name", "last_name", "email", "is_active"),
        prepare=_user_prepare,
        note="each without a password or staff powers; they set a password to sign in.",
    ),
    Shared(
        Person,
        natural_key=("honorific_prefix", "name", "email", "organisation"),
        order_by=("name", "honorific_prefix", "email", "organisation__name"),
    ),
    LeftOut(
        WebhookDelivery,
        "The queue and log of the source's webhook deliveries: their payloads name records by "
        "the source's keys and addresses, and those still waiting would be sent again.",
    ),
    LeftOut(WebhookAttempt, "Each try at a delivery, which stays behind with its delivery."),
]
