"""The :class:`Gazetteer`: look-ups from any known spelling to states, districts and PINs."""

import difflib
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from .model import CensusDistrict, CensusMatch, DataSource, District, Pin, State
from .normalise import normalise

__all__ = ["Gazetteer", "UnresolvedPlace", "state_keys"]

_MAX_SUGGESTIONS = 3
_SUGGESTION_CUTOFF = 0.6

# Priority of a spelling when the same key points at several districts of one state:
# lower wins. Spellings registered under a district's 2011 state (Telangana's districts
# under Andhra Pradesh, say) rank below every spelling of the state's own districts.
_RANK = {"code": 0, "india_post": 0, "lgd": 1, "curated": 2, "census2011": 3}
_FORMER_STATE_PENALTY = 10
# Which spelling to show first in suggestions when two are equally close.
_DISPLAY_ORDER = {"lgd": 0, "india_post": 1, "curated": 2, "census2011": 3, "code": 4}

_PIN = re.compile(r"[1-9][0-9]{5}")
_PIN_SEPARATORS = re.compile(r"[\s-]")


class UnresolvedPlace(ValueError):
    """A state or district that could not be resolved to exactly one place.

    Attributes
    ----------
    field : str
        ``"state"`` or ``"district"``.
    value : str
        The text as given.
    reason : str
        ``"unknown state"``, ``"unknown district in <state>"`` or ``"ambiguous: ..."``.
    suggestions : list of str
        Up to three close known names, best first (may be empty).

    Examples
    --------
    >>> from clusterdev.gazetteer import load_gazetteer
    >>> try:
    ...     load_gazetteer().resolve("Gujarat", "Ahmdabad")
    ... except UnresolvedPlace as exc:
    ...     print(exc.field, exc.suggestions[0])
    ...     print(exc)
    district Ahmedabad
    district 'Ahmdabad' is not a known district of Gujarat; did you mean Ahmedabad?
    """

    field: str
    value: str
    reason: str
    suggestions: list[str]

    def __init__(
        self,
        field: str,
        value: str,
        reason: str,
        suggestions: Sequence[str] = (),
        message: str | None = None,
    ) -> None:
        self.field = field
        self.value = value
        self.reason = reason
        self.suggestions = list(suggestions)
        if message is None:
            message = f"{field} {value!r}: {reason}"
            if self.suggestions:
                message += f"; did you mean {_or_list(self.suggestions)}?"
        super().__init__(message)

    def __reduce__(self) -> tuple[Any, ...]:
        return (
            type(self),
            (self.field, self.value, self.reason, self.suggestions, str(self)),
        )


