"""The `once` filter: an article's fragment rendered on first use, then reused."""

import jinja2

from leadform.fragments import rendered_once


class Article:
    def __init__(self, title: str) -> None:
        self.title = title


def environment() -> jinja2.Environment:
    templates = {
        "entry.html": "<{{ heading }}>{{ SITEURL }} {{ article.title }} "
                      "{{ counter.append(1) or '' }}",
        "page.html": "{% for a in articles %}{{ a|once('entry.html', heading=heading) }}|"
                     "{% endfor %}",
    }
    env = jinja2.Environment(loader=jinja2.DictLoader(templates), autoescape=True)
    env.filters["once"] = rendered_once(env)
    return env


def test_a_fragment_is_rendered_once_per_article_and_parameters():
    env, counter = environment(), []
    first, second = Article("<First>"), Article("Second")
    page = env.get_template("page.html")
    values = {"SITEURL": "https://site.test", "counter": counter}
    html = page.render(values, articles=[first, second], heading="h2")
    assert html == ("<h2>https://site.test &lt;First&gt; |<h2>https://site.test Second |")
    assert page.render(values, articles=[second, first], heading="h2") == (
        "<h2>https://site.test Second |<h2>https://site.test &lt;First&gt; |")
    assert len(counter) == 2
    assert page.render(values, articles=[first], heading="h3").startswith("<h3>")
    assert len(counter) == 3
