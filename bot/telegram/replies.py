"""Everything Coordi says that does not come from the model, in Korean and English."""

from __future__ import annotations

from bot.telegram.group_texts import GROUP_TEXTS
from prompts.language import Lang

HELP = {
    "ko": (
        "안녕하세요, 스타일리스트 *Coordi* 예요 👗\n\n"
        "1. 전신 사진 한 장과 갖고 있는 옷 사진 몇 장을 보내 주세요 (앨범으로 한 번에 보내도 돼요).\n"
        '2. 어디에 가는지 알려 주세요: 예) "출근용 데일리룩 추천해줘", "비 오는 날 데이트".\n'
        "3. 내 옷으로 만든 코디와 이유, 대안 2~3개를 바로 보내 드려요. "
        '"신발만 바꾸면?"처럼 이어서 물어봐도 돼요.\n\n'
        "명령어\n"
        "/tpo 결혼식 하객 — 상황(TPO) 저장\n"
        "/city 서울 — 날씨를 반영할 도시 (위치 공유도 돼요)\n"
        "/photos — 저장된 사진 보기\n"
        "/forget 3 — 3번 사진 지우기 (/forget all: 전부)\n"
        "/reset — 사진, 대화, 상황 모두 지우기\n"
        "/help — 이 안내\n\n"
        "그룹에서는 저를 @멘션하거나 제 메시지에 답장할 때만 답해요. 사진, 대화, 스타일 메모는 "
        "멤버마다 따로예요 (상황은 그룹이 함께 써요). /reset all 은 관리자만 쓸 수 있어요. "
        "사진과 대화는 7일 동안 쓰지 않으면 자동으로 지워져요. "
        "👎로 평가한 답변은 더 나은 추천을 위해 질문, 상황, 스타일 메모, 옷 설명과 함께 "
        "30일 동안 보관해요 (사진과 누가 보냈는지는 저장하지 않아요)."
    ),
    "en": (
        "Hi, I'm *Coordi*, your stylist 👗\n\n"
        "1. Send one full-body photo and a few photos of clothes you own (one album is fine).\n"
        '2. Tell me where you\'re going, e.g. "office daily look", "rainy date".\n'
        "3. I answer with an outfit from your own clothes, why it works, and 2-3 alternatives. "
        'Ask follow-ups like "what if I change only the shoes?".\n\n'
        "Commands\n"
        "/tpo wedding guest — set the occasion\n"
        "/city Seoul — your city, for the weather (or share a location)\n"
        "/photos — the photos I keep\n"
        "/forget 3 — remove photo 3 (/forget all: everything)\n"
        "/reset — forget photos, chat and occasion\n"
        "/help — this help\n\n"
        "In groups I answer only when you @mention me or reply to my message. Each member has "
        "their own photos, chat and style notes (the occasion is the group's); only admins can "
        "/reset all. "
        "Photos and chat are deleted automatically after 7 days without use. "
        "Answers you rate 👎 are kept for 30 days with the question, occasion, style notes "
        "and clothing descriptions, to improve Coordi (never your photos, nothing that says "
        "who you are)."
    ),
}

COMMANDS: dict[Lang, list[tuple[str, str]]] = {
    "ko": [
        ("start", "Coordi 시작하기"),
        ("help", "사용법"),
        ("tpo", "상황(TPO) 정하기: /tpo 결혼식 하객"),
        ("photos", "저장된 사진 보기"),
        ("forget", "사진 지우기: /forget 3"),
        ("body", "답장한 사진을 전신 사진으로"),
        ("style", "취향과 제약 저장: /style 미니멀"),
        ("city", "날씨를 볼 도시: /city 서울"),
        ("usage", "이번 달 사용량"),
        ("reset", "사진과 대화 모두 지우기"),
        ("stop", "답변 멈추기"),
    ],
    "en": [
        ("start", "Start Coordi"),
        ("help", "How to use Coordi"),
        ("tpo", "Set the occasion: /tpo wedding guest"),
        ("photos", "Show the photos I keep"),
        ("forget", "Remove a photo: /forget 3"),
        ("body", "Mark the replied photo as full-body"),
        ("style", "Your taste and constraints: /style minimal"),
        ("city", "Your city, for the weather: /city Seoul"),
        ("usage", "This month's usage"),
        ("reset", "Forget photos and chat"),
        ("stop", "Stop the current answer"),
    ],
}

