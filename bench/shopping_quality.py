"""How good the shopping links are: labelled ➕ lines over the generated catalog.

    python -m bench.shopping_quality [--tokenizer default|kiwi] [--show]

Each line is labelled by what a person asking for it would accept, as kinds, colours and a
material of the products' truth (bench/shopping_catalog.py), never by the ranker's
vocabulary: a "navy ball cap" does not accept a navy beanie even though Coordi's vocabulary
calls both hats, and "진주 귀걸이" wants pearls. Some lines have no relevant product in the
catalog at all; any product shown for them is irrelevant.

Prints recall@3 (over lines with a relevant product: relevant shown / min(3, relevant in
the catalog)), the share of lines shown at least one irrelevant product, and timings.
"""

from __future__ import annotations

import argparse
import re
import statistics
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench.shopping_catalog import KINDS, Truth, generate, write_csv
from bot.shopping.catalog import load_catalog
from bot.shopping.ranking import CatalogIndex, Tokenizer, default_tokens
from bot.shopping.vocabulary import english_words

OUTER = {k for k, v in KINDS.items() if v[0] == "outer"}
ACCESSORIES = {k for k, v in KINDS.items() if v[0] == "accessory"}


@dataclass(frozen=True)
class Label:
    line: str
    kinds: frozenset[str]
    colors: frozenset[str] | None = None  # None: any colour will do
    material: str | None = None

    def accepts(self, truth: Truth) -> bool:
        return (truth.kind in self.kinds
                and (self.colors is None or truth.color in self.colors)
                and (self.material is None or truth.material == self.material))  # fmt: skip


def label(line: str, kinds: str | set[str], colors: str | None = None, **extra: object) -> Label:
    kind_set = frozenset({kinds} if isinstance(kinds, str) else kinds)
    color_set = frozenset(colors.split("|")) if colors else None
    return Label(line, kind_set, color_set, **extra)  # type: ignore[arg-type]


LABELS = [
    label("➕ 베이지 트렌치코트", "trench coat", "beige"),
    label("➕ 베이지 트렌치코트 — 간절기 출근룩에 가볍게 걸치기 좋아요", "trench coat", "beige"),
    label("➕ a beige trench coat for the in-between season", "trench coat", "beige"),
    label("➕ 트렌치코트 (베이지나 카키)", "trench coat", "beige|khaki"),
    label("➕ 카멜 울 코트", "wool coat", "camel", material="wool"),
    label("➕ 롱 코트", {"wool coat", "trench coat"}),
    label("➕ charcoal overcoat", "wool coat", "charcoal"),
    label("➕ 네이비 블레이저", "blazer", "navy"),
    label("➕ a navy blazer to dress it up", "blazer", "navy"),
    label("➕ 가벼운 아우터", OUTER - {"puffer", "wool coat"}),
    label("➕ 연청 데님 자켓", "denim jacket", "sky blue"),
    label("➕ black leather jacket", "leather jacket", "black"),
    label("➕ 아이보리 가디건", "cardigan", "ivory"),
    label("➕ 블랙 숏패딩", "puffer", "black"),
    label("➕ 방수 바람막이", "windbreaker", material="waterproof"),
    label("➕ 화이트 옥스포드 셔츠", "shirt", "white"),
    label("➕ light blue shirt", "shirt", "sky blue"),
    label("➕ 아이보리 블라우스", "blouse", "ivory"),
    label("➕ 흰 반팔 티셔츠", "t-shirt", "white"),
    label("➕ 그레이 니트", {"knit", "turtleneck"}, "gray"),
    label("➕ 캐시미어 니트", {"knit", "turtleneck"}, material="cashmere"),
    label("➕ 블랙 터틀넥", "turtleneck", "black"),
    label("➕ a burgundy sweater", {"knit", "turtleneck"}, "burgundy"),
    label("➕ 블랙 와이드 슬랙스", "slacks", "black"),
    label("➕ charcoal tailored trousers", "slacks", "charcoal|gray"),
    label("➕ 연청 청바지", "jeans", "sky blue"),
    label("➕ straight jeans in mid blue", "jeans", "blue"),
    label("➕ 베이지 치노 팬츠", "chinos", "beige"),
    label("➕ 블랙 플리츠 스커트", "skirt", "black"),
    label("➕ 미디 기장 스커트", "skirt"),
    label("➕ 네이비 원피스", "dress", "navy"),
    label("➕ a black midi dress", "dress", "black"),
    label("➕ 블랙 가죽 로퍼", "loafers", "black", material="leather"),
    label("➕ brown suede loafers", "loafers", "brown", material="suede"),
    label("➕ 로퍼", "loafers"),
    label("➕ 화이트 스니커즈", "sneakers", "white"),
    label("➕ 깔끔한 흰색 운동화", "sneakers", "white"),
    label("➕ 블랙 첼시 부츠", "chelsea boots", "black"),
    label("➕ 앵클 부츠", {"ankle boots", "chelsea boots"}),
    label("➕ 레인부츠", "rain boots"),
    label("➕ 비 오는 날 신을 장화", "rain boots"),
    label("➕ 베이지 펌프스", "heels", "beige"),
    label("➕ black pumps", "heels", "black"),
    label("➕ 브라운 더비 슈즈", "derby", "brown"),
    label("➕ 발레 플랫", "flats"),
    label("➕ 블랙 토트백", "tote", "black"),
    label("➕ 미니 크로스백", "crossbody"),
    label("➕ a brown leather shoulder bag", "shoulder bag", "brown", material="leather"),
    label("➕ 카멜 머플러", "scarf", "camel"),
    label("➕ silk scarf", "scarf", material="silk"),
    label("➕ 블랙 가죽 벨트", "belt", "black", material="leather"),
    label("➕ 골드 귀걸이", "earrings", "gold"),
    label("➕ 진주 귀걸이", "earrings", material="pearl"),
    label("➕ 네이비 볼캡", "cap", "navy"),
    label("➕ 3단 우산", "umbrella"),
    label("➕ 골드 목걸이", "necklace", "gold"),
    label("➕ 포인트 액세서리", ACCESSORIES),
    # Nothing in the catalog is what these ask for: the right answer is no link.
    label("➕ 보라색 패딩", "puffer", "purple"),
    label("➕ 레드 트렌치코트", "trench coat", "red"),
    label("➕ 실버 로퍼", "loafers", "silver"),
    label("➕ 스포츠 시계", "watch"),
    label("➕ 선글라스", "sunglasses"),
    label("➕ 네이비 넥타이", "tie", "navy"),
    label("➕ 가죽 샌들", "sandals"),
    label("➕ 옐로우 블레이저", "blazer", "yellow"),
    label("➕ 심플한 반지", "ring"),
]


