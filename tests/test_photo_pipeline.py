"""Real image files through the whole path: fake Bot API, real Redis, the user's answer."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from PIL import Image

from storage.keys import ChatScope, MemberScope
from tests import image_files
from tests.fakes.openai_api import FakeOpenAIServer
from tests.fakes.telegram_api import FakeTelegramServer
from tests.fakes.updates import UpdateFactory
from tests.harness import Worker
from tests.scenario_kit import album, all_text, bot_texts, photo_update, wardrobe_numbers

CHAT = 7001
MB = 1024 * 1024


def document(
    telegram: FakeTelegramServer,
    updates: UpdateFactory,
    content: bytes,
    *,
    mime_type: str,
    file_name: str,
    file_size: int | None = None,
    **fields: Any,
) -> dict[str, Any]:
    file_id, unique_id = telegram.add_file(content)
    return updates.document(
        CHAT, file_id, unique_id, mime_type=mime_type, file_name=file_name,
        file_size=file_size if file_size is not None else len(content), **fields,
    )  # fmt: skip


async def stored(worker: Worker) -> list[tuple[int, str, int, int]]:
    photos = await worker.services.store.photos(MemberScope(ChatScope(CHAT)))
    return [(p.meta.number, p.meta.role, p.meta.width, p.meta.height) for p in photos]


@pytest.mark.parametrize(
    ("content", "mime_type", "file_name"),
    [
        (image_files.jpeg_rotated(), "image/jpeg", "IMG_0001.JPG"),
        (image_files.png_with_alpha(), "image/png", "outfit.png"),
        (image_files.webp(), "image/webp", "shirt.webp"),
        (image_files.heic(), "image/heic", "IMG_0002.HEIC"),
    ],
    ids=["jpeg-exif-6", "png-alpha", "webp", "heic"],
)
async def test_image_files_are_accepted_and_stored_upright(
    worker: Worker,
    telegram: FakeTelegramServer,
    model: FakeOpenAIServer,
    updates: UpdateFactory,
    content: bytes,
    mime_type: str,
    file_name: str,
) -> None:
    await worker.send(
        document(telegram, updates, content, mime_type=mime_type, file_name=file_name)
    )
    await worker.idle()
    [(number, _role, width, height)] = await stored(worker)
    assert number == 1 and max(width, height) <= 512
    if file_name.endswith(".JPG"):
        assert height > width, "EXIF orientation 6 turns the landscape pixels upright"
    [photo] = await worker.services.store.photos(MemberScope(ChatScope(CHAT)))
    assert photo.jpeg.startswith(b"\xff\xd8"), "stored as JPEG"
    assert "저장" in bot_texts(telegram, CHAT)[-1]


REJECTIONS = [
    ("truncated", image_files.truncated_jpeg(), "image/jpeg", "a.jpg", None, "이미지 파일만"),
    ("random", b"\x00garbage" * 100, "image/jpeg", "b.jpg", None, "이미지 파일만"),
    ("pdf", image_files.PDF, "application/pdf", "cv.pdf", None, "이미지 파일만"),
    (
        "bomb",
        image_files.png_claiming_size(30000, 30000),
        "image/png",
        "c.png",
        None,
        "해상도가 너무",
    ),
    ("25mb", image_files.webp(), "image/webp", "d.webp", 25 * MB, "너무 커요"),
    ("tiny", image_files.tiny_jpeg(), "image/jpeg", "e.jpg", None, "너무 작아요"),
]


@pytest.mark.parametrize(
    ("content", "mime_type", "file_name", "file_size", "answer"),
    [case[1:] for case in REJECTIONS],
    ids=[case[0] for case in REJECTIONS],
)
async def test_bad_files_get_a_clear_answer_and_lose_nothing(
    worker: Worker,
    telegram: FakeTelegramServer,
    model: FakeOpenAIServer,
    updates: UpdateFactory,
    content: bytes,
    mime_type: str,
    file_name: str,
    file_size: int | None,
    answer: str,
) -> None:
    await worker.send(*album(telegram, updates, CHAT, "출근룩"), gap=0.02)
    await worker.idle()
    before = await stored(worker)
    history = await worker.services.store.history(MemberScope(ChatScope(CHAT)))
    telegram.clear_calls()

    bad = document(telegram, updates, content, mime_type=mime_type, file_name=file_name,
                   file_size=file_size, caption="이건 어때?")  # fmt: skip
    await worker.send(bad)
    await worker.idle()
    assert answer in bot_texts(telegram, CHAT)[-1]
    assert await stored(worker) == before
    assert await worker.services.store.history(MemberScope(ChatScope(CHAT))) == history
    assert len(model.requests) == 1, "no model call for a rejected file"
    if file_size or mime_type == "application/pdf":
        assert telegram.calls_to("getFile") == [], "refused before downloading"

    await worker.send(updates.text(CHAT, "그럼 신발만 바꾸면?"))
    await worker.idle()
    assert wardrobe_numbers(model.requests[-1]) == {1, 2, 3, 4}, "every earlier photo is kept"


async def test_videos_are_refused_politely(
    worker: Worker, telegram: FakeTelegramServer, updates: UpdateFactory
) -> None:
    video = {"file_id": "vid", "file_unique_id": "viduniq", "width": 720, "height": 1280,
             "duration": 5, "mime_type": "video/mp4", "file_size": 900_000}  # fmt: skip
    await worker.send(
        updates.update(message=updates.message(CHAT, language_code="en", video=video))
    )
    await worker.idle()
    assert bot_texts(telegram, CHAT) == [
        "I can only read images. Please send a photo (JPEG, PNG, WebP or HEIC)."
    ]
    assert telegram.calls_to("getFile") == []


async def test_album_photos_download_concurrently(
    worker: Worker, telegram: FakeTelegramServer, updates: UpdateFactory
) -> None:
    telegram.download_delay = 0.3
    await worker.send(*album(telegram, updates, CHAT, ""), gap=0.01)
    await worker.idle()
    starts = sorted(call.at for call in telegram.calls_to("downloadFile"))
    assert len(starts) == 4
    # One after another would put 0.3 s between starts.
    assert starts[-1] - starts[0] < 0.3


async def test_photos_lists_thumbnails_numbered_with_roles(
    worker: Worker, telegram: FakeTelegramServer, updates: UpdateFactory
) -> None:
    await worker.send(*album(telegram, updates, CHAT, ""), gap=0.02)
    await worker.idle()
    await worker.send(updates.text(CHAT, "/photos"))
    await worker.idle()
    [group] = telegram.calls_to("sendMediaGroup")
    captions = [item["caption"] for item in group.params["media"]]
    # Roles, and the item type once the wardrobe analysis has described the photo.
    assert captions == ["[1] 전신", "[2] 상의 · item 2 top", "[3] 하의 · item 3 bottom",
                        "[4] 신발 · item 4 shoes"]  # fmt: skip
    assert len(group.params["_files"]) == 4
    assert "4" in bot_texts(telegram, CHAT)[-1]


async def test_photos_with_nothing_stored(
    worker: Worker, telegram: FakeTelegramServer, updates: UpdateFactory
) -> None:
    await worker.send(updates.text(CHAT, "/photos", language_code="en"))
    await worker.idle()
    assert bot_texts(telegram, CHAT) == [
        "No photos yet. Send a full-body photo and photos of your clothes."
    ]


async def test_forget_one_photo_removes_it_and_the_talk_about_it(
    worker: Worker, telegram: FakeTelegramServer, model: FakeOpenAIServer, updates: UpdateFactory
) -> None:
    await worker.send(*album(telegram, updates, CHAT, "출근룩"), gap=0.02)
    await worker.idle()
    model.script("[3] 네이비 슬랙스는 비 오는 날에도 좋아요.")
    await worker.send(updates.text(CHAT, "비 오는 날이면?"))
    await worker.idle()
    model.script("좋아요.")
    await worker.send(updates.text(CHAT, "고마워"))
    await worker.idle()

    await worker.send(updates.text(CHAT, "/forget 3"))
    await worker.idle()
    assert "[3] 옷" in bot_texts(telegram, CHAT)[-1]
    assert [number for number, *_ in await stored(worker)] == [1, 2, 4]

    await worker.send(updates.text(CHAT, "다른 추천은?"))
    await worker.idle()
    last = model.requests[-1]
    assert wardrobe_numbers(last) == {1, 2, 4}
    text = all_text(last)
    assert "[3]" not in text and "네이비 슬랙스는" not in text and "비 오는 날이면?" not in text
    assert "고마워" in text, "turns that never mentioned photo 3 stay"


async def test_forget_unknown_number_and_usage(
    worker: Worker, telegram: FakeTelegramServer, updates: UpdateFactory
) -> None:
    await worker.send(updates.text(CHAT, "/forget 9", language_code="en"))
    await worker.send(updates.text(CHAT + 1, "/forget", language_code="en"))
    await worker.idle()
    assert bot_texts(telegram, CHAT) == ["There is no photo 9. /photos shows the numbers."]
    assert bot_texts(telegram, CHAT + 1)[0].startswith("Tell me which photo to remove")


async def test_forget_all_removes_everything(
    worker: Worker, telegram: FakeTelegramServer, updates: UpdateFactory
) -> None:
    await worker.send(*album(telegram, updates, CHAT, "출근룩"), gap=0.02)
    await worker.idle()
    await worker.send(updates.text(CHAT, "/forget all"))
    await worker.idle()
    assert "4" in bot_texts(telegram, CHAT)[-1]
    assert await stored(worker) == []
    assert await worker.services.store.history(MemberScope(ChatScope(CHAT))) == []


async def test_over_the_limit_the_oldest_clothing_photo_goes_and_the_user_is_told(
    start_worker: Callable[..., Awaitable[Worker]],
    telegram: FakeTelegramServer,
    updates: UpdateFactory,
) -> None:
    worker = await start_worker(max_photos=4)
    await worker.send(*album(telegram, updates, CHAT, ""), gap=0.02)
    await worker.idle()
    await worker.send(photo_update(telegram, updates, CHAT, "new-shoes", width=1280, height=1280))
    await worker.idle()
    assert [number for number, *_ in await stored(worker)] == [1, 3, 4, 5]
    assert any("[2]" in text and "4" in text for text in bot_texts(telegram, CHAT))


async def test_caption_and_body_command_mark_the_full_body_photo(
    worker: Worker, telegram: FakeTelegramServer, updates: UpdateFactory
) -> None:
    square = photo_update(telegram, updates, CHAT, "me-square", width=1280, height=1280)
    await worker.send(square)
    await worker.idle()
    assert [role for _, role, *_ in await stored(worker)] == ["clothing"]
    await worker.send(updates.text(CHAT, "/body", reply_to=square["message"]))
    await worker.idle()
    assert [role for _, role, *_ in await stored(worker)] == ["full_body"]
    assert bot_texts(telegram, CHAT)[-1] == "[1]번을 전신 사진으로 표시했어요."

    landscape = photo_update(telegram, updates, CHAT, "me-2", width=1280, height=960,
                             caption="full body shot")  # fmt: skip
    await worker.send(landscape)
    await worker.idle()
    assert [role for _, role, *_ in await stored(worker)] == ["full_body", "full_body"]


async def test_stored_thumbnails_have_no_metadata(
    worker: Worker, telegram: FakeTelegramServer, updates: UpdateFactory
) -> None:
    from io import BytesIO

    await worker.send(document(telegram, updates, image_files.jpeg_rotated(),
                               mime_type="image/jpeg", file_name="gps.jpg"))  # fmt: skip
    await worker.idle()
    [photo] = await worker.services.store.photos(MemberScope(ChatScope(CHAT)))
    with Image.open(BytesIO(photo.jpeg)) as image:
        assert not image.getexif()
