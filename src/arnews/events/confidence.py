"""How sure the meetings table is of each meeting: a logistic model over what the rules
saw (the kind of trigger, how the subject was found, named parties, a date, a purpose),
fitted on the annotated corpus's train split (`arnews calibrate-meetings`) so that among
meetings given 0.8, about 8 in 10 are right. The weights live in
`models/meeting_confidence/weights.json` with their model card."""
from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path

from arnews.document import Meeting
from arnews.events.parties import Party
from arnews.events.triggers import Trigger

MODEL = Path(__file__).resolve().parents[3] / "models" / "meeting_confidence" / "weights.json"
FEATURES = ("verb", "noun", "possessive", "call", "planned", "subject_before", "subject_after",
            "subject_elsewhere", "named_principals", "unnamed_only", "principals", "groups",
            "orgs", "date", "purpose", "place", "attendees")


def features(trig: Trigger, found: list[Party], principals: list[Party], named: list[Party],
             m: Meeting) -> dict[str, float]:
    """What the rules saw, as numbers (the model's inputs; also a record of the evidence)."""
    subject = found[0] if found else None
    return {
        "verb": float(trig.kind == "verb"), "noun": float(trig.kind == "noun"),
        "possessive": float(trig.possessive), "call": float(m.mode == "call"),
        "planned": float(m.status == "planned"),
        "subject_before": float(subject is not None and 0 <= subject.start < trig.i),
        "subject_after": float(subject is not None and subject.start > trig.i),
        "subject_elsewhere": float(subject is not None and subject.start < 0),
        "named_principals": float(min(len(named), 3)), "unnamed_only": float(not named),
        "principals": float(min(len(principals), 4)),
        "groups": float(sum(p.kind == "group" for p in principals)),
        "orgs": float(sum(p.kind == "org" for p in principals)),
        "date": float(m.date is not None), "purpose": float(m.purpose is not None),
        "place": float(m.location is not None),
        "attendees": float(min(sum(p.side in ("attendee", "accompanying") for p in found), 5)),
    }


@lru_cache(maxsize=2)
def load_weights(path: Path = MODEL) -> dict[str, float] | None:
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def confidence(x: dict[str, float], weights: dict[str, float] | None = None) -> float:
    """The probability that the meeting is right; without a model, a rough prior."""
    w = weights if weights is not None else load_weights()
    if w is None:
        return min(0.95, 0.4 + 0.15 * x["named_principals"] + 0.1 * x["date"])
    z = w.get("bias", 0.0) + sum(w.get(k, 0.0) * x[k] for k in FEATURES)
    return 1.0 / (1.0 + math.exp(-z))
