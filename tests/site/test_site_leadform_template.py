"""leadform.html on its own, as the capture service renders it, and the plugin's rules."""

import jinja2
import pytest
from sitebuild import ROOT
from sitebuild import build
from sitebuild import parse_html

from capture.contract import FIELDS_BY_NAME
from capture.contract import VISIBLE_FIELDS
from capture.contract import Field
from capture.contract import FormView
from leadform import LeadformSettingsError
from leadform import reading_time


def render_leadform(autoescape: bool, **changes) -> str:
    """Render leadform.html as the capture service does: no Pelican variable exists."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(ROOT / "theme" / "templates"),
        autoescape=autoescape,
        undefined=jinja2.StrictUndefined,
    )
    form = FormView(action="https://capture.test/leads", form_id="f", **changes)
    body = env.get_template("leadform.html").render(leadform=form)
    return f"<!DOCTYPE html><html lang=en><title>t</title><main>{body}</main></html>"


HOSTILE = '"><script>alert(1)</script>'


@pytest.mark.parametrize("autoescape", [True, False], ids=["flask", "pelican-raw"])
def test_template_renders_errors_and_values_safely_on_its_own(autoescape):
    html = render_leadform(
        autoescape,
        values={"name": HOSTILE, "company_type": "var", "consent": "yes", "source": "a-slug"},
        errors={
            "email": ["Enter a valid email address."],
            "page_url": ["Too <long>."],
            "_body": ["The page around the form shows this one."],
        },
    )
    assert "<script>" not in html
    tree = parse_html(html)
    assert tree.xpath("//input[@name='name']/@value") == [HOSTILE]
    assert tree.xpath("//select[@name='company_type']/option[@selected]/@value") == ["var"]
    assert tree.xpath("//input[@name='consent']/@checked") == [""]
    assert tree.xpath("//input[@name='source']/@value") == ["a-slug"]
    email = tree.xpath("//input[@name='email']")[0]
    assert email.get("aria-invalid") == "true"
    assert "f-email-error" in email.get("aria-describedby").split()
    assert tree.xpath("//p[@class='field-error'][@id='f-email-error']/text()") == [
        "Enter a valid email address."
    ]
    summary = tree.xpath("//*[@role='alert']")[0]
    assert summary.xpath(".//a/@href") == ["#f-email"]
    assert summary.xpath(".//li[not(a)]/text()") == ["Too <long>."]
    assert "page around" not in summary.xpath("string(.)")


def test_summary_follows_the_order_the_page_shows_the_fields():
    errors = {name: ["This field is required."] for name in ("message", "role", "name", "consent")}
    tree = parse_html(render_leadform(True, errors=errors))
    assert tree.xpath("//*[@role='alert']//a/@href") == ["#f-name", "#f-role", "#f-message",
                                                         "#f-consent"]


def test_a_contract_field_in_no_group_still_shows_after_the_groups():
    extra = Field("referral", "Who sent you?", "text", max_length=100)
    tree = parse_html(render_leadform(True, fields=(*VISIBLE_FIELDS, extra)))
    names = tree.xpath("//form//*[self::input or self::select or self::textarea]"
                       "[not(@type='hidden')]/@name")
    assert names.index("referral") > names.index("message")
    assert not tree.xpath("//fieldset//*[@name='referral']")
    assert tree.xpath("normalize-space(//label[@for='f-referral'])") == "Who sent you? (optional)"


@pytest.mark.parametrize("autoescape", [True, False], ids=["flask", "pelican-raw"])
def test_consent_label_links_the_privacy_page_in_the_contracts_words(autoescape):
    consent = FIELDS_BY_NAME["consent"]
    tree = parse_html(render_leadform(autoescape, privacy_url="https://site.test/privacy.html"))
    label = tree.xpath("//label[@for='f-consent']")[0]
    assert label.xpath("string(.)") == consent.label
    assert label.xpath("a/@href") == ["https://site.test/privacy.html"]
    assert label.xpath("a/text()") == [consent.privacy_link]


def test_consent_label_is_plain_text_where_there_is_no_privacy_page():
    label = parse_html(render_leadform(True)).xpath("//label[@for='f-consent']")[0]
    assert label.xpath("string(.)") == FIELDS_BY_NAME["consent"].label
    assert label.xpath(".//a") == []


@pytest.mark.parametrize("errors", [{}, {"_body": ["Not JSON."]}])
def test_template_without_field_errors_has_no_error_markup(errors):
    tree = parse_html(render_leadform(True, errors=errors))
    assert tree.xpath("//*[@role='alert'] | //*[@aria-invalid] | //*[@class='field-error']") == []


@pytest.mark.parametrize(
    "capture_url", ["", None, "ftp://capture.test/leads", "https://capture.test/", "/leads"]
)
def test_build_without_a_usable_capture_url_fails_clearly(tmp_path, capture_url):
    with pytest.raises(LeadformSettingsError, match="CAPTURE_URL"):
        build(tmp_path, CAPTURE_URL=capture_url)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("words", "expected"),
    [(0, "1 min read"), (200, "1 min read"), (201, "2 min read"), (1000, "5 min read")],
)
def test_reading_time_rounds_up_at_200_words_a_minute(words, expected):
    assert reading_time("<p>" + "word " * words + "</p>") == expected


def pelican_like_env() -> jinja2.Environment:
    """Autoescape as the plugin sets it: everything but the self-escaping leadform.html."""
    from leadform.leadform import autoescape_unless_self_escaping

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(ROOT / "theme" / "templates"),
        autoescape=autoescape_unless_self_escaping,
        undefined=jinja2.StrictUndefined,
    )


@pytest.mark.parametrize(
    "changes",
    [
        {"values": {"source": "a-slug", "page_url": "https://site.test/a-slug.html"}},
        {"values": {"source": HOSTILE, "page_url": "https://site.test/?a=1&b=<2>"}},
        {"values": {"source": "a-slug"}, "privacy_url": "https://site.test/privacy.html"},
        {"values": {"source": ""}},
        {"values": {"name": HOSTILE, "source": "a-slug"}},
        {"values": {"source": "a-slug"}, "errors": {"email": ["Enter a valid email address."]}},
    ],
    ids=["article", "hostile", "privacy", "empty-value", "visible-value", "errors"],
)
def test_rendered_once_form_writes_what_leadform_html_does(changes):
    from leadform.formcache import FormRenderer

    env = pelican_like_env()
    renderer = FormRenderer(env)
    form = FormView(action="https://capture.test/leads", form_id="f", **changes)
    expected = env.get_template("leadform.html").render(leadform=form)
    assert renderer(form) == expected
    assert renderer(form) == expected  # from the cached pieces, if the form has a shape
    other = FormView(action=form.action, form_id="f", privacy_url=form.privacy_url,
                     errors=form.errors,
                     values={name: f"{value}-2" for name, value in form.values.items()})
    assert renderer(other) == env.get_template("leadform.html").render(leadform=other)
