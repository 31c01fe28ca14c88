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
