"""Percentages: one helper for the whole report, and the check that parts add up to their total.

A percentage is always worked out from its count and its stated total, rounded half up to one
decimal place (1 of 105 is 1.0%, not 0.9%). A share of nothing has no percentage (None).
"""
from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal
from typing import TypeVar

K = TypeVar("K")
ONE_PLACE = Decimal("0.1")


class TotalMismatch(ValueError):
    """The parts of a table do not add up to its stated total: the report must not be published."""


def percent(part: int, whole: int) -> Decimal | None:
    """Return `part` as a percentage of `whole`, rounded half up to one decimal place; None when whole is 0."""
    if part < 0 or whole < 0:
        raise ValueError(f"counts cannot be negative ({part} of {whole})")
    if whole == 0:
        if part:
            raise TotalMismatch(f"{part} cannot be a share of a total of 0")
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(ONE_PLACE, rounding=ROUND_HALF_UP)


def check_total(parts: Mapping[K, int] | list[int], total: int, what: str) -> None:
    """Raise TotalMismatch, naming `what`, unless the parts add up to `total`."""
    values = list(parts.values()) if isinstance(parts, Mapping) else list(parts)
    if sum(values) != total:
        raise TotalMismatch(f"{what}: the parts add up to {sum(values)}, but the total is {total}")


def shares(parts: Mapping[K, int], total: int, what: str) -> dict[K, Decimal | None]:
    """Return each part's percentage of `total`, after checking that the parts add up to it."""
    check_total(parts, total, what)
    return {key: percent(value, total) for key, value in parts.items()}


def format_percent(value: Decimal | None) -> str:
    """Format a percentage for people: 35.2%, or a dash when there was nothing to take a share of."""
    return "–" if value is None else f"{value}%"
