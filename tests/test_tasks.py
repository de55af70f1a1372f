import asyncio

import pytest

from bot.tasks import cancel_and_wait


async def slow_to_stop(stopped: asyncio.Event) -> None:
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        await stopped.wait()  # cleanup that takes a moment, as a final Telegram edit does
        raise


async def test_a_helper_is_cancelled_and_waited_for() -> None:
    stopped = asyncio.Event()
    helper = asyncio.create_task(slow_to_stop(stopped))
    await asyncio.sleep(0)
    asyncio.get_running_loop().call_later(0.01, stopped.set)
    await cancel_and_wait(helper)
    assert helper.cancelled()


async def test_cancelling_the_waiter_is_not_swallowed() -> None:
    stopped = asyncio.Event()
    carried_on = False

    async def owner() -> None:
        nonlocal carried_on
        helper = asyncio.create_task(slow_to_stop(stopped))
        await asyncio.sleep(0)
        await cancel_and_wait(helper)
        carried_on = True  # a shutdown's cancel must not end up here

    task = asyncio.create_task(owner())
    await asyncio.sleep(0.01)  # the owner now waits for the helper to stop
    task.cancel()
    stopped.set()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert not carried_on


async def test_other_errors_named_are_ignored_the_rest_raise() -> None:
    async def fails(exc: Exception) -> None:
        raise exc

    ignored, raised = (
        asyncio.ensure_future(fails(KeyError())),
        asyncio.ensure_future(fails(ValueError())),
    )
    await asyncio.sleep(0)  # both have failed before they are cancelled
    await cancel_and_wait(ignored, KeyError)
    with pytest.raises(ValueError):
        await cancel_and_wait(raised, KeyError)


async def test_a_cancellation_the_task_lost_is_sent_again() -> None:
    lost = asyncio.Event()

    async def swallows_the_first_cancel() -> None:
        never = asyncio.Event()  # waits until cancelled, on no clock
        try:
            await never.wait()
        except asyncio.CancelledError:
            lost.set()  # as a library losing it mid-call would
        await never.wait()

    task = asyncio.create_task(swallows_the_first_cancel())
    await asyncio.sleep(0)
    await asyncio.wait_for(cancel_and_wait(task), timeout=10)
    assert lost.is_set() and task.cancelled()
