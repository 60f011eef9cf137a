"""Where the law lists exempt information, and its paragraphs, by the partnership's nation."""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from partnership.models import Nation

EXEMPT_INFORMATION_SCHEDULE = {
    Nation.ENGLAND: _("Schedule 12A to the Local Government Act 1972"),
    Nation.WALES: _("Schedule 12A to the Local Government Act 1972"),
    Nation.SCOTLAND: _("Schedule 7A to the Local Government (Scotland) Act 1973"),
    Nation.NORTHERN_IRELAND: _("Schedule 6 to the Local Government Act (Northern Ireland) 2014"),
}

_PROPOSED_NOTICE_OR_ORDER = _(
    "Proposals to give a statutory notice imposing requirements on a person, or to make an "
    "order or direction"
)
_LABOUR_RELATIONS = _(
    "Consultations or negotiations on a labour relations matter with employees or office holders"
)
_CRIME = _("Action taken or to be taken to prevent, investigate or prosecute crime")

# Short descriptions of each paragraph, for choosing one; the schedule's own words govern.
# England uses Part 1 of Schedule 12A; Wales its Part 4, as substituted by the Local Government
# (Access to Information) (Variation) (Wales) Order 2007, numbered on from England's.
# Northern Ireland's paragraphs are not listed, so no item there can be marked exempt yet.
EXEMPT_INFORMATION_PARAGRAPHS: dict[str, dict[str, str]] = {
    Nation.ENGLAND: {
        "1": _("Information relating to any individual"),
        "2": _("Information likely to reveal the identity of an individual"),
        "3": _("Financial or business affairs of any particular person, including the authority"),
        "4": _LABOUR_RELATIONS,
        "5": _("Information subject to legal professional privilege"),
        "6": _PROPOSED_NOTICE_OR_ORDER,
        "7": _CRIME,
    },
    Nation.WALES: {
        "12": _("Information relating to a particular individual"),
        "13": _("Information likely to reveal the identity of an individual"),
        "14": _("Financial or business affairs of any particular person, including the authority"),
        "15": _LABOUR_RELATIONS,
        "16": _("Information subject to legal professional privilege"),
        "17": _PROPOSED_NOTICE_OR_ORDER,
        "18": _CRIME,
    },
    Nation.SCOTLAND: {
        "1": _("A particular employee, office holder or applicant to become one"),
        "2": _("A particular occupier of, or applicant for, the authority's accommodation"),
        "3": _("A particular applicant for, or recipient of, a service of the authority"),
        "4": _("A particular applicant for, or recipient of, the authority's financial assistance"),
        "5": _(
            "The adoption, care, fostering or education of a particular child, or a "
            "compulsory supervision order"
        ),
        "6": _("Financial or business affairs of a particular person other than the authority"),
        "7": _(
            "Things done for a particular person under section 27(1) of the Social Work "
            "(Scotland) Act 1968"
        ),
        "8": _("Proposed expenditure under a particular contract for property, goods or services"),
        "9": _("Terms proposed in negotiations for a contract for property, goods or services"),
        "10": _("The authority's identity as the person offering a particular tender"),
        "11": _LABOUR_RELATIONS,
        "12": _("Instructions to and opinions of counsel, and advice on legal proceedings"),
        "13": _PROPOSED_NOTICE_OR_ORDER,
        "14": _CRIME,
    },
}


def exempt_paragraphs(nation: str) -> dict[str, str]:
    """The nation's exempt-information paragraphs by number; empty where none are listed."""
    return EXEMPT_INFORMATION_PARAGRAPHS.get(nation, {})


def exempt_paragraph_choices(nation: str) -> list[tuple[str, str]]:
    return [
        (
            number,
            gettext("Paragraph {number}: {description}").format(
                number=number, description=description
            ),
        )
        for number, description in exempt_paragraphs(nation).items()
    ]


def exemption_notice(nation: str, paragraph: str) -> str:
    """The sentence shown in place of an exempt item's content."""
    return gettext(
        "Not for publication: exempt information under paragraph {paragraph} of {schedule}."
    ).format(paragraph=paragraph, schedule=EXEMPT_INFORMATION_SCHEDULE[nation])
