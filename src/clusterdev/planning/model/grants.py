"""Scheme grant calculators, driven by the dated rule files in ``data/``.

:func:`calculate_grant` takes a :class:`GrantRequest` (scheme, component,
project cost in Rs crore, category ``general`` or ``special``, and what the
industry/SPV, the state and others put in) and returns a :class:`GrantResult`:
the grant, each party's amount and share of the cost, the ceiling that bound
(if any), the gap left to fund, the rule applied in a few words with its
source, and which of the scheme's conditions were checked or could not be
(because an input was left out).

How the rules are applied:

- The grant is ``share × eligible cost``, where the eligible cost is the
  project cost capped at the component's (or size class's) maximum; a
  project above the maximum is accepted.  An absolute ``max_grant`` caps the
  grant itself (IIUS; SFURTI's per-cluster limits).
- Banded components (MSE-CDP 2022 CFC) are applied as whole-project
  brackets: the band the cost falls in sets the share on the whole eligible
  cost.  Results say that brackets vs marginal slabs is not settled.
- Infeasible inputs raise :class:`~clusterdev.planning.model.errors.PlanningInputError`
  naming each field and its allowed range: a cost below the minimum,
  contributions beyond the cost, SPV conditions broken, land above its share.

:func:`split_revenue` applies a PPP revenue split (Vatva: the association
keeps 75 % of municipal taxes for the estate, the corporation gets 25 %).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any

from .amounts import CENT, JsonNumber, json_number, tidy
from .errors import FieldError, PlanningInputError
from .parsing import FieldReader
from .rules import Band, ComponentRule, SchemeRules, SizeClass, find_scheme, share_text

__all__ = [
    "BRACKETS_NOTE",
    "CATEGORIES",
    "Ceiling",
    "GrantRequest",
    "GrantResult",
    "PartyShare",
    "SplitResult",
    "calculate_grant",
    "split_revenue",
]

CATEGORIES: tuple[str, ...] = ("general", "special")
"""Cluster categories: ``special`` is the scheme's favoured category (NE and
hill states, islands, aspirational districts... as each rule file says)."""

BRACKETS_NOTE = (
    "Cost bands are applied as whole-project brackets (the band the cost falls in sets the "
    "share on the whole eligible cost). Public summaries of the guidelines do not settle "
    "whether the bands are brackets or marginal slabs; check the guidelines before relying "
    "on a figure near a band's edge."
)

_REQUEST_KEYS = (
    "scheme",
    "component",
    "project_cost_crore",
    "category",
    "version",
    "on",
    "industry_crore",
    "state_crore",
    "others_crore",
    "spv_members",
    "largest_member_equity_share",
    "land_cost_crore",
    "artisans",
)
_MAX_AMOUNT = Decimal(1_000_000)


def _crore(value: Decimal) -> str:
    return f"Rs {tidy(value):,f} crore"


@dataclass(frozen=True)
class GrantRequest:
    """What a grant is asked for.

    Parameters
    ----------
    scheme : str
        Scheme key: ``iius``, ``mse-cdp``, ``sfurti``.
    component : str
        Component key of the scheme version, e.g. ``cfc``.
    project_cost_crore : Decimal
        Project cost, Rs crore.
    category : str
        ``general`` or ``special``.
    version : str, optional
        Scheme version, e.g. ``"2019"``; else the one in force ``on``, else
        the latest.
    on : date, optional
        Date whose rules apply (when ``version`` is not given).
    industry_crore, state_crore, others_crore : Decimal, optional
        Contributions of the industry/SPV, the state and others; ``None``
        when not known (conditions on them are then reported as skipped).
    spv_members : int, optional
        Member units of the SPV.
    largest_member_equity_share : Decimal, optional
        Largest single member's share of the SPV's equity (0.08 for 8 %).
    land_cost_crore : Decimal, optional
        Cost of land within the project cost.
    artisans : int, optional
        Artisans in the cluster (SFURTI: decides the cluster's class).
    """

    scheme: str
    component: str
    project_cost_crore: Decimal
    category: str = "general"
    version: str | None = None
    on: date | None = None
    industry_crore: Decimal | None = None
    state_crore: Decimal | None = None
    others_crore: Decimal | None = None
    spv_members: int | None = None
    largest_member_equity_share: Decimal | None = None
    land_cost_crore: Decimal | None = None
    artisans: int | None = None

    @classmethod
    def from_mapping(cls, mapping: Mapping[str, Any]) -> GrantRequest:
        """Read a request from JSON-like input, reporting every bad field at once.

        Examples
        --------
        >>> GrantRequest.from_mapping({"scheme": "mse-cdp", "component": "cfc",
        ...                            "project_cost_crore": "18", "version": 2007})
        ... # doctest: +ELLIPSIS
        GrantRequest(scheme='mse-cdp', component='cfc', project_cost_crore=Decimal('18'), ...)
        >>> try:
        ...     GrantRequest.from_mapping({"scheme": "mse-cdp", "project_cost_crore": -1})
        ... except PlanningInputError as exc:
        ...     print(exc.fields)
        ('component', 'project_cost_crore')
        """
        if not isinstance(mapping, Mapping):
            raise PlanningInputError.single("request", "must be an object (a mapping)")
        reader = FieldReader(mapping)
        reader.check_keys(_REQUEST_KEYS)
        for key in ("scheme", "component"):
            if not reader.given(key):
                reader.error(key, "is required")
        on: date | None = None
        if reader.given("on"):
            raw_on = mapping["on"]
            if isinstance(raw_on, date):
                on = raw_on
            else:
                try:
                    on = date.fromisoformat(str(raw_on))
                except ValueError:
                    reader.error("on", f"must be a date written YYYY-MM-DD; got {raw_on!r}")
        version_raw = mapping.get("version")
        request = cls(
            scheme=reader.text("scheme", default="", max_length=50).lower(),
            component=reader.text("component", default="", max_length=50).lower(),
            project_cost_crore=reader.decimal(
                "project_cost_crore",
                default=Decimal(1),
                minimum=Decimal(0),
                maximum=_MAX_AMOUNT,
                exclusive_minimum=True,
            ),
            category=reader.choice("category", default="general", allowed=CATEGORIES),
            version=None if version_raw in (None, "") else str(version_raw).strip(),
            on=on,
            industry_crore=reader.optional_decimal(
                "industry_crore", minimum=Decimal(0), maximum=_MAX_AMOUNT
            ),
            state_crore=reader.optional_decimal(
                "state_crore", minimum=Decimal(0), maximum=_MAX_AMOUNT
            ),
            others_crore=reader.optional_decimal(
                "others_crore", minimum=Decimal(0), maximum=_MAX_AMOUNT
            ),
            spv_members=reader.optional_integer("spv_members", minimum=0, maximum=1_000_000),
            largest_member_equity_share=reader.optional_decimal(
                "largest_member_equity_share", minimum=Decimal(0), maximum=Decimal(1)
            ),
            land_cost_crore=reader.optional_decimal(
                "land_cost_crore", minimum=Decimal(0), maximum=_MAX_AMOUNT
            ),
            artisans=reader.optional_integer("artisans", minimum=1, maximum=10_000_000),
        )
        if not reader.given("project_cost_crore") and not any(
            e.field == "project_cost_crore" for e in reader.errors
        ):
            reader.error("project_cost_crore", "is required: a number > 0 (Rs crore)")
        if reader.errors:
            raise PlanningInputError(reader.errors)
        return request


@dataclass(frozen=True)
class PartyShare:
    """One party's part of a project: amount (Rs crore) and percent of the cost."""

    party: str
    label: str
    amount_crore: Decimal
    percent: Decimal
    given: bool = True

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe mapping."""
        return {
            "party": self.party,
            "label": self.label,
            "amount_crore": json_number(self.amount_crore),
            "percent": json_number(self.percent),
            "given": self.given,
        }


@dataclass(frozen=True)
class Ceiling:
    """A ceiling that reduced the grant.

    ``kind`` is ``max_project_cost`` (the grant is worked out on a capped
    cost) or ``max_grant`` (the grant itself is capped); ``limit_crore`` is
    the cap and ``grant_cap_crore`` the most grant it allows.
    """

    kind: str
    limit_crore: Decimal
    grant_cap_crore: Decimal
    text: str

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe mapping."""
        return {
            "kind": self.kind,
            "limit_crore": json_number(self.limit_crore),
            "grant_cap_crore": json_number(self.grant_cap_crore),
            "text": self.text,
        }


@dataclass(frozen=True)
class GrantResult:
    """The grant for one request and how it was reached."""

    scheme: str
    version: str
    component: str
    category: str
    project_cost_crore: Decimal
    eligible_cost_crore: Decimal
    grant_share: Decimal
    grant_crore: Decimal
    parties: tuple[PartyShare, ...]
    ceiling: Ceiling | None
    gap_crore: Decimal
    rule_text: str
    citation: str
    size_class: str | None
    band: str | None
    checks_passed: tuple[str, ...]
    checks_skipped: tuple[str, ...]
    notes: tuple[str, ...]

    def party(self, key: str) -> PartyShare:
        """Return the share of party ``key`` (``grant``, ``industry``, ``state``,
        ``others`` or ``gap``)."""
        for share in self.parties:
            if share.party == key:
                return share
        raise KeyError(key)

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe mapping (numbers: ``int`` if whole, else exact text)."""
        return {
            "scheme": self.scheme,
            "version": self.version,
            "component": self.component,
            "category": self.category,
            "project_cost_crore": json_number(self.project_cost_crore),
            "eligible_cost_crore": json_number(self.eligible_cost_crore),
            "grant_share": json_number(self.grant_share),
            "grant_crore": json_number(self.grant_crore),
            "parties": [p.to_dict() for p in self.parties],
            "ceiling": None if self.ceiling is None else self.ceiling.to_dict(),
            "gap_crore": json_number(self.gap_crore),
            "rule_text": self.rule_text,
            "citation": self.citation,
            "size_class": self.size_class,
            "band": self.band,
            "checks_passed": list(self.checks_passed),
            "checks_skipped": list(self.checks_skipped),
            "notes": list(self.notes),
        }


def _percent(amount: Decimal, whole: Decimal) -> Decimal:
    return tidy((amount / whole * 100).quantize(CENT))


def _pick_size_class(
    rule: ComponentRule, request: GrantRequest, errors: list[FieldError]
) -> SizeClass | None:
    if not rule.size_classes:
        return None
    halve = rule.units_halved_in_special and request.category == "special"
    divisor = 2 if halve else 1

    def bounds(size: SizeClass) -> tuple[Fraction, Fraction]:
        return Fraction(size.min_units, divisor), Fraction(size.max_units, divisor)

    lowest = min(bounds(s)[0] for s in rule.size_classes)
    highest = max(bounds(s)[1] for s in rule.size_classes)
    allowed = (
        f"allowed {max(1, int(lowest)):,} to {int(highest):,} artisans"
        f" ({request.category} category{', counts halved' if halve else ''})"
    )
    if request.artisans is None:
        errors.append(FieldError("artisans", f"is required for this scheme; {allowed}"))
        return None
    matches = [s for s in rule.size_classes if bounds(s)[0] <= request.artisans <= bounds(s)[1]]
    if not matches:
        errors.append(FieldError("artisans", f"{allowed}; got {request.artisans:,}"))
        return None
    return max(matches, key=lambda s: s.max_units)


def _pick_band(rule: ComponentRule, cost: Decimal) -> Band | None:
    if not rule.bands:
        return None
    if cost <= rule.bands[0].to_cost:
        return rule.bands[0]
    for band in rule.bands[1:]:
        if band.from_cost < cost <= band.to_cost:
            return band
    return rule.bands[-1]


def _check_conditions(
    rule: ComponentRule,
    request: GrantRequest,
    where: str,
    errors: list[FieldError],
    passed: list[str],
    skipped: list[str],
) -> None:
    cost = request.project_cost_crore
    industry = request.industry_crore
    for minimum, what in (
        (rule.min_industry_share, "industry contribution"),
        (rule.spv_min_share, "SPV contribution (industry_crore)"),
    ):
        if minimum is None:
            continue
        least = minimum * cost
        label = f"{what} ≥ {share_text(minimum)} of the project cost ({_crore(least)})"
        if industry is None:
            skipped.append(f"{label}: industry_crore not given")
        elif industry < least:
            errors.append(
                FieldError(
                    "industry_crore",
                    f"must be at least {_crore(least)} ({share_text(minimum)} of the project "
                    f"cost) under {where}; got {_crore(industry)}",
                )
            )
        else:
            passed.append(label)
    if rule.spv_min_members_general is not None:
        least_members = (
            rule.spv_min_members_special
            if request.category == "special" and rule.spv_min_members_special is not None
            else rule.spv_min_members_general
        )
        label = f"SPV has at least {least_members} member units ({request.category} category)"
        if request.spv_members is None:
            skipped.append(f"{label}: spv_members not given")
        elif request.spv_members < least_members:
            errors.append(
                FieldError(
                    "spv_members",
                    f"must be at least {least_members} ({request.category} category; "
                    f"general {rule.spv_min_members_general}, special "
                    f"{rule.spv_min_members_special}) under {where}; got {request.spv_members}",
                )
            )
        else:
            passed.append(label)
    if rule.spv_max_member_equity_share is not None:
        most = rule.spv_max_member_equity_share
        label = f"no SPV member holds more than {share_text(most)} of its equity"
        share = request.largest_member_equity_share
        if share is None:
            skipped.append(f"{label}: largest_member_equity_share not given")
        elif share > most:
            errors.append(
                FieldError(
                    "largest_member_equity_share",
                    f"must be from 0 to {tidy(most)} ({share_text(most)}) under {where}; "
                    f"got {share}",
                )
            )
        else:
            passed.append(label)
    land = request.land_cost_crore
    if land is not None and land > cost:
        errors.append(
            FieldError(
                "land_cost_crore",
                f"must be from 0 to the project cost ({_crore(cost)}); got {_crore(land)}",
            )
        )
    elif rule.max_land_share is not None:
        most_land = rule.max_land_share * cost
        label = f"land ≤ {share_text(rule.max_land_share)} of the project cost"
        if land is None:
            skipped.append(f"{label}: land_cost_crore not given")
        elif land > most_land:
            errors.append(
                FieldError(
                    "land_cost_crore",
                    f"must be from 0 to {_crore(most_land)} ({share_text(rule.max_land_share)} "
                    f"of the project cost) under {where}; got {_crore(land)}",
                )
            )
        else:
            passed.append(label)


def calculate_grant(request: GrantRequest) -> GrantResult:
    """Work out a scheme grant and who pays the rest.

    Parameters
    ----------
    request : GrantRequest

    Returns
    -------
    GrantResult

    Raises
    ------
    PlanningInputError
        Unknown scheme/version/component, or infeasible inputs (each field
        named with its allowed range).

    Examples
    --------
    General CFC of Rs 18 crore under MSE-CDP 2007: 70 % of at most Rs 15 crore.

    >>> r = calculate_grant(GrantRequest("mse-cdp", "cfc", Decimal(18), version="2007"))
    >>> r.grant_crore, r.ceiling.text
    (Decimal('10.5'), 'grant worked out on at most Rs 15 crore: 15 × 70 % = Rs 10.5 crore')
    >>> r.gap_crore
    Decimal('7.5')

    Special CFC of Rs 25 crore under MSE-CDP 2019: 90 % of at most Rs 20 crore.

    >>> calculate_grant(GrantRequest("mse-cdp", "cfc", Decimal(25), "special",
    ...                              version="2019")).grant_crore
    Decimal('18')

    MSE-CDP 2022 bands are whole-project brackets:

    >>> calculate_grant(GrantRequest("mse-cdp", "cfc", Decimal(12), version="2022")).grant_crore
    Decimal('7.2')
    """
    errors: list[FieldError] = []
    if request.category not in CATEGORIES:
        errors.append(
            FieldError(
                "category", f"must be one of {', '.join(CATEGORIES)}; got {request.category!r}"
            )
        )
    cost = request.project_cost_crore
    if not isinstance(cost, Decimal) or not cost.is_finite() or cost <= 0:
        raise PlanningInputError(
            [
                *errors,
                FieldError("project_cost_crore", f"must be a number > 0 (Rs crore); got {cost}"),
            ]
        )
    for key in ("industry_crore", "state_crore", "others_crore", "land_cost_crore"):
        value = getattr(request, key)
        if value is not None and (not value.is_finite() or value < 0):
            errors.append(
                FieldError(key, f"must be a number ≥ 0 (Rs crore) or left out; got {value}")
            )
    try:
        rules = find_scheme(request.scheme, request.version, request.on)
    except PlanningInputError as exc:
        raise PlanningInputError([*errors, *exc.errors]) from None
    if rules.kind != "grant":
        raise PlanningInputError(
            [
                *errors,
                FieldError(
                    "scheme",
                    f"{rules.scheme} is a {rules.kind.replace('_', ' ')}, not a grant; "
                    "use split_revenue()",
                ),
            ]
        )
    try:
        rule = rules.component(request.component)
    except PlanningInputError as exc:
        raise PlanningInputError([*errors, *exc.errors]) from None
    where = f"{rules.scheme} {rules.version} {rule.key}"
    if cost < rule.min_project_cost:
        errors.append(
            FieldError(
                "project_cost_crore",
                f"is below the minimum for {where}: allowed ≥ {_crore(rule.min_project_cost)}"
                f"{_max_text(rule)}; got {_crore(cost)}",
            )
        )
    size_class = _pick_size_class(rule, request, errors)
    passed: list[str] = []
    skipped: list[str] = []
    _check_conditions(rule, request, where, errors, passed, skipped)
    # Without a usable cost or cluster class there is no grant to check contributions against.
    if any(e.field in ("project_cost_crore", "artisans") for e in errors):
        raise PlanningInputError(errors)

    band = _pick_band(rule, cost)
    if band is not None:
        share = band.share(request.category)
    else:
        assert rule.grant_share_general is not None and rule.grant_share_special is not None
        share = (
            rule.grant_share_special if request.category == "special" else rule.grant_share_general
        )
    max_cost = rule.max_project_cost
    max_grant = rule.max_grant
    if size_class is not None:
        if size_class.max_project_cost is not None:
            max_cost = size_class.max_project_cost
        if size_class.max_grant is not None:
            max_grant = size_class.max_grant
    eligible = cost if max_cost is None else min(cost, max_cost)
    grant = share * eligible
    ceiling: Ceiling | None = None
    if max_grant is not None and grant > max_grant:
        grant = max_grant
        ceiling = Ceiling(
            "max_grant",
            max_grant,
            max_grant,
            f"grant capped at {_crore(max_grant)} ({share_text(share)} of "
            f"{_crore(eligible)} would be {_crore(share * eligible)})",
        )
    elif max_cost is not None and cost > max_cost:
        ceiling = Ceiling(
            "max_project_cost",
            max_cost,
            share * max_cost,
            f"grant worked out on at most {_crore(max_cost)}: "
            f"{tidy(max_cost)} × {share_text(share)} = {_crore(share * max_cost)}",
        )
    grant = tidy(grant)

    contributions = {
        "industry": ("Industry / SPV", request.industry_crore),
        "state": ("State government", request.state_crore),
        "others": ("Others", request.others_crore),
    }
    put_in = sum((v for _label, v in contributions.values() if v is not None), Decimal(0))
    if grant + put_in > cost:
        errors.append(
            FieldError(
                "contributions",
                f"industry_crore + state_crore + others_crore ({_crore(put_in)}) must not "
                f"exceed the project cost less the grant: allowed 0 to {_crore(cost - grant)}",
            )
        )
    if errors:
        raise PlanningInputError(errors)
    gap = tidy(cost - grant - put_in)
    parties = [PartyShare("grant", rules.grantor, grant, _percent(grant, cost))]
    for key, (label, value) in contributions.items():
        amount = Decimal(0) if value is None else tidy(value)
        parties.append(PartyShare(key, label, amount, _percent(amount, cost), value is not None))
    parties.append(PartyShare("gap", "Gap left to fund", gap, _percent(gap, cost)))

    notes = [rule.notes] if rule.notes else []
    if band is not None and len(rule.bands) > 1:
        notes.append(BRACKETS_NOTE)
    if size_class is not None:
        halved = rule.units_halved_in_special and request.category == "special"
        notes.append(
            f"Cluster class {size_class.key!r} from {request.artisans:,} artisans"
            + (" (thresholds halved in the special category)." if halved else ".")
        )
    unused = [
        key
        for key, applies in (
            ("spv_members", rule.spv_min_members_general is not None),
            ("largest_member_equity_share", rule.spv_max_member_equity_share is not None),
            ("artisans", bool(rule.size_classes)),
        )
        if getattr(request, key) is not None and not applies
    ]
    if unused:
        notes.append(f"Not used by {where}: {', '.join(unused)}.")
    return GrantResult(
        scheme=rules.scheme,
        version=rules.version,
        component=rule.key,
        category=request.category,
        project_cost_crore=tidy(cost),
        eligible_cost_crore=tidy(eligible),
        grant_share=tidy(share),
        grant_crore=grant,
        parties=tuple(parties),
        ceiling=ceiling,
        gap_crore=gap,
        rule_text=rule.rule_text,
        citation=_citation(rules),
        size_class=None if size_class is None else size_class.key,
        band=None if band is None else band.label(),
        checks_passed=tuple(passed),
        checks_skipped=tuple(skipped),
        notes=tuple(notes),
    )


def _max_text(rule: ComponentRule) -> str:
    if rule.max_project_cost is None:
        return ""
    return f" (costs above {_crore(rule.max_project_cost)} are accepted, capped)"


def _citation(rules: SchemeRules) -> str:
    return (
        f"{rules.source.citation()} [{rules.scheme} {rules.version}, in force "
        f"{rules.validity_text()}]"
    )


@dataclass(frozen=True)
class SplitResult:
    """A revenue split: each party's amount and share."""

    scheme: str
    version: str
    component: str
    amount_crore: Decimal
    parties: tuple[PartyShare, ...]
    rule_text: str
    citation: str
    notes: tuple[str, ...]

    def party(self, key: str) -> PartyShare:
        """Return the share of party ``key``."""
        for share in self.parties:
            if share.party == key:
                return share
        raise KeyError(key)

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe mapping."""
        amount: JsonNumber = json_number(self.amount_crore)
        return {
            "scheme": self.scheme,
            "version": self.version,
            "component": self.component,
            "amount_crore": amount,
            "parties": [p.to_dict() for p in self.parties],
            "rule_text": self.rule_text,
            "citation": self.citation,
            "notes": list(self.notes),
        }


def split_revenue(
    amount_crore: Decimal,
    scheme: str = "vatva-ppp",
    component: str | None = None,
    version: str | None = None,
) -> SplitResult:
    """Split revenue between the parties of a PPP agreement.

    Parameters
    ----------
    amount_crore : Decimal
        Revenue collected, Rs crore (≥ 0).
    scheme : str
        A scheme whose rules are a revenue split (default ``vatva-ppp``).
    component : str, optional
        The component; may be left out when the scheme has only one.
    version : str, optional
        Version of the rules; the latest if left out.

    Examples
    --------
    >>> result = split_revenue(Decimal(4))
    >>> [(p.party, p.amount_crore, p.percent) for p in result.parties]
    [('association', Decimal('3'), Decimal('75')), ('municipal_corporation', Decimal('1'), \
Decimal('25'))]
    """
    if not isinstance(amount_crore, Decimal) or not amount_crore.is_finite() or amount_crore < 0:
        raise PlanningInputError.single(
            "amount_crore", f"must be a number ≥ 0 (Rs crore); got {amount_crore}"
        )
    rules = find_scheme(scheme, version)
    if rules.kind != "revenue_split":
        raise PlanningInputError.single(
            "scheme", f"{rules.scheme} is not a revenue split; use calculate_grant()"
        )
    if component is None:
        if len(rules.components) != 1:
            allowed = ", ".join(c.key for c in rules.components)
            raise PlanningInputError.single("component", f"is required; allowed: {allowed}")
        rule = rules.components[0]
    else:
        rule = rules.component(component)
    parties = tuple(
        PartyShare(
            s.party,
            s.label,
            tidy(s.share * amount_crore),
            tidy((s.share * 100).quantize(CENT)),
        )
        for s in rule.split
    )
    return SplitResult(
        scheme=rules.scheme,
        version=rules.version,
        component=rule.key,
        amount_crore=tidy(amount_crore),
        parties=parties,
        rule_text=rule.rule_text,
        citation=_citation(rules),
        notes=tuple(n for n in (rules.notes, rule.notes) if n),
    )
