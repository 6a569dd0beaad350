"""Composite indices defined entirely as data: components with goalposts, grouped into weighted pillars.

An ``IndexDefinition`` lists its pillars (code → name and weight) and its components (each an
indicator with goalposts, a weight inside its pillar, a direction and a transform). ``score``
turns one economy's indicator values into component, pillar and index scores, all on 0–100.
Pure functions: nothing here reads or writes the database.

Rules
=====

Normalisation (``normalise``)
    With the transform ``f`` (identity for ``"none"``, ``log10`` for ``"log10"``) applied to the
    value and to both goalposts first, a component scores
    ``100 × (f(value) − f(lower)) / (f(upper) − f(lower))``, capped to 0…100; when lower is better
    the score is ``100 −`` that, so a value at or below ``lower`` scores 100 and one at or above
    ``upper`` scores 0. Under ``log10`` a value ≤ 0 is treated as below any goalpost (score 0 when
    higher is better, 100 when lower is better). A missing value (``None`` or NaN) has no score.

Pillar score
    The weighted mean of the pillar's present component scores, the weights rescaled over the
    components present: arithmetic ``Σ w_c s_c / Σ w_c``, or geometric ``Π s_c^(w_c / Σ w_c)``
    (0 as soon as one present component with a positive weight scores 0). Missing-data rule ``"min_share"``: a pillar is
    computed only when the weight of its present components is at least ``min_share`` of the
    weight of all its components (default 0.5, so one of two equally weighted components is
    enough, none is not).

Index score
    Computed only when every pillar is computed: the weighted mean (arithmetic or geometric, as
    for pillars) of the pillar scores with the pillar weights rescaled to sum to 1. Otherwise
    ``None``.

``IndexScore.rule_applied``
    ``"all_present"`` when no component is missing; ``"min_share(<share>): rescaled"`` when some are
    missing but every pillar is computed; ``"min_share(<share>): pillar missing"`` when at least one
    pillar, and so the index, is not computed. ``missing`` lists the codes of the components with
    no value, in definition order.

Validation (``validate``)
    A definition is usable when it has no problem: every component's pillar is defined; component
    and pillar weights are ≥ 0 and each pillar has a positive total component weight; pillar
    weights sum to more than 0; ``lower < upper`` for every component (and ``lower > 0`` under
    ``log10``); component codes are unique; the transform, aggregation and missing rule are known;
    ``0 < min_share ≤ 1``. ``score`` refuses a definition with problems.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

TRANSFORMS = ("none", "log10")
AGGREGATIONS = ("arithmetic", "geometric")
MISSING_RULES = ("min_share",)


@dataclass(frozen=True)
class Component:
    code: str
    name: str
    indicator: str  # the indicator code the value is looked up by
    pillar: str
    weight: float = 1.0  # weight inside its pillar
    lower: float = 0.0  # goalposts, in the indicator's units (before any transform)
    upper: float = 100.0
    higher_is_better: bool = True
    transform: str = "none"  # "none" | "log10"


@dataclass(frozen=True)
class IndexDefinition:
    code: str
    name: str
    version: str
    pillars: dict[str, tuple[str, float]]  # pillar code → (name, weight)
    components: tuple[Component, ...]
    aggregation: str = "arithmetic"  # "arithmetic" | "geometric"
    missing_rule: str = "min_share"
    min_share: float = 0.5
    verified: bool = False  # parameters checked against the owner's methodology document
    notes: str = ""


@dataclass(frozen=True)
class IndexScore:
    index: float | None
    pillars: dict[str, float | None]
    components: dict[str, float | None]
    missing: list[str] = field(default_factory=list)
    rule_applied: str = "all_present"


def _is_missing(value: float | None) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def normalise(value: float | None, c: Component) -> float | None:
    """Min-max to the goalposts on 0…100, capped; inverted when lower is better; transform first."""
    if _is_missing(value):
        return None
    lower, upper = c.lower, c.upper
    if c.transform == "log10":
        if value <= 0:
            return 0.0 if c.higher_is_better else 100.0
        value, lower, upper = math.log10(value), math.log10(lower), math.log10(upper)
    elif c.transform != "none":
        raise ValueError(f"unknown transform {c.transform!r}")
    s = 100.0 * (value - lower) / (upper - lower)
    s = min(max(s, 0.0), 100.0)
    return s if c.higher_is_better else 100.0 - s


def _mean(scores: list[float], weights: list[float], aggregation: str) -> float:
    total = sum(weights)
    if aggregation == "geometric":
        pairs = [(s, w) for s, w in zip(scores, weights, strict=True) if w > 0]
        if any(s <= 0 for s, _ in pairs):
            return 0.0
        return math.exp(sum(w * math.log(s) for s, w in pairs) / total)
    return sum(w * s for s, w in zip(scores, weights, strict=True)) / total


def validate(defn: IndexDefinition) -> list[str]:
    """Problems that make a definition unusable; an empty list when there are none."""
    problems: list[str] = []
    if defn.aggregation not in AGGREGATIONS:
        problems.append(f"unknown aggregation {defn.aggregation!r}")
    if defn.missing_rule not in MISSING_RULES:
        problems.append(f"unknown missing rule {defn.missing_rule!r}")
    if not 0 < defn.min_share <= 1:
        problems.append(f"min_share must be within (0, 1], got {defn.min_share}")
    for code, (_, weight) in defn.pillars.items():
        if weight < 0:
            problems.append(f"pillar {code}: negative weight {weight}")
    if defn.pillars and sum(w for _, w in defn.pillars.values()) <= 0:
        problems.append("pillar weights sum to 0")
    if not defn.pillars:
        problems.append("no pillar")
    seen: set[str] = set()
    for c in defn.components:
        if c.code in seen:
            problems.append(f"duplicate component code {c.code}")
        seen.add(c.code)
        if c.pillar not in defn.pillars:
            problems.append(f"component {c.code}: unknown pillar {c.pillar}")
        if c.weight < 0:
            problems.append(f"component {c.code}: negative weight {c.weight}")
        if c.lower >= c.upper:
            problems.append(f"component {c.code}: lower goalpost {c.lower} ≥ upper {c.upper}")
        if c.transform not in TRANSFORMS:
            problems.append(f"component {c.code}: unknown transform {c.transform!r}")
        elif c.transform == "log10" and c.lower <= 0:
            problems.append(f"component {c.code}: log10 needs a lower goalpost > 0")
    for code in defn.pillars:
        weights = [c.weight for c in defn.components if c.pillar == code]
        if not weights:
            problems.append(f"pillar {code}: no component")
        elif sum(w for w in weights if w > 0) <= 0:
            problems.append(f"pillar {code}: component weights sum to 0")
    return problems


def score(defn: IndexDefinition, values: dict[str, float | None]) -> IndexScore:
    """Component, pillar and index scores for one economy; values keyed by indicator code."""
    problems = validate(defn)
    if problems:
        raise ValueError(f"index definition {defn.code} {defn.version}: " + "; ".join(problems))
    components: dict[str, float | None] = {}
    missing: list[str] = []
    for c in defn.components:
        components[c.code] = normalise(values.get(c.indicator), c)
        if components[c.code] is None:
            missing.append(c.code)

    pillars: dict[str, float | None] = {}
    for code in defn.pillars:
        members = [c for c in defn.components if c.pillar == code]
        present = [c for c in members if components[c.code] is not None]
        total = sum(c.weight for c in members)
        share = sum(c.weight for c in present) / total
        if share >= defn.min_share - 1e-12 and sum(c.weight for c in present) > 0:
            pillars[code] = _mean(
                [components[c.code] for c in present],
                [c.weight for c in present],
                defn.aggregation,
            )
        else:
            pillars[code] = None

    rule = f"min_share({defn.min_share:g})"
    if any(p is None for p in pillars.values()):
        return IndexScore(None, pillars, components, missing, f"{rule}: pillar missing")
    index = _mean(
        [pillars[code] for code in defn.pillars],
        [w for _, w in defn.pillars.values()],
        defn.aggregation,
    )
    return IndexScore(
        index, pillars, components, missing, f"{rule}: rescaled" if missing else "all_present"
    )


def score_many(
    defn: IndexDefinition, table: dict[str, dict[str, float | None]]
) -> dict[str, IndexScore]:
    """``score`` for every economy of ``table`` (economy → indicator code → value)."""
    return {economy: score(defn, values) for economy, values in table.items()}
