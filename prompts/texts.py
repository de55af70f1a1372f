"""Fixed pieces of prompt text that are not the system prompt."""

from __future__ import annotations

from prompts.language import Lang

LANGUAGE_NAMES: dict[Lang, str] = {"ko": "Korean (한국어, 자연스러운 존댓말)", "en": "English"}

DEFAULT_QUESTION: dict[Lang, str] = {
    "ko": "내 사진과 옷으로 코디를 추천해줘.",
    "en": "Recommend an outfit from my photos and clothes.",
}

ROLE_LABELS: dict[str, str] = {
    "full_body": "full-body photo of the user",
    "clothing": "clothing item the user owns",
}
