"""What Coordi says about groups, in Korean and English: whose data a command reached, and
who may clear a whole group. Part of `bot.telegram.replies.TEXTS`."""

from __future__ import annotations

from prompts.language import Lang

GROUP_TEXTS: dict[str, dict[Lang, str]] = {
    "reset_done_member": {
        "ko": "내 사진 {photos}장과 저와 나눈 대화, 스타일 메모를 지웠어요. 다른 멤버의 것과 그룹의 상황(/tpo)은 그대로예요.",
        "en": "Forgot your {photos} photo(s), your conversation with me and your style notes. Other members' data and the group's occasion (/tpo) stay.",
    },
    "reset_all_done": {
        "ko": "이 그룹에서 보관하던 것을 모두 지웠어요: 멤버 {members}명의 사진 {photos}장과 대화, 스타일 메모, 상황.",
        "en": "Cleared everything I kept for this group: {photos} photo(s) of {members} member(s), the conversations, style notes and occasion.",
    },
    "reset_all_denied": {
        "ko": "그룹 전체를 지우는 /reset all 은 그룹 관리자만 쓸 수 있어요. /reset 은 내 사진과 대화만 지워요.",
        "en": "Only a group admin can clear the whole group with /reset all. /reset clears just your own photos and conversation.",
    },
    "reset_all_unchecked": {
        "ko": "지금은 관리자인지 확인할 수 없어서 아무것도 지우지 않았어요. 잠시 후 다시 해 주세요.",
        "en": "I couldn't check that you're an admin right now, so nothing was deleted. Please try again in a moment.",
    },
    "body_not_yours": {
        "ko": "직접 보낸 사진에 답장으로 /body 를 보내 주세요. 다른 사람의 사진은 내 옷장에 넣을 수 없어요.",
        "en": "Reply /body to a photo you sent yourself: someone else's photo can't go into your wardrobe.",
    },
    "photos_footer_member": {
        "ko": "내 사진 {count}장이에요 (멤버마다 따로 보관해요). /forget 번호 로 지울 수 있어요.",
        "en": "These are your {count} photo(s) (each member's are kept apart). /forget <number> removes one.",
    },
    "usage_member": {
        "ko": "{month} 이 그룹에서 내 사용량\n답변 {answers}개 · 입력 {prompt} 토큰 · 출력 {completion} 토큰\n비용 약 ${cost}",
        "en": "Your usage in this group in {month}\n{answers} answers · {prompt} input tokens · {completion} output tokens\nAbout ${cost}",
    },
}