def kiwi_tokens() -> Tokenizer:
    """Kiwi's morphemes for Korean (nouns, roots, foreign words), Latin words as usual."""
    from kiwipiepy import Kiwi

    kiwi = Kiwi()
    keep = ("NNG", "NNP", "SL", "XR", "SN", "NNB")

    def tokens(text: str) -> list[str]:
        korean = " ".join(re.findall(r"[가-힣]+", text))
        morphemes = (
            [t.form for t in kiwi.tokenize(korean) if t.tag.startswith(keep)] if korean else []
        )
        return english_words(text) + morphemes

    return tokens


class BM25Only(CatalogIndex):
    """The baseline: BM25 alone, no kind, category, colour or material filter."""

    @staticmethod
    def _fits(wanted: object, have: object) -> bool:
        return True


def run(tokenizer: Tokenizer, show: bool, filtered: bool = True) -> None:
    rows, truth = generate()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "catalog.csv"
        write_csv(path, rows)
        load = load_catalog(path)
    started = time.perf_counter()
    index = (CatalogIndex if filtered else BM25Only)(load.products, tokenizer)
    build_ms = (time.perf_counter() - started) * 1000
    recalls: list[float] = []
    irrelevant_lines = 0
    shown_total = irrelevant_total = silent_right = 0
    empty_lines = [lab for lab in LABELS if not any(lab.accepts(t) for t in truth.values())]
    timings = []
    for lab in LABELS:
        started = time.perf_counter()
        shown = [m.product.id for m in index.search(lab.line)]
        timings.append((time.perf_counter() - started) * 1000)
        relevant = {pid for pid, t in truth.items() if lab.accepts(t)}
        wrong = [pid for pid in shown if pid not in relevant]
        shown_total += len(shown)
        irrelevant_total += len(wrong)
        irrelevant_lines += bool(wrong)
        if relevant:
            recalls.append(len(set(shown) & relevant) / min(3, len(relevant)))
        elif not shown:
            silent_right += 1
        if show:
            mark = "✗" if wrong else ("·" if not shown else "✓")
            titles = ", ".join(f"{pid}{'!' if pid in wrong else ''}" for pid in shown)
            print(f"{mark} {lab.line[:44]:44} rel={len(relevant):2} -> {titles}")
    print(
        f"catalog: {len(load.products)} products, {len(load.problems)} bad rows; index built in {build_ms:.0f} ms"
    )
    print(
        f"lines: {len(LABELS)} ({len(recalls)} with a relevant product, {len(empty_lines)} without)"
    )
    print(f"recall@3: {statistics.mean(recalls):.3f}")
    print(
        f"lines given an irrelevant product: {irrelevant_lines}/{len(LABELS)} = {irrelevant_lines / len(LABELS):.3f}"
    )
    print(f"products shown: {shown_total}, irrelevant: {irrelevant_total}")
    print(f"lines without a relevant product left empty: {silent_right}/{len(empty_lines)}")
    print(f"search: median {statistics.median(timings):.2f} ms, max {max(timings):.2f} ms per line")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tokenizer", choices=["default", "kiwi"], default="default")
    parser.add_argument("--show", action="store_true", help="every line and what it got")
    parser.add_argument("--bm25-only", action="store_true", help="baseline without the filter")
    args = parser.parse_args()
    tokens = kiwi_tokens() if args.tokenizer == "kiwi" else default_tokens
    run(tokens, args.show, filtered=not args.bm25_only)


if __name__ == "__main__":
    main()
