"""User-visible text raised by the domain, translated later by the GUI.

The domain cannot import Qt, yet its messages must reach Qt's translation catalogue. pyside6-lupdate
recognises calls named ``QT_TRANSLATE_NOOP`` textually, so this identity function marks a string for
extraction under the "Domain" context; the GUI looks it up with ``QCoreApplication.translate("Domain", ...)``.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

CONTEXT = "Domain"


# The name is the one pyside6-lupdate looks for.
def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    return text


@dataclass(frozen=True)
class Message:
    """An English source text with ``{named}`` placeholders, rendered in the reader's language.

    A parameter with a ``label`` (the domain's enums) is shown by its translated label.
    """

    text: str
    params: Mapping[str, object] = field(default_factory=dict)

    def render(self, translate: Callable[[str], str] = lambda text: text) -> str:
        shown = {
            name: translate(value.label) if hasattr(value, "label") else value for name, value in self.params.items()
        }
        return translate(self.text).format(**shown)
