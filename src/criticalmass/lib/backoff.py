"""Exponential back-off for retrying work (a mail the server refused): how long to wait before the next
try, doubling from a base delay up to a cap. Plain Python, no framework."""

from __future__ import annotations


def delay(attempts: int, base: int, cap: int) -> int:
    """Seconds to wait after `attempts` failed tries (1 or more): base, 2·base, 4·base, … never above cap
    and never below 1 second."""
    if attempts < 1:
        raise ValueError(f"attempts counts the failed tries, 1 or more; got {attempts}")
    if base < 1 or cap < base:
        raise ValueError(f"need 1 <= base <= cap, got base={base}, cap={cap}")
    exponent = min(attempts - 1, 62)  # 2**62 seconds is far beyond any cap; no huge integers
    return min(cap, base * (1 << exponent))


def schedule(tries: int, base: int, cap: int) -> list[int]:
    """The waits between `tries` tries: one fewer than the tries."""
    return [delay(attempt, base, cap) for attempt in range(1, tries)]
