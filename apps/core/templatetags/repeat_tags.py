"""`{% repeat_partial name %}`: a partial printed more than once on a page, rendered once.

The main navigation appears twice in every page (a row on a wide screen, a menu on a phone;
CSS shows one of them). Both copies come from the same context, so the second is the first
one's HTML again rather than a second render of every link and the unread count.
"""

from django import template
from django.template.defaulttags import PartialNode
from django.utils.datastructures import DeferredSubDict

register = template.Library()


class RepeatedPartialNode(PartialNode):
    def render(self, context):
        key = ("repeat_partial", self.partial_name)
        html = context.render_context.get(key)
        if html is None:
            html = super().render(context)
            context.render_context[key] = html
        return html


@register.tag
def repeat_partial(parser, token):
    match token.split_contents():
        case "repeat_partial", name:
            # Looked up when rendering, like {% partial %}: the partial may be defined later.
            return RepeatedPartialNode(name, DeferredSubDict(parser.extra_data, "partials"))
        case _:
            raise template.TemplateSyntaxError("repeat_partial takes the partial's name")
