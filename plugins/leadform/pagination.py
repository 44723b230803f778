"""Which page numbers a listing page links to: a window, not every page.

Linking every page from every listing page made each page's navigation grow
with the number of pages, and the build with their square: at 2,000
articles, 873,704 calls to Paginator.page() and a 77 KB index page. The
window keeps the first and last page, a few around the current one, and a
gap (None) for what lies between, so each page links to at most nine.
"""

__all__ = ["AROUND", "page_window"]

#: Pages linked on each side of the current one.
AROUND = 2


def page_window(current: int, last: int, around: int = AROUND) -> list[int | None]:
    """Page numbers to link, in order, with None where pages are left out.

    A gap that would hide a single page shows that page instead: a "..." in
    place of one number saves nothing and hides where it leads.
    """
    low, high = max(1, current - around), min(last, current + around)
    numbers = sorted({1, last} | set(range(low, high + 1)))
    window: list[int | None] = []
    for number in numbers:
        if window and number - window[-1] == 2:
            window.append(number - 1)
        elif window and number - window[-1] > 2:
            window.append(None)
        window.append(number)
    return window
