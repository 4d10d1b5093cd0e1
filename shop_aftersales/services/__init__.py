"""Use cases. One public function = one business step = one transaction. No Qt here.

Write steps return a :class:`Changes` that says what areas changed, so the UI can refresh
the screens that show them (DESIGN.md §6, after Anki's OpChanges).
"""

from .base import Cancelled, Changes, Progress, business_step

__all__ = ["Cancelled", "Changes", "Progress", "business_step"]
