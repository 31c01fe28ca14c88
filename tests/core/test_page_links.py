"""`{% path %}` and `{% link %}` write the URLs that `{% url %}` would, reversed once per name."""

from django.template import Context, Template

PID = "3f2b6c1e-8a4d-4e1f-9b7a-2c5d8e0f1a2b"


def _pair(first: str, second: str) -> list[str]:
    source = "{% load plan_tags %}" + first + "|" + second
    return Template(source).render(Context({"pid": PID})).split("|")


def test_path_is_url_without_arguments():
    url, path = _pair("{% url 'plan:timeline' %}", "{% path 'plan:timeline' %}")
    assert url == path
    assert path.startswith("/")
    url, path = _pair("{% url 'goals:list' as a %}{{ a }}", "{% path 'goals:list' as b %}{{ b }}")
    assert url == path


def test_link_is_url_with_the_public_id():
    url, link = _pair("{% url 'plan:goal' pid %}", "{% link 'plan:goal' pid %}")
    assert url == link
    assert PID in link


def test_a_link_with_a_public_id_prints_as_it_is_and_any_other_text_is_escaped():
    from uuid import UUID

    from django.utils.safestring import SafeString

    from apps.core.templatetags.plan_tags import link

    assert isinstance(link("plan:goal", UUID(PID)), SafeString)
    assert isinstance(link("plan:goal", SafeString(PID)), SafeString)
    # Text that is not an id is not vouched for: the template escapes it.
    hostile = '"><script>alert(1)</script>'
    assert not isinstance(link("plan:goal", hostile), SafeString)
    html = Template("{% load plan_tags %}{% link 'plan:goal' text %}").render(
        Context({"text": hostile})
    )
    assert "<script>" not in html
    assert "&lt;script&gt;" in html


def test_a_printed_row_answers_item_lookups_with_its_fields():
    from dataclasses import dataclass

    from apps.core.printed import PrintedRow

    @dataclass(frozen=True)
    class Row(PrintedRow):
        title: str

    row = Row(title="<b>Lead</b>")
    html = Template("{{ row.title }}|{{ row.missing }}|{{ row.title|length }}").render(
        Context({"row": row})
    )
    assert html == "&lt;b&gt;Lead&lt;/b&gt;||11"
