"""The one way user-written Markdown becomes HTML, anywhere in the product.

Two independent layers, so that a gap in one is not a hole: markdown-it-py parses with raw
HTML switched off (a `<script>` typed into a comment stays text) and refuses links to
`javascript:`, `vbscript:`, `file:` and `data:`; then nh3 keeps only the tags, attributes and
URL schemes a comment needs and stamps every link `rel="nofollow noopener"`. Images are not
rendered at all: a picture from another site would tell that site who read the comment.
Headings are not parsed either, so a comment never adds to the page's outline.
"""

import re
from functools import lru_cache

import nh3
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "del", "code", "pre", "blockquote", "ul", "ol", "li", "a", "hr",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}}
ALLOWED_SCHEMES = {"http", "https", "mailto"}
LINK_REL = "nofollow noopener"
# Bidirectional overrides and isolates can make text read differently from what it is
# ("txt.exe" shown as "exe.txt"); a comment has no use for them.
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f]")
# Past this a comment is not a comment; the forms stop long before it.
MAX_SOURCE = 100_000

_parser = MarkdownIt("js-default", {"html": False, "linkify": False, "typographer": False}).disable(
    ["image", "heading", "lheading", "table", "html_block", "html_inline"]
)


def render_markdown(source: str) -> SafeString:
    """Safe HTML for `source`: paragraphs, emphasis, lists, quotes, code and links."""
    if len(source) <= CACHED_UP_TO:
        return _render_cached(source)
    return _render(source)


# A pure function, so each process keeps its latest results: a conversation read again costs
# no parsing. Only comment-sized texts, so the cache stays a few megabytes at most.
CACHED_UP_TO = 5_000


@lru_cache(maxsize=1024)
def _render_cached(source: str) -> SafeString:
    return _render(source)


def _render(source: str) -> SafeString:
    text = BIDI_CONTROLS.sub("", source[:MAX_SOURCE].replace("\x00", ""))
    html = _parser.render(text)
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_SCHEMES,
        link_rel=LINK_REL,
        strip_comments=True,
    )
    return mark_safe(cleaned)  # noqa: S308 - nh3 has just reduced it to the allow-list
