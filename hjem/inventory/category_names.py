"""A category as a person types it: its slug (`klaedeskab`), or its name in Danish or English
(`Klædeskab`, `wardrobe`), in any case, with æ, ø and å written out or not."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from hjem.i18n import LANGUAGES, catalog, current_language
from hjem.inventory.models import Category

# How Danish letters are written without them; the slugs are written this way.
_WRITTEN_OUT = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "é": "e"})


def folded(typed: str) -> str:
    """`typed` the way names are compared: lower case, æøå written out, single spaces."""
    return " ".join(typed.casefold().translate(_WRITTEN_OUT).split())


class CategoryNames:
    """Every name each category in the workspace answers to."""

    def __init__(self, session: Session):
        self.slugs: dict[str, str] = {}  # folded name → slug
        self.names: dict[str, str] = {}  # slug → the name a person reads
        rows = select(Category.slug, Category.name).order_by(Category.position, Category.slug)
        for slug, name in session.execute(rows):
            shown = [name, *(_catalog_name(slug, lang) for lang in LANGUAGES)]
            for known in (slug, *shown):
                if known:
                    self.slugs.setdefault(folded(known), slug)
            self.names[slug] = _catalog_name(slug, current_language()) or name

    def slug(self, typed: str) -> str | None:
        """The category `typed` names, or None when no category answers to it."""
        return self.slugs.get(folded(typed))

    def listed(self) -> str:
        """Every category, for a message saying which ones there are: "Seng (seng), ..."."""
        return ", ".join(f"{name} ({slug})" for slug, name in self.names.items())


def _catalog_name(slug: str, lang: str) -> str:
    name = catalog(lang).get(f"category.{slug}.name")
    return name if isinstance(name, str) else ""
