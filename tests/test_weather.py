"""Weather: /city and shared locations per member, the occasion's day, the forecast line in
the model request, its cache, and answers that go on when Open-Meteo does not answer.

Real worker, real Redis, the fake Open-Meteo over real HTTP; "today" is pinned on both sides.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import UTC, date, datetime

import pytest
from redis.asyncio import Redis

from bot.weather.occasion_day import days_ahead
from storage import keys
from tests.fakes.open_meteo import FakeOpenMeteo
from tests.fakes.openai_api import FakeOpenAIServer
from tests.fakes.telegram_api import FakeTelegramServer
from tests.fakes.updates import UpdateFactory
from tests.harness import Worker
from tests.scenario_kit import bot_texts

CHAT = 7001
GROUP = -100888
TODAY = date(2025, 12, 3)  # a Wednesday in Seoul
# 20:00 UTC on the 2nd is 05:00 on the 3rd in Seoul: the place's day, not the server's.
NOW = datetime(2025, 12, 2, 20, 0, tzinfo=UTC)
LINE = "Weather forecast for the occasion ("  # the line itself, not the rule about it


@pytest.fixture
async def meteo() -> AsyncIterator[FakeOpenMeteo]:
    async with FakeOpenMeteo(today=TODAY) as server:
        server.set_day(0, t_min=-2.0, t_max=4.6, rain=0, wind=8.0)
        server.set_day(1, t_min=3.4, t_max=11.2, rain=70, wind=18.4)
        server.set_day(3, t_min=1.0, t_max=7.0, rain=20, wind=30.0)
        yield server


@pytest.fixture
async def weather_worker(
    start_worker: Callable[..., Awaitable[Worker]], meteo: FakeOpenMeteo
) -> Worker:
    worker = await start_worker(
        weather_base_url=meteo.base_url, geocoding_base_url=meteo.base_url, weather_timeout=1.0
    )
    worker.services.weather.clock = lambda: NOW
    return worker


def system_of(model: FakeOpenAIServer, index: int = -1) -> str:
    return model.requests[index]["messages"][0]["content"]


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("내일 결혼식 뭐 입지?", 1),
        ("tomorrow's wedding", 1),
        ("내일모레 면접", 2),
        ("토요일 데이트", 3),
        ("this Friday", 2),
        ("다음 주 월요일 출근", 5),
        ("next Monday", 5),
        ("주말에 여행", 3),
        ("3일 후 여행", 3),
        ("12월 5일 모임", 2),
        ("오늘 밤, 내일은 쉬어요", 0),
        ("출근룩 추천해줘", None),
        ("12월 25일 파티", None),  # past the 16 days Open-Meteo forecasts
    ],
)
def test_the_day_of_the_occasion(text: str, days: int | None) -> None:
    assert days_ahead(text, TODAY) == days


async def test_city_then_a_question_puts_that_days_forecast_in_the_request(
    weather_worker: Worker,
    telegram: FakeTelegramServer,
    model: FakeOpenAIServer,
    updates: UpdateFactory,
    meteo: FakeOpenMeteo,
) -> None:
    await weather_worker.send(updates.text(CHAT, "/city 서울"))
    await weather_worker.idle()
    assert "서울, 대한민국" in bot_texts(telegram, CHAT)[-1]
    assert meteo.geocoding_calls[0]["name"] == "서울"

    await weather_worker.send(updates.text(CHAT, "내일 결혼식인데 뭐 입을까?"))
    await weather_worker.idle()
    assert system_of(model).endswith(
        f"{LINE}서울, 대한민국, tomorrow, Thu 4 Dec): 3 to 11 °C, 70% chance of rain,"
        " wind up to 18 km/h."
    )
    [call] = meteo.forecast_calls
    assert call["timezone"] == "Asia/Seoul" and call["latitude"] == "37.5660"

    await weather_worker.send(updates.text(CHAT, "/city"))
    await weather_worker.idle()
    assert "지금 도시: 서울, 대한민국" in bot_texts(telegram, CHAT)[-1]


async def test_the_cached_forecast_serves_later_questions_about_any_day(
    weather_worker: Worker,
    model: FakeOpenAIServer,
    updates: UpdateFactory,
    meteo: FakeOpenMeteo,
    redis: Redis,
) -> None:
    await weather_worker.send(updates.text(CHAT, "/city 서울"))
    await weather_worker.idle()
    await weather_worker.send(updates.text(CHAT, "오늘 출근룩?"))
    await weather_worker.idle()
    await weather_worker.send(updates.text(CHAT, "토요일 데이트는?"))
    await weather_worker.idle()
    assert len(meteo.forecast_calls) == 1, "one request per place an hour"
    assert "(서울, 대한민국, today, Wed 3 Dec): -2 to 5 °C, 0% chance of rain" in system_of(
        model, 0
    )
    assert "(서울, 대한민국, Sat 6 Dec): 1 to 7 °C, 20% chance of rain" in system_of(model, 1)
    ttl = await redis.ttl(keys.forecast(37.566, 126.9784))
    assert 3500 < ttl <= 3600


async def test_the_occasion_from_tpo_sets_the_day(
    weather_worker: Worker, model: FakeOpenAIServer, updates: UpdateFactory
) -> None:
    await weather_worker.send(
        updates.text(CHAT, "/city 서울"), updates.text(CHAT, "/tpo 내일 결혼식")
    )
    await weather_worker.idle()
    await weather_worker.send(updates.text(CHAT, "뭐 입을까?"))
    await weather_worker.idle()
    assert "tomorrow, Thu 4 Dec" in system_of(model)


async def test_weather_down_the_answer_goes_on_without_weather(
    weather_worker: Worker,
    telegram: FakeTelegramServer,
    model: FakeOpenAIServer,
    updates: UpdateFactory,
    meteo: FakeOpenMeteo,
) -> None:
    await weather_worker.send(updates.text(CHAT, "/city 서울"))
    await weather_worker.idle()
    await meteo.stop()
    model.script("오늘은 [2] 셔츠에 슬랙스를 추천해요.")
    await weather_worker.send(updates.text(CHAT, "오늘 뭐 입지?"), updates.text(CHAT, "내일은?"))
    await weather_worker.idle()
    assert len(model.requests) == 2
    assert all(LINE not in system_of(model, i) for i in range(2))
    assert "오늘은 [2] 셔츠에 슬랙스를 추천해요." in bot_texts(telegram, CHAT)
    # Geocoding down too: the user is told, and the city already set is kept.
    await weather_worker.send(updates.text(CHAT, "/city 부산"))
    await weather_worker.idle()
    assert "날씨 서비스에 연결할 수 없어요" in bot_texts(telegram, CHAT)[-1]
    place = await weather_worker.services.weather.places.get(CHAT, CHAT)
    assert place is not None and place.name == "서울, 대한민국"


async def test_an_outage_answer_is_remembered_briefly(
    weather_worker: Worker, model: FakeOpenAIServer, updates: UpdateFactory, meteo: FakeOpenMeteo
) -> None:
    await weather_worker.send(updates.text(CHAT, "/city 서울"))
    await weather_worker.idle()
    meteo.status = 503
    await weather_worker.send(updates.text(CHAT, "오늘?"))
    await weather_worker.idle()
    await weather_worker.send(updates.text(CHAT, "내일?"))
    await weather_worker.idle()
    assert len(meteo.forecast_calls) == 1, "the second answer did not wait for a dead server"
    assert LINE not in system_of(model)


async def test_an_unknown_city_is_refused_and_nothing_is_stored(
    weather_worker: Worker, telegram: FakeTelegramServer, updates: UpdateFactory
) -> None:
    await weather_worker.send(updates.text(CHAT, "/city Atlantis"))
    await weather_worker.idle()
    assert "Atlantis" in bot_texts(telegram, CHAT)[-1]
    assert await weather_worker.services.weather.places.get(CHAT, CHAT) is None
    await weather_worker.send(updates.text(CHAT, "/city"))
    await weather_worker.idle()
    assert "아직 도시가 없어요" in bot_texts(telegram, CHAT)[-1]


async def test_a_shared_location_sets_the_place(
    weather_worker: Worker,
    telegram: FakeTelegramServer,
    model: FakeOpenAIServer,
    updates: UpdateFactory,
    meteo: FakeOpenMeteo,
) -> None:
    location = {"latitude": 35.1796, "longitude": 129.0756}
    await weather_worker.send(updates.update(message=updates.message(CHAT, location=location)))
    await weather_worker.idle()
    assert "35.18, 129.08" in bot_texts(telegram, CHAT)[-1]
    await weather_worker.send(updates.text(CHAT, "내일 뭐 입지?"))
    await weather_worker.idle()
    assert meteo.forecast_calls[0]["latitude"] == "35.1796"
    assert meteo.forecast_calls[0]["timezone"] == "auto"
    assert f"{LINE}35.18, 129.08, tomorrow, Thu 4 Dec)" in system_of(model)


async def test_in_a_group_each_member_has_their_own_city(
    weather_worker: Worker,
    telegram: FakeTelegramServer,
    model: FakeOpenAIServer,
    updates: UpdateFactory,
    redis: Redis,
) -> None:
    mention = f"@{telegram.bot_username}"
    await weather_worker.send(updates.text(GROUP, "/city 서울", user_id=11))
    await weather_worker.idle()
    await weather_worker.send(updates.text(GROUP, f"{mention} 뭐 입을까?", user_id=11))
    await weather_worker.idle()
    await weather_worker.send(updates.text(GROUP, f"{mention} 나는?", user_id=22))
    await weather_worker.idle()
    assert LINE in system_of(model, 0)
    assert LINE not in system_of(model, 1)
    assert await redis.exists(f"coordi:{{c:{GROUP}}}:u11:place")
    assert not await redis.exists(f"coordi:{{c:{GROUP}}}:u22:place")
