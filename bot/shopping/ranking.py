"""Which catalog products match a ➕ line: the line's kind, category, colour and material
decide what may be shown at all; BM25 (`bm25s`) over title, tags, colours and category
orders what is left.

The filter is what keeps an unrelated product away ("베이지 트렌치코트" never brings a
beige blazer because BM25 liked the colour); BM25 is what puts the closest titles first.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import bm25s
import numpy as np

from bot.shopping.catalog import Product
from bot.shopping.vocabulary import KINDS, Concepts, concepts_in, english_words

Tokenizer = Callable[[str], list[str]]
CATEGORY_NAMES = {"top": "top 상의", "bottom": "bottom 하의", "outer": "outer 아우터",
                  "dress": "dress 원피스", "shoes": "shoes 신발", "bag": "bag 가방",
                  "accessory": "accessory 액세서리"}  # fmt: skip
# Words of a ➕ line that say nothing about the product ("a pair of", "하나", "추천").
_FILLER = re.compile(
    r"\b(a|an|the|pair|of|one|some|for|with|and|or|in|to|get|buy|simple|basic|classic|nice)\b|"
    r"하나|한\s?벌|한\s?켤레|추천|구매|정도|같은|느낌의?|스타일의?|기본|심플한?",
    re.IGNORECASE,
)
# Where the item ends and the model's explanation starts: "➕ 베이지 트렌치코트 — 비 올 때",
# "➕ a navy blazer to dress it up" (or "dress" would be taken for the item).
_EXPLANATION = re.compile(
    r"\s(?:[-–—:]|\()\s?|[:：]|\s(?:to|for|that|which|so|if|when|because|instead)\s",
    re.IGNORECASE,
)


def default_tokens(text: str) -> list[str]:
    """Latin words (singular), Hangul words and their two-syllable pieces, so "트렌치코트"
    meets "트렌치 코트" without a Korean morphological analyser."""
    tokens = english_words(text)
    for word in re.findall(r"[가-힣]+", text):
        tokens.append(word)
        tokens += [word[i : i + 2] for i in range(len(word) - 1)]
    return tokens


@dataclass(frozen=True)
class Match:
    product: Product
    score: float


def item_phrase(line: str) -> str:
    """The item a ➕ line names, without the model's explanation after it."""
    line = line.strip().lstrip("➕").strip(" *_")
    head = _EXPLANATION.split(line, maxsplit=1)[0].strip(" *_")
    return head or line


def _product_concepts(product: Product) -> Concepts:
    colors: set[str] = set()
    for color in product.colors:
        colors |= concepts_in(color).colors or {color.lower()}
    pieces = [product.title, *product.tags]
    found = [concepts_in(piece) for piece in pieces]
    # A shade the vocabulary does not know ("tan") may still be named in the title ("Camel").
    colors |= found[0].colors
    # The category field is the truth: a tag "셔츠와 매치" does not make a coat a shirt.
    kinds = {k for c in found for k in c.kinds if KINDS[k][0] == product.category}
    materials = {m for c in found for m in c.materials}
    return Concepts(frozenset(colors), frozenset(kinds), frozenset(materials),
                    frozenset({product.category}))  # fmt: skip


class CatalogIndex:
    """Built once at start-up; `search` is pure CPU (a few hundred microseconds)."""

    def __init__(self, products: Sequence[Product], tokenizer: Tokenizer = default_tokens) -> None:
        self.products = tuple(products)
        self._tokens = tokenizer
        self._concepts = [_product_concepts(p) for p in self.products]
        corpus = [self._document(p, c) for p, c in zip(self.products, self._concepts, strict=True)]
        self._bm25 = bm25s.BM25()
        if corpus:
            self._bm25.index(corpus, show_progress=False)

    def _document(self, product: Product, concepts: Concepts) -> list[str]:
        text = " ".join([product.title, *product.tags, *product.colors,
                         CATEGORY_NAMES[product.category]])  # fmt: skip
        return self._tokens(text) + concepts.tokens()

    def search(self, line: str, limit: int = 3) -> list[Match]:
        """Up to `limit` products for one ➕ line, best first; none when nothing fits."""
        if not self.products:
            return []
        phrase = item_phrase(line)
        wanted = concepts_in(phrase)
        words = self._tokens(_FILLER.sub(" ", phrase))
        scores = self._bm25.get_scores(words + wanted.tokens())
        allowed = np.array([self._fits(wanted, c) for c in self._concepts], dtype=bool)
        if not (wanted.kinds or wanted.categories):
            # Nothing known about the kind: the words themselves must meet, beyond colours.
            plain = [w for w in words if not concepts_in(w).colors]
            if not plain:
                return []
            allowed &= self._bm25.get_scores(plain) > 0
        scores = np.where(allowed, scores, -1.0)
        best = [int(i) for i in np.argsort(-scores, kind="stable")[:limit]]
        return [Match(self.products[i], float(scores[i])) for i in best if scores[i] > 0]

    @staticmethod
    def _fits(wanted: Concepts, have: Concepts) -> bool:
        if wanted.categories and not wanted.categories & have.categories:
            return False
        if wanted.leaf_kinds and not wanted.leaf_kinds & have.kinds:
            return False
        if wanted.colors and not wanted.colors & have.colors:
            return False
        return wanted.materials <= have.materials
