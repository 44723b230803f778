"""The related-articles index gives exactly what comparing every pair of articles gave."""

import random
from dataclasses import dataclass
from dataclasses import field
from datetime import UTC
from datetime import datetime
from datetime import timedelta

import pytest

from leadform.related import related_by_tags

LIMIT = 3
TAGS = [f"tag {number}" for number in range(60)]


@dataclass(eq=False)
class Item:
    """What related_by_tags reads of a Pelican article; compared by identity, as articles are."""

    name: str
    date: datetime
    tags: list[str] = field(default_factory=list)


def related_pairwise(articles, limit):
    """The plugin's first version, kept as the reference: every article against every other."""
    related = []
    for article in articles:
        tags = set(getattr(article, "tags", ()))
        scored = [
            (len(tags & set(getattr(other, "tags", ()))), other)
            for other in articles
            if other is not article
        ]
        scored = [(shared, other) for shared, other in scored if shared]
        scored.sort(key=lambda pair: (pair[0], pair[1].date), reverse=True)
        related.append([other for _, other in scored[:limit]])
    return related


def generated_articles(count: int, seed: int) -> list[Item]:
    """Few dates (so many ties), common and rare tags, some articles with none or one twice."""
    rng = random.Random(seed)
    weights = [1 / (rank + 1) ** 0.8 for rank in range(len(TAGS))]
    start = datetime(2012, 1, 1, tzinfo=UTC)
    articles = []
    for number in range(count):
        tags = rng.choices(TAGS, weights, k=rng.choice([0, 1, 3, 4, 5, 6]))
        date = start + timedelta(days=rng.randrange(count // 4 + 1))
        articles.append(Item(f"a{number}", date, tags))
    return articles


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize("count", [1, 2, 7, 60, 400])
def test_index_and_pairwise_comparison_relate_the_same_articles(count, seed):
    articles = generated_articles(count, seed)
    assert related_by_tags(articles, LIMIT) == related_pairwise(articles, LIMIT)


def test_more_shared_tags_beat_a_newer_date():
    old = Item("old", datetime(2012, 1, 1, tzinfo=UTC), ["a", "b"])
    new = Item("new", datetime(2013, 1, 1, tzinfo=UTC), ["a"])
    me = Item("me", datetime(2012, 6, 1, tzinfo=UTC), ["a", "b"])
    assert related_by_tags([new, me, old], LIMIT)[1] == [old, new]


def test_an_article_sharing_no_tag_is_never_related():
    lonely = Item("lonely", datetime(2012, 1, 1, tzinfo=UTC), ["x"])
    other = Item("other", datetime(2012, 1, 2, tzinfo=UTC), ["y"])
    assert related_by_tags([lonely, other], LIMIT) == [[], []]
