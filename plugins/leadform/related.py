"""Related articles: the few others sharing the most tags, newest first on a tie.

Comparing every article with every other one was the largest single cost of
a build at 2,000 articles (27%), and it grew with the square of their number.
Here an index from each tag to the articles carrying it does the work, with
each tag's articles held as the bits of one integer: bit r is the article
that comes r-th, newest first. An article's few tags then give, in a few
integer operations each, which articles share at least one, two, three...
of them, and the newest of those is the lowest bit set.

Even a tag carried by half the site costs an "and" over 2,000 bits (some 30
machine words), not 1,000 comparisons in Python: at 2,000 articles this
takes a few milliseconds where the pairwise version took over a minute.

Pure: articles in (anything with ``tags`` and ``date``), lists out.
"""

from collections.abc import Iterable
from collections.abc import Sequence

__all__ = ["related_by_tags"]


def rank_newest_first(articles: Sequence) -> list[int]:
    """Each article's place in the order used on a tie of shared tags.

    Newest first; articles of the same date keep their order in ``articles``
    (Python's sort is stable, reverse=True included), as the pairwise
    version's sort did.
    """
    order = sorted(range(len(articles)), key=lambda i: articles[i].date, reverse=True)
    rank = [0] * len(articles)
    for place, index in enumerate(order):
        rank[index] = place
    return rank


def tags_of(article) -> list:
    """An article's tags, each once (the pairwise version compared sets)."""
    return list(dict.fromkeys(getattr(article, "tags", None) or ()))


def tag_index(articles: Sequence, rank: list[int]) -> dict[object, int]:
    """Tag -> the articles carrying it, as bits set at their ranks."""
    index: dict[object, int] = {}
    for position, article in enumerate(articles):
        for tag in tags_of(article):
            index[tag] = index.get(tag, 0) | 1 << rank[position]
    return index


def sharing_at_least(masks: list[int]) -> list[int]:
    """Item k-1: the articles in at least k of ``masks``, for k = 1 .. len(masks).

    Counting in bits: after each mask, those already in k-1 of the masks
    seen and in this one too are in k of them.
    """
    at_least = [0] * len(masks)
    for mask in masks:
        for k in range(len(masks) - 1, 0, -1):
            at_least[k] |= at_least[k - 1] & mask
        at_least[0] |= mask
    return at_least


def newest_by_level(levels: Iterable[int], own: int, limit: int) -> list[int]:
    """Ranks of up to ``limit`` articles: the highest level first, newest first within it.

    ``levels`` go from the most shared tags down; each one holds the one
    below it, so what a higher level gave is removed from the next.
    """
    chosen: list[int] = []
    taken = own
    for level in levels:
        if len(chosen) == limit:
            break
        left = level & ~taken
        while left and len(chosen) < limit:
            lowest = left & -left
            chosen.append(lowest.bit_length() - 1)
            left ^= lowest
            taken |= lowest
    return chosen


def related_by_tags(articles: Sequence, limit: int) -> list[list]:
    """For each article, up to ``limit`` others sharing the most tags, newest first on a tie.

    Returns one list per article, in the order of ``articles``.
    """
    rank = rank_newest_first(articles)
    by_rank = [None] * len(articles)
    for position, article in enumerate(articles):
        by_rank[rank[position]] = article
    index = tag_index(articles, rank)
    related = []
    for position, article in enumerate(articles):
        levels = sharing_at_least([index[tag] for tag in tags_of(article)])
        chosen = newest_by_level(reversed(levels), 1 << rank[position], limit)
        related.append([by_rank[place] for place in chosen])
    return related
