from __future__ import annotations

import asyncio

from bot.albums import AlbumCollector


async def test_parts_arriving_close_together_become_one_album() -> None:
    collector: AlbumCollector[int] = AlbumCollector(0.05)

    async def part(n: int) -> list[int] | None:
        await asyncio.sleep(n * 0.01)
        return await collector.collect("album", n)

    results = await asyncio.gather(*(part(n) for n in range(4)))
    albums = [r for r in results if r is not None]
    assert albums == [[0, 1, 2, 3]]
    assert collector.open_albums == 0


async def test_different_albums_do_not_mix() -> None:
    collector: AlbumCollector[str] = AlbumCollector(0.05)
    results = await asyncio.gather(
        collector.collect("a", "a1"), collector.collect("b", "b1"), collector.collect("a", "a2")
    )
    assert sorted(r for r in results if r is not None) == [["a1", "a2"], ["b1"]]


async def test_album_is_done_a_quiet_window_after_the_last_part() -> None:
    collector: AlbumCollector[int] = AlbumCollector(0.05)
    loop = asyncio.get_running_loop()
    started = loop.time()
    result = await collector.collect("solo", 1)
    elapsed = loop.time() - started
    assert result == [1]
    assert 0.05 <= elapsed < 0.5
