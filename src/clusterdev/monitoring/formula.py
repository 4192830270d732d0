"""Indicator formulas: parsed and evaluated safely over data element values (no Django).

A formula is an arithmetic expression over data element codes: numbers, ``+ - * /``,
parentheses, unary minus and the functions ``sum``, ``min`` and ``max``. Anything else (names
of Python objects, attributes, calls to other functions, powers, comparisons) is refused when
the formula is parsed, with a message that says what is wrong and where.

>>> formula = parse("exports / turnover * 100")
>>> sorted(formula.codes)
['exports', 'turnover']
>>> evaluate(formula, {"exports": Decimal(30), "turnover": Decimal(120)})
Decimal('25.00')

Division by zero, or a missing input, makes the value "not computable" (``None``):

>>> evaluate(formula, {"exports": Decimal(30), "turnover": Decimal(0)}) is None
True
>>> evaluate(formula, {"exports": Decimal(30)}) is None
True

Errors are clear and raised at parse time:

>>> parse("exports / ")
Traceback (most recent call last):
...
clusterdev.monitoring.formula.FormulaError: The formula is not valid arithmetic.
>>> parse("open('x')")
Traceback (most recent call last):
...
clusterdev.monitoring.formula.FormulaError: Only sum(), min() and max() may be called, not open().
>>> check(parse("exports / turnvoer"), {"exports", "turnover"})
Traceback (most recent call last):
...
clusterdev.monitoring.formula.FormulaError: Unknown data element code: turnvoer.
"""

from __future__ import annotations

import ast
import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal, DivisionByZero, InvalidOperation, localcontext

MAX_LENGTH = 500
MAX_NODES = 200
MAX_CONSTANT = 10**15
FUNCTIONS: dict[str, Callable[[list[Decimal]], Decimal]] = {
    "sum": lambda args: sum(args, Decimal(0)),
    "min": min,
    "max": max,
}
_OPERATORS = (ast.Add, ast.Sub, ast.Mult, ast.Div)


class FormulaError(ValueError):
    """The formula cannot be used; the message says why, for a form or an API error."""


class NotComputable(Exception):
    """Raised inside evaluation: a missing input or a division by zero."""


@dataclass(frozen=True)
class Formula:
    """A parsed formula: its text, its syntax tree and the element codes it reads."""

    text: str
    tree: ast.Expression
    codes: frozenset[str]


def parse(text: str) -> Formula:
    """Parse and vet a formula; raise FormulaError with a clear message if it is not allowed.

    >>> sorted(parse("employment_women / (employment_women + employment_men) * 100").codes)
    ['employment_men', 'employment_women']
    >>> sorted(parse("max(units, 1) - min(0, networks_formed)").codes)
    ['networks_formed', 'units']
    >>> parse("2 ** 10")
    Traceback (most recent call last):
    ...
    clusterdev.monitoring.formula.FormulaError: Only + - * / are allowed, not **.
    """
    text = (text or "").strip()
    if not text:
        raise FormulaError("The formula is empty.")
    if len(text) > MAX_LENGTH:
        raise FormulaError(f"The formula is longer than {MAX_LENGTH} characters.")
    try:
        tree = ast.parse(text, mode="eval")
    except SyntaxError as error:
        where = f" (at character {error.offset})" if error.offset else ""
        raise FormulaError(f"The formula is not valid arithmetic{where}.") from None
    nodes = list(ast.walk(tree))
    if len(nodes) > MAX_NODES:
        raise FormulaError("The formula is too long.")
    for node in nodes:
        _vet(node)
    called = {id(n.func) for n in nodes if isinstance(n, ast.Call)}
    codes = frozenset(n.id for n in nodes if isinstance(n, ast.Name) and id(n) not in called)
    return Formula(text=text, tree=tree, codes=codes)


