"""Pages of API lists: numbered pages for short lists, cursors for long ones."""

from rest_framework.pagination import CursorPagination, PageNumberPagination

PAGE_SIZE = 50
MAX_PAGE_SIZE = 200


class PagePagination(PageNumberPagination):
    """Numbered pages (?page=2), for lists a partnership holds tens or hundreds of."""

    page_size = PAGE_SIZE
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE


class CursorPagePagination(CursorPagination):
    """Opaque cursors, for lists that grow without bound (readings, meetings, minutes).

    A cursor stays correct while rows are added, and costs the same on the thousandth page as
    on the first, where a page number would make the database count and skip every row before.
    """

    page_size = PAGE_SIZE
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE
    ordering = "-id"
