"""Where the law lists exempt information, by the partnership's nation."""

from partnership.models import Nation

EXEMPT_INFORMATION_SCHEDULE = {
    Nation.ENGLAND: "Schedule 12A to the Local Government Act 1972",
    Nation.WALES: "Schedule 12A to the Local Government Act 1972",
    Nation.SCOTLAND: "Schedule 7A to the Local Government (Scotland) Act 1973",
    Nation.NORTHERN_IRELAND: "Schedule 6 to the Local Government Act (Northern Ireland) 2014",
}


def exemption_notice(nation: str, paragraph: str) -> str:
    """The sentence shown in place of an exempt item's content."""
    return (
        f"Not for publication: exempt information under paragraph {paragraph} of "
        f"{EXEMPT_INFORMATION_SCHEDULE[nation]}."
    )
