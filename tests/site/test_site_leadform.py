"""The lead form on every built article page, and the neighbours and related links."""

import pytest
from sitebuild import ARTICLES
from sitebuild import CAPTURE_URL
from sitebuild import SITEURL
from sitebuild import article_url

from capture.contract import HIDDEN_FIELDS
from capture.contract import HONEYPOT_FIELD
from capture.contract import VISIBLE_FIELDS

pytestmark = pytest.mark.slow

SLUGS = [item["slug"] for item in ARTICLES]
FORM_FIELDS = (*VISIBLE_FIELDS, HONEYPOT_FIELD)
TEXT_KINDS = ("text", "email", "tel", "url", "textarea")


def the_form(built_site, slug):
    forms = built_site.parse(f"{slug}.html").xpath("//form")
    assert len(forms) == 1
    return forms[0]


def control(form, name):
    controls = form.xpath(".//*[self::input or self::select or self::textarea][@name=$n]", n=name)
    assert len(controls) == 1, name
    return controls[0]


@pytest.mark.parametrize("slug", SLUGS)
def test_form_posts_to_the_capture_service(built_site, slug):
    form = the_form(built_site, slug)
    assert form.get("action") == CAPTURE_URL
    assert form.get("method") == "post"
    assert form.get("novalidate") is None
    assert len(form.xpath(".//button[@type='submit']")) == 1


@pytest.mark.parametrize("slug", SLUGS)
def test_hidden_fields_say_where_the_lead_came_from(built_site, slug):
    form = the_form(built_site, slug)
    hidden = {i.get("name"): i.get("value") for i in form.xpath(".//input[@type='hidden']")}
    assert set(hidden) == {field.name for field in HIDDEN_FIELDS}
    assert hidden["source"] == slug
    assert hidden["page_url"] == article_url(slug)


@pytest.mark.parametrize("slug", SLUGS)
@pytest.mark.parametrize("field", FORM_FIELDS, ids=lambda f: f.name)
def test_each_contract_field_has_a_labelled_control(built_site, slug, field):
    form = the_form(built_site, slug)
    element = control(form, field.name)
    assert element.get("id")
    assert len(form.xpath(".//label[@for=$id]", id=element.get("id"))) == 1
    assert (element.get("required") is not None) == field.required
    for described in (element.get("aria-describedby") or "").split():
        assert form.xpath(".//*[@id=$id]", id=described), described
    if field.kind in TEXT_KINDS:
        assert element.get("maxlength") == str(field.max_length)


@pytest.mark.parametrize("field", [f for f in VISIBLE_FIELDS if f.kind == "choice"], ids=str)
def test_choices_equal_the_contract(built_site, field):
    for slug in SLUGS:
        select = control(the_form(built_site, slug), field.name)
        assert select.tag == "select"
        options = [(o.get("value"), o.text) for o in select.xpath("option")]
        assert options[0][0] == ""
        assert tuple(options[1:]) == field.choices


@pytest.mark.parametrize(
    ("name", "attributes"),
    [
        ("email", {"type": "email", "autocomplete": "email"}),
        ("website", {"type": "url"}),
        ("employees", {"type": "text", "inputmode": "numeric", "pattern": "[0-9]+"}),
        ("monthly_budget", {"type": "text", "inputmode": "numeric", "pattern": "[0-9]+"}),
        ("consent", {"type": "checkbox", "value": "yes"}),
        ("company_fax", {"type": "text", "tabindex": "-1", "autocomplete": "off"}),
    ],
)
def test_native_validation_attributes(built_site, name, attributes):
    element = control(the_form(built_site, SLUGS[0]), name)
    assert {key: element.get(key) for key in attributes} == attributes


#: The form's three groups, by legend, with their fields in the order the page shows them.
GROUPS = {
    "About you": ["name", "email", "phone", "role"],
    "Your company": ["company", "website", "company_type", "employees"],
    "Your goals": ["interest", "monthly_budget", "message"],
}