# Common occasions offered as buttons by a bare /tpo: (callback key, label).
OCCASIONS: dict[Lang, list[tuple[str, str]]] = {
    "ko": [
        ("office", "출근 데일리룩"),
        ("date", "데이트"),
        ("wedding", "결혼식 하객"),
        ("interview", "면접"),
        ("travel", "여행"),
        ("weekend", "주말 캐주얼"),
    ],
    "en": [
        ("office", "Office daily look"),
        ("date", "Date"),
        ("wedding", "Wedding guest"),
        ("interview", "Job interview"),
        ("travel", "Travel"),
        ("weekend", "Weekend casual"),
    ],
}

TEXTS: dict[str, dict[Lang, str]] = {
    "tpo_ask": {
        "ko": "어떤 자리인가요? 고르거나 /tpo 뒤에 직접 적어 주세요.",
        "en": "What's the occasion? Pick one or type /tpo followed by your own.",
    },
    "tpo_set": {
        "ko": "상황을 저장했어요: {occasion}\n이제 이 상황에 맞춰 추천할게요.",
        "en": "Occasion saved: {occasion}\nI'll style you for it from now on.",
    },
    "reset_done": {
        "ko": "사진 {photos}장과 대화, 상황을 모두 지웠어요.",
        "en": "Forgot {photos} photo(s), the conversation and the occasion.",
    },
    "photos_saved": {
        "ko": "사진을 저장했어요 ({summary}). 어디에 가는지 알려 주시면 코디를 추천해 드릴게요. 예) 출근용 데일리룩",
        "en": "Saved your photos ({summary}). Tell me where you're going and I'll put an outfit together, e.g. office daily look.",
    },
    "summary_body": {"ko": "전신 {n}장", "en": "{n} full-body"},
    "summary_clothes": {"ko": "옷 {n}장", "en": "{n} clothing"},
    "already_saved": {"ko": "이미 저장된 사진이에요", "en": "already saved"},
    "not_image": {
        "ko": "이미지 파일만 볼 수 있어요. 사진(JPEG, PNG, WebP, HEIC)으로 보내 주세요.",
        "en": "I can only read images. Please send a photo (JPEG, PNG, WebP or HEIC).",
    },
    "too_large_file": {
        "ko": "파일이 너무 커요 (최대 20MB). 사진으로 보내 주세요.",
        "en": "That file is too large (20 MB max). Please send it as a photo.",
    },
    "too_many_pixels": {
        "ko": "이미지 해상도가 너무 커서 열 수 없어요. 더 작은 사진으로 보내 주세요.",
        "en": "That image is too large to open. Please send a smaller photo.",
    },
    "too_small": {
        "ko": "사진이 너무 작아요. 더 큰 사진으로 보내 주세요.",
        "en": "That photo is too small to see. Please send a bigger one.",
    },
    "download_failed": {
        "ko": "사진을 받지 못했어요. 다시 보내 주세요.",
        "en": "I couldn't download that photo. Please send it again.",
    },
    "model_busy": {
        "ko": "지금 요청이 많아요. 잠시 후 다시 물어봐 주세요.",
        "en": "I'm a bit busy right now. Please ask again in a moment.",
    },
    "model_down": {
        "ko": "지금은 답을 만들 수 없어요. 잠시 후 다시 시도해 주세요.",
        "en": "I can't answer right now. Please try again in a moment.",
    },
    "cut_off": {
        "ko": "답변이 중간에 끊겼어요. 같은 질문을 다시 보내 주세요.",
        "en": "The answer was cut off. Send the question again to retry.",
    },
    "stopped": {"ko": "⏹ 답변을 멈췄어요.", "en": "⏹ Stopped."},
    "shutdown_cut": {
        "ko": "서버 재시작으로 답변이 여기서 끊겼어요. 같은 질문을 다시 보내 주세요.",
        "en": "A server restart cut this answer short. Please send the question again.",
    },
    "shutdown_busy": {
        "ko": "서버를 재시작하는 중이에요. 잠시 후 같은 질문을 다시 보내 주세요.",
        "en": "Coordi is restarting. Please send your question again in a moment.",
    },
    "limit_turns_user": {
        "ko": "질문이 너무 빨라요. {wait} 뒤에 다시 물어봐 주세요.",
        "en": "That's a lot of questions at once. Please ask again in {wait}.",
    },
    "limit_turns_chat": {
        "ko": "이 대화방에서 요청이 너무 많아요. {wait} 뒤에 다시 해 주세요.",
        "en": "This chat is asking a lot right now. Please try again in {wait}.",
    },
    "limit_photos": {
        "ko": "사진을 너무 많이 보냈어요. {wait} 뒤에 다시 보내 주세요.",
        "en": "That's a lot of photos. Please send more in {wait}.",
    },
    "limit_tokens": {
        "ko": "오늘 쓸 수 있는 양을 다 썼어요. {wait} 뒤에 다시 만나요!",
        "en": "You've used today's allowance. See you again in {wait}!",
    },
    "too_long": {
        "ko": "메시지가 너무 길어요. {limit}자 이내로 보내 주세요.",
        "en": "That message is too long. Please keep it under {limit} characters.",
    },
    "no_instructions": {
        "ko": "제 설정은 알려 드릴 수 없어요. 대신 코디는 얼마든지 도와 드릴게요!",
        "en": "I can't share my instructions, but I'm glad to help with your outfit!",
    },
    "stop_done": {"ko": "멈췄어요", "en": "Stopped"},
    "nothing_to_stop": {
        "ko": "진행 중인 답변이 없어요.",
        "en": "Nothing is being answered right now.",
    },
    "stop_button": {"ko": "⏹ 그만", "en": "⏹ Stop"},
    "no_photos": {
        "ko": "아직 저장된 사진이 없어요. 전신 사진과 옷 사진을 보내 주세요.",
        "en": "No photos yet. Send a full-body photo and photos of your clothes.",
    },
    "role_full_body": {"ko": "전신", "en": "full body"},
    "role_clothing": {"ko": "옷", "en": "clothing"},
    "photos_footer": {
        "ko": "사진 {count}장을 갖고 있어요. /forget 번호 로 지울 수 있어요.",
        "en": "I hold {count} photo(s). /forget <number> removes one.",
    },
    "forget_usage": {
        "ko": "지울 사진 번호를 알려 주세요: /forget 3 또는 /forget all. 번호는 /photos 에서 볼 수 있어요.",
        "en": "Tell me which photo to remove: /forget 3 or /forget all. /photos shows the numbers.",
    },
    "forget_done": {
        "ko": "지웠어요: {photos}. 이 사진에 대한 대화도 함께 지웠어요.",
        "en": "Removed {photos}, and the conversation about it.",
    },
    "forget_unknown": {
        "ko": "{numbers}번 사진은 없어요. /photos 에서 번호를 확인해 주세요.",
        "en": "There is no photo {numbers}. /photos shows the numbers.",
    },
    "evicted": {
        "ko": "사진은 최대 {limit}장까지 보관해요. 가장 오래된 옷 사진 {photos}을(를) 지웠어요.",
        "en": "I keep at most {limit} photos, so I removed the oldest clothing photo {photos}.",
    },
    "body_usage": {
        "ko": "전신 사진에 답장으로 /body 를 보내 주세요.",
        "en": "Reply /body to a photo of yourself.",
    },
    "body_done": {
        "ko": "[{number}]번을 전신 사진으로 표시했어요.",
        "en": "Marked [{number}] as your full-body photo.",
    },
    "style_set": {
        "ko": "스타일 메모를 저장했어요: {notes}\n앞으로 모든 추천에 반영할게요.",
        "en": "Style notes saved: {notes}\nEvery answer will follow them.",
    },
    "style_show": {
        "ko": "지금 스타일 메모: {notes}\n바꾸려면 /style 새 메모, 지우려면 /style clear",
        "en": "Your style notes: {notes}\nChange them with /style <notes>, clear with /style clear.",
    },
    "style_none": {
        "ko": "아직 스타일 메모가 없어요. 예) /style 치마 X, 미니멀, 상의 95",
        "en": "No style notes yet. Example: /style no skirts, minimal, size 95",
    },
    "style_cleared": {"ko": "스타일 메모를 지웠어요.", "en": "Style notes cleared."},
    "usage": {
        "ko": "{month} 이 대화의 사용량\n답변 {answers}개 · 입력 {prompt} 토큰 · 출력 {completion} 토큰\n비용 약 ${cost}",
        "en": "Usage of this chat in {month}\n{answers} answers · {prompt} input tokens · {completion} output tokens\nAbout ${cost}",
    },
    "feedback_thanks": {"ko": "의견 고마워요!", "en": "Thanks for the feedback!"},
    "stats_denied": {"ko": "관리자만 쓸 수 있는 명령이에요.", "en": "This command is for admins."},
    "shop_links": {
        "ko": "{items}\n살 만한 제품을 찾아봤어요:",
        "en": "{items}\nProducts that fit:",
    },
    "city_set": {
        "ko": "도시를 저장했어요: {place}\n이제 그날 날씨에 맞춰 추천할게요.",
        "en": "City saved: {place}\nI'll dress you for its weather from now on.",
    },
    "city_show": {
        "ko": "지금 도시: {place}\n바꾸려면 /city 도시이름, 지우려면 /city clear",
        "en": "Your city: {place}\nChange it with /city <name>, clear it with /city clear.",
    },
    "city_none": {
        "ko": "아직 도시가 없어요. 예) /city 서울 — 또는 위치를 공유해 주세요.",
        "en": "No city yet. Example: /city Seoul, or share your location.",
    },
    "city_unknown": {
        "ko": "'{name}'(이)라는 도시를 찾지 못했어요. 다른 이름으로 다시 해 주세요. 예) /city 서울",
        "en": "I couldn't find a city called '{name}'. Try another name, e.g. /city Seoul.",
    },
    "city_unavailable": {
        "ko": "지금은 날씨 서비스에 연결할 수 없어요. 잠시 후 다시 해 주세요.",
        "en": "I can't reach the weather service right now. Please try again in a moment.",
    },
    "city_cleared": {"ko": "도시를 지웠어요.", "en": "City cleared."},
    "location_set": {
        "ko": "위치를 저장했어요 ({place}). 이제 그곳 날씨에 맞춰 추천할게요.",
        "en": "Location saved ({place}). I'll dress you for the weather there.",
    },
    "internal_error": {
        "ko": "앗, 문제가 생겼어요. 사진과 대화는 그대로 있으니 다시 시도해 주세요.",
        "en": "Oops, something went wrong. Your photos and chat are safe; please try again.",
    },
}


TEXTS.update(GROUP_TEXTS)


def say(key: str, lang: Lang, **values: object) -> str:
    return TEXTS[key][lang].format(**values)


def duration(seconds: int, lang: Lang) -> str:
    """A short, human waiting time: "40초" / "40 seconds", "3시간" / "3 hours"."""
    if seconds < 90:
        return f"{seconds}초" if lang == "ko" else f"{seconds} seconds"
    if seconds < 5400:
        minutes = round(seconds / 60)
        return f"{minutes}분" if lang == "ko" else f"{minutes} minutes"
    hours = round(seconds / 3600)
    return f"{hours}시간" if lang == "ko" else f"{hours} hours"
