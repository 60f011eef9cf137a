"""Why a pack cannot be rendered: reasons that trying again would not change."""

APPENDIX_FILE_MISSING = "The file of {appendix} to item {item} is missing from storage."
APPENDIX_NOT_A_PDF = "{appendix} to item {item} is not a readable PDF ({error}). Upload it again."
APPENDIX_WITHOUT_TEXT = (
    "{appendix} to item {item} has no text and no PDF or Word file to take it from."
)
APPENDIX_NOT_WORD = "{appendix} to item {item} could not be read as a Word document ({error})."
EXEMPT_TEXT_IN_PUBLIC_PACK = (
    "Publication refused: the public pack contains text of exempt {record} "
    '("{phrase}"). It has not been published.'
)


class PackRefused(Exception):
    """A pack that cannot be rendered as it stands; the message says why, for the clerk."""
