"""The records Coordi keeps for a chat: photos, history messages and wardrobe cards.

Plain frozen dataclasses, stored as JSON (or raw JPEG bytes) in Redis, never
pickle. They live at the bottom of the import order: storage keeps them,
`prompts` reads them to build requests, `bot` passes them around.
"""

from __future__ import annotations

import json
import time
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

PhotoRole = Literal["full_body", "clothing"]
Role = Literal["user", "assistant"]


@dataclass(frozen=True)
class PhotoMeta:
    unique_id: str
    number: int
    role: PhotoRole
    width: int
    height: int
    added_at: float


@dataclass(frozen=True)
class StoredPhoto:
    meta: PhotoMeta
    jpeg: bytes


@dataclass(frozen=True)
class HistoryMessage:
    role: Role
    content: str
    at: float = field(default_factory=time.time)


CATEGORIES = ("top", "bottom", "outer", "dress", "shoes", "bag", "accessory")
Category = Literal["top", "bottom", "outer", "dress", "shoes", "bag", "accessory"]


@dataclass(frozen=True)
class WardrobeCard:
    number: int
    kind: Literal["full_body", "item"]
    name: str = ""  # short display name in the user's language, e.g. "네이비 슬랙스"
    category: Category | None = None
    colors: tuple[str, ...] = ()
    pattern: str = ""
    material: str = ""
    fit: str = ""
    formality: str = ""
    season: str = ""
    # Full-body profile: respectful, no weight or BMI.
    silhouette: str = ""
    color_tone: str = ""
    current_style: str = ""
    notes: str = field(default="")

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> WardrobeCard:
        known = {name: data[name] for name in cls.__dataclass_fields__ if name in data}
        known["colors"] = tuple(str(c) for c in known.get("colors") or ())
        if known.get("category") not in CATEGORIES:
            known["category"] = None
        for name, value in list(known.items()):
            if name not in ("number", "colors", "category") and value is None:
                known[name] = ""
        return cls(**known)

    def describe(self) -> str:
        """One line for the prompt: everything the model needs instead of the picture."""
        if self.kind == "full_body":
            parts = [f"silhouette and proportions: {self.silhouette}", f"colour tone: {self.color_tone}",
                     f"current style: {self.current_style}"]  # fmt: skip
            return f"[{self.number}] full-body photo of the user: " + "; ".join(
                p for p in parts if not p.endswith(": ")
            )
        details = [
            ", ".join(self.colors),
            self.pattern,
            self.material,
            self.fit and f"fit {self.fit}",
            self.formality and f"formality {self.formality}",
            self.season and f"season {self.season}",
        ]
        head = f"[{self.number}] {self.category or 'item'}: {self.name}".rstrip(": ")
        return head + "".join(f"; {d}" for d in details if d)
