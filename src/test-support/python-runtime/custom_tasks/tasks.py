"""The tasks of wt's getting-started tutorial (custom-tasks), re-implemented for tests."""


def add(a: int, b: int) -> int:
    return a + b


def double(n: int | float) -> int | float:
    return n * 2


def split_digits(n: int) -> list[str]:
    return list(str(n))


def parse_int(s: str) -> int:
    return int(s)
