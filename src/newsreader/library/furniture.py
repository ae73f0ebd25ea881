"""Platform furniture in copied newsletter and blog posts: what is not the article.

Text copied from a newsletter platform's page carries the page's widgets as lines
of their own: subscribe boxes in mid-body, share and like counters, the footer
card after the post, and readers' comments after "Discussion about this post".
They pollute the body, search and word counts. Each rule below names one shape
of furniture, never a sentence seen in one export, and rules that act in mid-body
only take lines no article paragraph has:

* a widget's label alone on its line ("Subscribe", "Share", "Leave a comment",
  "Type your email…", or several run together: "Type your email…Subscribe");
* counters ("14 Likes∙", "14 Likes ∙ 3 Restacks", "2 Comments");
* a subscription pitch: a short paragraph about subscribing that speaks to the
  reader in a platform's words ("Thanks for reading …! Subscribe for free …",
  "… is a reader-supported publication. To receive new posts …");
* after the article only: short trailing lines (share buttons, "Ready for
  more?", "© 2024 …", a bar of links "Privacy ∙ Terms ∙ Collection notice"),
  and everything from a line "Discussion about this post" on (the comments).
"""

from __future__ import annotations

import re

_WIDGET = (
    r"(?:subscribe(?:\s+(?:now|for\s+free))?|subscribed|share(?:\s+this\s+(?:post|article))?|leave\s+a\s+comment"
    r"|type\s+your\s+email(?:…|\.\.\.)?|upgrade\s+to\s+paid|give\s+a\s+gift\s+subscription|get\s+the\s+app"
    r"|restack|copy\s+link|pledge\s+your\s+support|start\s+writing|sign\s+in|sign\s+up|read\s+in\s+app)"
)
_WIDGET_LINE = re.compile(rf"(?i)(?:{_WIDGET}\s*[.!:→>»›]?\s*)+")
_COUNTER = r"\d[\d,.]*\s*[km]?\s*(?:likes?|restacks?|comments?|shares?|replies|views)"
_COUNTER_LINE = re.compile(rf"(?i)(?:{_COUNTER}\s*[∙·•|]?\s*)+")
_PITCH_MAX = 320  # longer paragraphs are prose, whatever they say about subscribing
_PITCH = re.compile(
    r"(?i)thanks\s+for\s+reading|reader-supported\s+publication|to\s+receive\s+new\s+posts"
    r"|support\s+(?:my|our)\s+work|consider\s+becoming\s+a|subscribe\s+(?:for\s+free|now)|upgrade\s+to\s+paid"
)
# Short lines that only a page's frame has, dropped when they trail the article.
_TRAILING = frozenset(
    item.strip()
    for item in """discussion about this post|share|share this post|share this article
    |subscribe|subscribe now|subscribed|comments|comment|like|likes|leave a comment
    |read more|read more stories|restack|restacks|copy link|facebook|email|twitter|x
    |linkedin|whatsapp|reddit|notes|reply|print|top|new|community|no posts
    |ready for more?|advertisement|sponsored|related|related articles|related stories
    |more from|continue reading|sign up|sign in|log in|join the discussion|tags|topics
    |thanks for reading|share on facebook|share on twitter|back to top|previous|next
    |get the app|start writing|written by""".split("|")
)
_TRAILING_MAX = 60
_COPYRIGHT = re.compile(r"(?i)(?:©|\(c\)|copyright)\s*\d{4}\b")
# "Privacy ∙ Terms ∙ Collection notice": short items joined by a bullet.
_LINK_BAR = re.compile(r"[^∙·•|]{1,25}(?:\s*[∙·•|]\s*[^∙·•|]{1,25}){1,8}")
_NUMBER = re.compile(r"\d[\d,.]*\s*[km]?")  # a counter whose label is an icon
_COMMENTS_MARKER = re.compile(r"(?im)^[ \t]*discussion about this post[ \t]*$")


def drop_furniture(body: str) -> str:
    """``body`` (lines of text, one paragraph per line or blank-line blocks) without
    the platform furniture described in the module docstring. Never raises."""
    marker = _COMMENTS_MARKER.search(body)
    if marker is not None:
        body = body[: marker.start()]
    lines = [line for line in body.split("\n") if not is_widget_line(line)]
    while lines and (not lines[-1].strip() or is_trailing_line(lines[-1])):
        lines.pop()
    return "\n".join(lines)


def is_widget_line(line: str) -> bool:
    """True for furniture that may stand anywhere in a post: a widget's label,
    counters, a subscription pitch (see the module docstring)."""
    text = line.strip()
    if not text or len(text) > _PITCH_MAX:
        return False
    if _WIDGET_LINE.fullmatch(text) or _COUNTER_LINE.fullmatch(text):
        return True
    return "subscri" in text.lower() and _PITCH.search(text) is not None


def is_trailing_line(line: str) -> bool:
    """True for a short line of a page's frame, dropped when it trails the article."""
    text = line.strip()
    if len(text) > _TRAILING_MAX:
        return False
    key = text.lower().rstrip(" .:!→>»›")
    if key in _TRAILING or _COUNTER_LINE.fullmatch(key) or _COPYRIGHT.match(key):
        return True
    return _NUMBER.fullmatch(key) is not None or (_LINK_BAR.fullmatch(text) is not None and not text.endswith("."))