@pytest.mark.parametrize("slug", SLUGS)
def test_fields_come_in_three_groups_each_with_a_legend(built_site, slug):
    form = the_form(built_site, slug)
    groups = {
        fieldset.xpath("normalize-space(legend)"): fieldset.xpath(
            ".//*[self::input or self::select or self::textarea]/@name")
        for fieldset in form.xpath(".//fieldset")
    }
    assert groups == GROUPS
    after = form.xpath(".//fieldset[last()]/following::*[self::input or self::select]"
                       "[not(@type='hidden')][not(ancestor::*[@aria-hidden='true'])]/@name")
    assert after == ["consent"]


@pytest.mark.parametrize(
    ("name", "kind", "token"),
    [("name", "text", "name"), ("email", "email", "email"), ("phone", "tel", "tel"),
     ("company", "text", "organization"), ("website", "url", "url")],
)
def test_personal_fields_have_their_input_type_and_autocomplete_token(built_site, name, kind,
                                                                      token):
    for slug in SLUGS:
        element = control(the_form(built_site, slug), name)
        assert (element.get("type"), element.get("autocomplete")) == (kind, token)


def test_message_is_a_textarea(built_site):
    assert control(the_form(built_site, SLUGS[0]), "message").tag == "textarea"


@pytest.mark.parametrize("slug", SLUGS)
def test_honeypot_is_hidden_from_people_and_screen_readers(built_site, slug):
    element = control(the_form(built_site, slug), HONEYPOT_FIELD.name)
    wrappers = element.xpath("ancestor::*[@aria-hidden='true']")
    assert len(wrappers) == 1
    assert "hp" in wrappers[0].get("class").split()
    assert wrappers[0].xpath(".//label[@for=$id]", id=element.get("id"))


@pytest.mark.parametrize("slug", SLUGS)
def test_privacy_sentence_sits_beside_the_form(built_site, slug):
    section = the_form(built_site, slug).getparent()
    assert section.xpath(".//a[contains(@href, 'privacy.html')]")


@pytest.mark.parametrize("slug", SLUGS)
def test_the_confirmation_waits_hidden_after_the_form(built_site, slug):
    form = the_form(built_site, slug)
    [done] = form.xpath("following-sibling::div[@id='lead-done']")
    assert done.get("hidden") is not None
    assert done.get("tabindex") == "-1"
    assert done.xpath("normalize-space(h3)") == "Thank you, we received your request"
    assert "within one business day" in done.xpath("string(p)")


@pytest.mark.parametrize("slug", SLUGS)
def test_consent_label_links_the_privacy_page(built_site, slug):
    label = the_form(built_site, slug).xpath(".//label[@for='lead-consent']")[0]
    assert label.xpath("a/@href") == [f"{SITEURL}/privacy.html"]


def test_privacy_page_email_address_is_a_mailto_link(built_site):
    links = built_site.parse("privacy.html").xpath("//main//a[starts-with(@href, 'mailto:')]")
    assert [(a.get("href"), a.text) for a in links] == [
        ("mailto:privacy@msptelemarketing.example", "privacy@msptelemarketing.example")]


def test_older_and_newer_links_follow_the_dates(built_site):
    slugs = [item["slug"] for item in sorted(ARTICLES, key=lambda item: item["date"])]
    for index, slug in enumerate(slugs):
        nav = built_site.parse(f"{slug}.html").xpath("//nav[contains(@class, 'article-nav')]")[0]
        older = nav.xpath(".//a[@rel='prev']/@href")
        newer = nav.xpath(".//a[@rel='next']/@href")
        assert older == ([article_url(slugs[index - 1])] if index else [])
        assert newer == ([article_url(slugs[index + 1])] if index + 1 < len(slugs) else [])


@pytest.mark.parametrize("item", ARTICLES, ids=lambda item: item["slug"])
def test_related_articles_share_a_tag(built_site, item):
    tags = {tag.strip() for tag in item["tags"].split(",")}
    by_url = {article_url(other["slug"]): other for other in ARTICLES}
    related = built_site.parse(f"{item['slug']}.html").xpath("//section[@class='related']//a/@href")
    assert 0 < len(related) <= 3
    assert article_url(item["slug"]) not in related
    for url in related:
        assert tags & {tag.strip() for tag in by_url[url]["tags"].split(",")}
