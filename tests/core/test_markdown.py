"""The one Markdown renderer, against what a hostile commenter would type."""

from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.template import Context, Template

from apps.core.markdown import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, render_markdown

HOSTILE = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<scr<script>ipt>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    '<a href="https://ok.example" onclick="alert(1)">click</a>',
    '<div onmouseover="alert(1)">hover</div>',
    "<svg/onload=alert(1)>",
    "<iframe src=javascript:alert(1)>",
    "<style>body{display:none}</style>",
    "[inline](javascript:alert(1))",
    "[upper](JAVASCRIPT:alert(1))",
    "[spaced]( javascript:alert(1) )",
    "[angle](<javascript:alert(1)>)",
    "[entity](&#106;avascript:alert(1))",
    "[hex entity](&#x6A;avascript&#x3A;alert(1))",
    "[named colon](javascript&colon;alert(1))",
    "[tab](java\tscript:alert(1))",
    "[encoded tab](java&#x09;script:alert(1))",
    "[newline](java\nscript:alert(1))",
    "[vb](vbscript:msgbox(1))",
    "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[data img](data:image/png;base64,iVBORw0KGgo=)",
    "[file](file:///etc/passwd)",
    "[ref][x]\n\n[x]: javascript:alert(1)",
    "[ref][y]\n\n[y]: data:text/html,<script>alert(1)</script>",
    '[title](https://ok.example "x\\" onmouseover=\\"alert(1)")',
    "<javascript:alert(1)>",
    "<data:text/html,hello>",
    "<https://ok.example/path?q=<script>>",
    "![tracker](https://evil.example/pixel.png)",
    "![inline img](javascript:alert(1))",
    "<!-- a comment --><b>bold</b>",
    "<b><i>unclosed <u>nested",
    "<<script>script>alert(1)<</script>/script>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "`<script>alert(1)</script>`",
    "```html\n<script>alert(1)</script>\n```",
    "> <script>alert(1)</script>\n> [x](javascript:alert(1))",
    "- [list](javascript:alert(1))\n- <img src=x>",
    "text\x00<script>alert(1)</script>",
    "file\u202egnp.exe and \u2066isolated\u2069",
    "*" * 5000 + "[x](javascript:1)" + "*" * 5000,
    "[" * 10000 + "x" + "](javascript:alert(1))" * 100,
    "> " * 5000 + "deep",
]


class Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def tags_of(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = Collector()
    parser.feed(html)
    return parser.tags


def assert_safe(html: str) -> None:
    for tag, attrs in tags_of(html):
        assert tag in ALLOWED_TAGS, tag
        assert set(attrs) <= ALLOWED_ATTRIBUTES.get(tag, set()) | {"rel"}, (tag, attrs)
        if tag == "a":
            assert attrs["rel"] == "nofollow noopener"
            scheme = urlsplit(attrs.get("href") or "").scheme.lower()
            assert scheme in {"", "http", "https", "mailto"}, attrs["href"]
    lowered = html.lower()
    # Typed markup may survive as text ("&lt;img …"), never as a tag.
    for needle in ("<script", "<img", "<iframe", "<svg", "<style"):
        assert needle not in lowered


@pytest.mark.parametrize("source", HOSTILE)
def test_hostile_input_comes_out_inert(source):
    assert_safe(render_markdown(source))


def test_typed_html_is_shown_as_text():
    html = render_markdown("<script>alert(1)</script> and <b>bold</b>")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;b&gt;bold&lt;/b&gt;" in html


def test_a_javascript_link_is_not_a_link():
    html = render_markdown("[click me](javascript:alert(1))")
    assert "<a" not in html
    assert "click me" in html


def test_ordinary_markdown_reads_as_intended():
    html = render_markdown(
        "Nice **progress** on _this_.\n\n- one\n- [the course](https://learn.example/c)\n\n"
        "> quoted\n\n`code`"
    )
    assert "<strong>progress</strong>" in html
    assert "<em>this</em>" in html
    assert "<li>one</li>" in html
    assert '<a href="https://learn.example/c" rel="nofollow noopener">the course</a>' in html
    assert "<blockquote>" in html
    assert "<code>code</code>" in html


def test_autolinks_get_nofollow_noopener():
    html = render_markdown("See <https://example.org/page> or <mentor@example.org>")
    assert '<a href="https://example.org/page" rel="nofollow noopener">' in html
    assert 'href="mailto:mentor@example.org"' in html


def test_images_are_never_loaded_from_anywhere():
    html = render_markdown("![a pixel](https://tracker.example/p.png)")
    assert "<img" not in html
    assert "a pixel" in html


def test_headings_do_not_join_the_page_outline():
    html = render_markdown("# Shouting\n\nSub\n===")
    assert "<h1" not in html
    assert "Shouting" in html


def test_nul_and_direction_overrides_are_dropped():
    html = render_markdown("a\x00b c\u202ed e\u2067f")
    assert "\x00" not in html
    assert "\u202e" not in html
    assert "\u2067" not in html
    assert "ab" in html


def test_a_megabyte_of_input_renders_to_something_bounded():
    html = render_markdown("word " * 200_000 + "<script>alert(1)</script>")
    assert_safe(html)
    assert len(html) < 200_000


def test_unclosed_tags_cannot_swallow_the_page():
    html = render_markdown("**bold [link](https://ok.example")
    assert_safe(html)
    assert html.count("<p>") == html.count("</p>")


def test_the_template_filter_uses_the_same_renderer():
    out = Template("{% load text_tags %}{{ body|markdown }}").render(
        Context({"body": "**hi** <script>x</script>"})
    )
    assert out == str(render_markdown("**hi** <script>x</script>"))