def _or_list(names: Sequence[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " or " + names[-1]


def _numeric_forms(code: str) -> set[str]:
    """``"01"`` -> ``{"01", "1"}``: codes are accepted with or without leading zeros."""
    forms = {code}
    if code.isdigit():
        forms.add(str(int(code)))
        forms.add(str(int(code)).zfill(2))
    return forms


def state_keys(state: State) -> list[tuple[str, bool]]:
    """Every normalised key that resolves to ``state``, with whether it is a name.

    Keys are the name, the India Post name, the aliases, the stable and current
    ISO 3166-2 codes with and without the ``IN-`` prefix, and the Census 2011 and
    LGD codes with and without a leading zero.

    Parameters
    ----------
    state : State
        The state.

    Returns
    -------
    list of (str, bool)
        ``(key, is_name)`` pairs, names first, without duplicates. Codes are not
        names (they are not offered as suggestions).

    Examples
    --------
    >>> from clusterdev.gazetteer import load_gazetteer
    >>> gujarat = load_gazetteer().state_by_code("IN-GJ")
    >>> [key for key, _ in state_keys(gujarat)]
    ['gujarat', 'ingj', 'gj', '24']
    """
    names = [state.name, state.india_post_name]
    codes: list[str] = []
    for alias in state.aliases:
        (codes if alias.isdigit() or alias.upper().startswith("IN-") else names).append(alias)
    for iso in (state.code, state.iso_3166_2):
        codes += [iso, iso.removeprefix("IN-")]
    for number in (state.census2011_code, state.lgd_code):
        if number:
            codes += sorted(_numeric_forms(number))
    seen: dict[str, bool] = {}
    for text, is_name in [(n, True) for n in names] + [(c, False) for c in codes]:
        key = normalise(text)
        if key and key not in seen:
            seen[key] = is_name
    return list(seen.items())


class Gazetteer:
    """States, districts and PIN codes of India, and the resolver over their spellings.

    Build it with :func:`clusterdev.gazetteer.load_gazetteer` (cached) rather than
    directly.

    Parameters
    ----------
    states : iterable of State
        All states and union territories.
    districts : iterable of District
        All districts; their ``state_code`` must be among ``states``.
    pins : iterable of Pin
        All PIN codes.
    census_matches : iterable of CensusMatch
        The outcome of matching each Census 2011/LGD crosswalk row.
    sources : iterable of DataSource
        The data sources, for attribution.

    Raises
    ------
    ValueError
        If two states share a key, or codes are not unique.

    Examples
    --------
    >>> from clusterdev.gazetteer import load_gazetteer
    >>> gaz = load_gazetteer()
    >>> gaz.resolve("GJ", " ahmedabad ").name
    'Ahmadabad'
    >>> gaz.resolve_pin("110001").district_code == gaz.resolve("Delhi", "New Delhi").code
    True
    """

    def __init__(
        self,
        states: Iterable[State],
        districts: Iterable[District],
        pins: Iterable[Pin],
        census_matches: Iterable[CensusMatch],
        sources: Iterable[DataSource],
    ) -> None:
        self._states: dict[str, State] = {}
        self._state_by_iso: dict[str, State] = {}
        self._state_keys: dict[str, str] = {}
        self._state_names: dict[str, str] = {}  # name-like key -> display spelling
        for state in states:
            if state.code in self._states:
                raise ValueError(f"duplicate state code {state.code}")
            self._states[state.code] = state
            self._state_by_iso[state.iso_3166_2] = state
            for key, is_name in state_keys(state):
                other = self._state_keys.setdefault(key, state.code)
                if other != state.code:
                    raise ValueError(f"state key {key!r} is claimed by {other} and {state.code}")
                if is_name:
                    self._state_names[key] = state.name

        self._districts: dict[str, District] = {}
        for district in districts:
            if district.code in self._districts:
                raise ValueError(f"duplicate district code {district.code}")
            if district.state_code not in self._states:
                raise ValueError(
                    f"district {district.code} has unknown state {district.state_code}"
                )
            self._districts[district.code] = district

        self._pins: dict[str, Pin] = {pin.pin: pin for pin in pins}
        self._census_matches = tuple(census_matches)
        self._sources = tuple(sources)
        self._index_districts()

    # ------------------------------------------------------------------ indexing

    def _district_spellings(self, district: District) -> Iterator[tuple[str, str, str, str, bool]]:
        """Yield ``(state_code, key, spelling, kind, former)`` for every spelling of a district.

        ``former`` marks spellings registered under the state the district was in at
        the 2011 Census, when that differs from today's.
        """
        own = district.state_code
        former = district.census2011_state_code
        moved = former is not None and former != own
        for code in [district.code] + ([district.lgd_code] if district.lgd_code else []):
            yield own, normalise(code), code, "code", False
            if moved and former is not None:
                yield former, normalise(code), code, "code", True
        yield own, normalise(district.name), district.name, "india_post", False
        for alias in district.aliases:
            yield own, alias.normalised, alias.name, alias.kind, False
            if moved and former is not None and alias.kind != "curated":
                yield former, alias.normalised, alias.name, alias.kind, True

    def _index_districts(self) -> None:
        best: dict[tuple[str, str], tuple[int, set[str]]] = {}
        # per state: key -> (display spelling, display order, district code)
        self._suggestable: dict[str, dict[str, tuple[str, int, str]]] = defaultdict(dict)
        self._states_with_key: dict[str, set[str]] = defaultdict(set)
        for district in self._districts.values():
            for state_code, key, spelling, kind, former in self._district_spellings(district):
                if not key:
                    continue
                rank = _RANK[kind] + (_FORMER_STATE_PENALTY if former else 0)
                slot = (state_code, key)
                current = best.get(slot)
                if current is None or rank < current[0]:
                    best[slot] = (rank, {district.code})
                elif rank == current[0]:
                    current[1].add(district.code)
                if former:
                    continue
                if kind != "code":
                    self._states_with_key[key].add(state_code)
                    order = _DISPLAY_ORDER[kind]
                    known = self._suggestable[state_code].get(key)
                    if known is None or order < known[1]:
                        self._suggestable[state_code][key] = (spelling, order, district.code)
        self._district_keys: dict[tuple[str, str], tuple[str, ...]] = {
            slot: tuple(sorted(codes)) for slot, (_, codes) in best.items()
        }

    # ------------------------------------------------------------------ states

    def states(self) -> Iterator[State]:
        """Iterate over the 36 states and union territories, by code.

        Yields
        ------
        State

        Examples
        --------
        >>> from clusterdev.gazetteer import load_gazetteer
        >>> next(load_gazetteer().states()).name
        'Andaman and Nicobar Islands'
        """
        for code in sorted(self._states):
            yield self._states[code]

    def state_by_code(self, code: str) -> State:
        """Return the state with this stable code or current ISO 3166-2 code.

        Parameters
        ----------
        code : str
            ``"IN-GJ"``-style code, any case.

        Returns
        -------
        State

        Raises
        ------
        KeyError
            If no state has this code.

        Examples
        --------
        >>> from clusterdev.gazetteer import load_gazetteer
        >>> gaz = load_gazetteer()
        >>> gaz.state_by_code("IN-TG") is gaz.state_by_code("in-ts")
        True
        """
        wanted = code.strip().upper()
        state = self._states.get(wanted) or self._state_by_iso.get(wanted)
        if state is None:
            raise KeyError(f"no state with code {code!r}")
        return state

    def resolve_state(self, state: str) -> State:
        """Resolve any known spelling or code of a state.

        Accepts the name, India Post name, aliases (former names such as Orissa,
        ``&`` spellings), the ISO 3166-2 code with or without ``IN-``, and the
        Census 2011 or LGD code; any case, stray spaces and punctuation.

        Parameters
        ----------
        state : str
            The state as written in the data.

        Returns
        -------
        State

        Raises
        ------
        UnresolvedPlace
            With ``field == "state"`` and ``reason == "unknown state"``.

        Examples
        --------
        >>> from clusterdev.gazetteer import load_gazetteer
        >>> gaz = load_gazetteer()
        >>> gaz.resolve_state("orissa").code, gaz.resolve_state("IN-GJ").name
        ('IN-OR', 'Gujarat')
        >>> gaz.resolve_state(" Jammu & Kashmir ").name
        'Jammu and Kashmir'
        """
        key = normalise(state)
        code = self._state_keys.get(key)
        if code is not None:
            return self._states[code]
        suggestions = self._close(
            key, {k: (name, 0, name) for k, name in self._state_names.items()}
        )
        if key:
            message = f"state {state!r} is not a known Indian state or union territory"
        else:
            message = f"state is missing (got {state!r})"
        if suggestions:
            message += f"; did you mean {_or_list(suggestions)}?"
        else:
            message += "; give its name, ISO 3166-2 code (e.g. IN-GJ) or Census/LGD code"
        raise UnresolvedPlace("state", state, "unknown state", suggestions, message)

    # ------------------------------------------------------------------ districts

    def districts(self, state: str | None = None) -> Iterator[District]:
        """Iterate over districts, by state code then name, optionally of one state.

        Parameters
        ----------
        state : str, optional
            Any spelling accepted by :meth:`resolve_state`.

        Yields
        ------
        District

        Examples
        --------
        >>> from clusterdev.gazetteer import load_gazetteer
        >>> [d.name for d in load_gazetteer().districts("Goa")]
        ['North Goa', 'South Goa']
        """
        wanted = self.resolve_state(state).code if state is not None else None
        chosen = [d for d in self._districts.values() if wanted in (None, d.state_code)]
        yield from sorted(chosen, key=lambda d: (d.state_code, d.name, d.code))

    def district_by_code(self, code: str) -> District:
        """Return the district with this code (LGD code or ``IP-...`` code).

        Parameters
        ----------
        code : str
            A :attr:`District.code`.

        Returns
        -------
        District

        Raises
        ------
        KeyError
            If no district has this code.

        Examples
        --------
        >>> from clusterdev.gazetteer import load_gazetteer
        >>> load_gazetteer().district_by_code("438").name
        'Ahmadabad'
        """
        district = self._districts.get(code.strip())
        if district is None:
            raise KeyError(f"no district with code {code!r}")
        return district

    def resolve(self, state: str, district: str) -> District:
        """Resolve a (state, district) pair written in any known way.

        The district may be the India Post label, the Census 2011 spelling, the
        LGD spelling, a curated alias (former names, common spellings) or the LGD
        code, in any case and with stray spaces and punctuation. Census 2011
        spellings also resolve under the state the district was in in 2011
        (``("Andhra Pradesh", "Hyderabad")`` gives Hyderabad, Telangana).

        Parameters
        ----------
        state : str
            Any spelling accepted by :meth:`resolve_state`.
        district : str
            The district as written in the data.

        Returns
        -------
        District

        Raises
        ------
        UnresolvedPlace
            With ``field == "state"`` if the state is unknown, else ``field ==
            "district"`` and reason ``"unknown district in <state>"`` or
            ``"ambiguous: ..."``.

        Examples
        --------
        >>> from clusterdev.gazetteer import load_gazetteer
        >>> gaz = load_gazetteer()
        >>> gaz.resolve("Tamil Nadu", "THOOTHUKUDI").name
        'Tuticorin'
        >>> gaz.resolve("bihar", "aurangabad").state_code
        'IN-BR'
        >>> gaz.resolve("Maharashtra", "Aurangabad").state_code
        'IN-MH'
        """
        resolved_state = self.resolve_state(state)
        key = normalise(district)
        codes = self._district_keys.get((resolved_state.code, key))
        if codes is not None and len(codes) == 1:
            return self._districts[codes[0]]
        if codes is not None:
            names = [f"{self._districts[c].name} ({c})" for c in codes]
            raise UnresolvedPlace(
                "district",
                district,
                f"ambiguous: could be {_or_list(names)}",
                [self._districts[c].name for c in codes][:_MAX_SUGGESTIONS],
                f"district {district!r} is ambiguous in {resolved_state.name}: "
                f"it could be {_or_list(names)}",
            )
        suggestions = self._close(key, self._suggestable.get(resolved_state.code, {}))
        if key:
            message = f"district {district!r} is not a known district of {resolved_state.name}"
        else:
            message = f"district is missing (got {district!r})"
        if suggestions:
            message += f"; did you mean {_or_list(suggestions)}?"
        elsewhere = sorted(self._states_with_key.get(key, set()) - {resolved_state.code})
        if key and elsewhere:
            where = _or_list([self._states[c].name for c in elsewhere])
            message += f" (a district spelled like that is in {where})"
        raise UnresolvedPlace(
            "district",
            district,
            f"unknown district in {resolved_state.name}",
            suggestions,
            message,
        )

    # ------------------------------------------------------------------ PINs

    def pins(self) -> Iterator[Pin]:
        """Iterate over all PIN codes in ascending order.

        Yields
        ------
        Pin

        Examples
        --------
        >>> from clusterdev.gazetteer import load_gazetteer
        >>> next(load_gazetteer().pins()).pin
        '110001'
        """
        for pin in sorted(self._pins):
            yield self._pins[pin]

    def resolve_pin(self, pin: str | int) -> Pin | None:
        """Look up a PIN code; ``None`` when it is malformed or not in the snapshot.

        Parameters
        ----------
        pin : str or int
            Six digits; spaces and a hyphen (``"110 001"``, ``"110-001"``) are allowed.

        Returns
        -------
        Pin or None

        Examples
        --------
        >>> from clusterdev.gazetteer import load_gazetteer
        >>> gaz = load_gazetteer()
        >>> gaz.district_by_code(gaz.resolve_pin("110 001").district_code).name
        'New Delhi'
        >>> gaz.resolve_pin("000000") is None
        True
        """
        text = _PIN_SEPARATORS.sub("", str(pin))
        if not _PIN.fullmatch(text):
            return None
        return self._pins.get(text)

    # ------------------------------------------------------------------ joins

    def state_alias_rows(self) -> Iterator[tuple[str, str]]:
        """Yield ``(state_key, state_code)`` for every normalised spelling of every state.

        Yields
        ------
        tuple of (str, str)

        Examples
        --------
        >>> from clusterdev.gazetteer import load_gazetteer
        >>> ("orissa", "IN-OR") in set(load_gazetteer().state_alias_rows())
        True
        """
        yield from sorted(self._state_keys.items())

    def alias_rows(self) -> Iterator[tuple[str, str, str]]:
        """Yield ``(state_key, district_key, district_code)`` for vectorised joins.

        One row for every normalised spelling of every state combined with every
        normalised spelling of each of its districts, so that a table can be
        joined on ``normalise(state)`` and ``normalise(district)`` (see
        :data:`~clusterdev.gazetteer.normalise.NORMALISE_SQL`). Each
        ``(state_key, district_key)`` pair occurs once; keys that are ambiguous
        within a state are left out, so a join never multiplies rows.

        Yields
        ------
        tuple of (str, str, str)

        Examples
        --------
        >>> from clusterdev.gazetteer import load_gazetteer
        >>> rows = set(load_gazetteer().alias_rows())
        >>> ("gujarat", "ahmedabad", "438") in rows and ("gj", "ahmadabad", "438") in rows
        True
        """
        keys_by_state: dict[str, list[str]] = defaultdict(list)
        for key, code in self._state_keys.items():
            keys_by_state[code].append(key)
        for (state_code, district_key), codes in sorted(self._district_keys.items()):
            if len(codes) != 1:
                continue
            for state_key in sorted(keys_by_state[state_code]):
                yield state_key, district_key, codes[0]

    # ------------------------------------------------------------------ provenance

    @property
    def sources(self) -> tuple[DataSource, ...]:
        """The data sources, with versions, licences and attributions."""
        return self._sources

    @property
    def census_matches(self) -> tuple[CensusMatch, ...]:
        """How each Census 2011/LGD crosswalk row was matched (or not)."""
        return self._census_matches

    def census_match_rate(self) -> float:
        """Share of crosswalk rows matched to an India Post district.

        Returns
        -------
        float
            Between 0 and 1.

        Examples
        --------
        >>> from clusterdev.gazetteer import load_gazetteer
        >>> load_gazetteer().census_match_rate() >= 0.9
        True
        """
        if not self._census_matches:
            return 0.0
        matched = sum(1 for m in self._census_matches if m.district_code is not None)
        return matched / len(self._census_matches)

    def unmatched_census_districts(self) -> list[CensusDistrict]:
        """Crosswalk rows that no India Post district matched, in file order.

        Returns
        -------
        list of CensusDistrict
            Typically districts renamed or split since 2011 in a way no alias covers.

        Examples
        --------
        >>> from clusterdev.gazetteer import load_gazetteer
        >>> isinstance(load_gazetteer().unmatched_census_districts(), list)
        True
        """
        return [m.census for m in self._census_matches if m.district_code is None]

    # ------------------------------------------------------------------ helpers

    def _close(self, key: str, candidates: Mapping[str, tuple[str, int, str]]) -> list[str]:
        """Up to three display spellings close to ``key``, one per target, best first."""
        if not key:
            return []
        matcher = difflib.SequenceMatcher(b=key, autojunk=False)
        scored: list[tuple[float, int, str, str]] = []
        for candidate, (spelling, order, target) in candidates.items():
            matcher.set_seq1(candidate)
            if matcher.real_quick_ratio() < _SUGGESTION_CUTOFF:
                continue
            if matcher.quick_ratio() < _SUGGESTION_CUTOFF:
                continue
            score = matcher.ratio()
            if score >= _SUGGESTION_CUTOFF:
                scored.append((-score, order, spelling, target))
        suggestions: list[str] = []
        seen_targets: set[str] = set()
        for _, _, spelling, target in sorted(scored):
            if target in seen_targets or spelling in suggestions:
                continue
            seen_targets.add(target)
            suggestions.append(spelling)
            if len(suggestions) == _MAX_SUGGESTIONS:
                break
        return suggestions

    def __repr__(self) -> str:
        return (
            f"<Gazetteer: {len(self._states)} states, {len(self._districts)} districts, "
            f"{len(self._pins)} PINs>"
        )