def _vet(node: ast.AST) -> None:
    if isinstance(node, (ast.Expression, ast.Load, ast.USub, ast.UAdd, *_OPERATORS)):
        return
    if isinstance(node, ast.BinOp):
        if not isinstance(node.op, _OPERATORS):
            symbol = {ast.Pow: "**", ast.Mod: "%", ast.FloorDiv: "//"}.get(type(node.op), "that")
            raise FormulaError(f"Only + - * / are allowed, not {symbol}.")
        return
    if isinstance(node, ast.UnaryOp):
        if not isinstance(node.op, ast.USub | ast.UAdd):
            raise FormulaError("Only + - * / are allowed.")
        return
    if isinstance(node, ast.Constant):
        if isinstance(node.value, bool) or not isinstance(node.value, int | float):
            raise FormulaError(f"Only numbers are allowed as constants, not {node.value!r}.")
        if abs(node.value) > MAX_CONSTANT or not math.isfinite(node.value):
            raise FormulaError(f"Numbers in a formula must be below {MAX_CONSTANT:,}.")
        return
    if isinstance(node, ast.Name):
        return
    if isinstance(node, ast.Call):
        name = node.func.id if isinstance(node.func, ast.Name) else None
        if name not in FUNCTIONS or node.keywords:
            shown = name or "that"
            raise FormulaError(f"Only sum(), min() and max() may be called, not {shown}().")
        if not node.args:
            raise FormulaError(f"{name}() needs at least one argument.")
        for arg in node.args:
            if isinstance(arg, ast.Starred):
                raise FormulaError("Starred arguments are not allowed.")
        return
    raise FormulaError(f"{type(node).__name__} is not allowed in a formula.")


def element_codes(formula: Formula) -> frozenset[str]:
    """The data element codes a formula reads (function names excluded).

    >>> sorted(element_codes(parse("sum(a, b) / max(c, 1)")))
    ['a', 'b', 'c']
    """
    return formula.codes


def check(formula: Formula, known: Iterable[str]) -> Formula:
    """Raise FormulaError naming the codes the catalogue does not have.

    >>> check(parse("a + b"), ["a", "b"]).text
    'a + b'
    """
    unknown = sorted(element_codes(formula) - set(known))
    if unknown:
        noun = "code" if len(unknown) == 1 else "codes"
        raise FormulaError(f"Unknown data element {noun}: {', '.join(unknown)}.")
    return formula


def evaluate(formula: Formula, values: Mapping[str, Decimal | None]) -> Decimal | None:
    """The formula's value, or None when an input is missing or a division is by zero.

    >>> evaluate(parse("(a + b) / 3"), {"a": Decimal(1), "b": Decimal(1)})
    Decimal('0.6666666666666666666666666667')
    >>> evaluate(parse("-a + 2.5"), {"a": Decimal(1)})
    Decimal('1.5')
    """
    try:
        with localcontext() as context:
            context.traps[DivisionByZero] = True
            context.traps[InvalidOperation] = True
            return _eval(formula.tree.body, values)
    except (NotComputable, DivisionByZero, InvalidOperation, ZeroDivisionError):
        return None


def _eval(node: ast.AST, values: Mapping[str, Decimal | None]) -> Decimal:
    if isinstance(node, ast.Constant):
        return Decimal(str(node.value))
    if isinstance(node, ast.Name):
        value = values.get(node.id)
        if value is None:
            raise NotComputable(node.id)
        return Decimal(value)
    if isinstance(node, ast.UnaryOp):
        operand = _eval(node.operand, values)
        return -operand if isinstance(node.op, ast.USub) else operand
    if isinstance(node, ast.BinOp):
        left, right = _eval(node.left, values), _eval(node.right, values)
        if isinstance(node.op, ast.Add):
            return left + right
        if isinstance(node.op, ast.Sub):
            return left - right
        if isinstance(node.op, ast.Mult):
            return left * right
        if right == 0:
            raise NotComputable("division by zero")
        return left / right
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
        return FUNCTIONS[node.func.id]([_eval(arg, values) for arg in node.args])
    raise NotComputable(type(node).__name__)  # unreachable for a vetted formula
