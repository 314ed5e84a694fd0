"""Event-data codes for a meeting, so that the meetings table joins GDELT (CAMEO) and
POLECAT (PLOVER) data: derived from the meeting's status, mode, sides and place.

| meeting | PLOVER | CAMEO |
|---|---|---|
| planned | AGREE (intent to meet) | 036 express intent to meet or negotiate |
| a call | CONSULT, mode phone | 041 discuss by telephone |
| three or more parties with no host | CONSULT, mode multilateral | 040 consult |
| a host and a guest | CONSULT, mode visit | 042 make a visit (043, host a visit, is the same event seen from the host) |
| two parties, no host, at a named place that is no one's seat | CONSULT, mode third-party | 044 meet at a third location |
| otherwise | CONSULT | 040 consult |
"""
from __future__ import annotations

from arnews.document import Meeting

PRINCIPAL = ("host", "guest", "party")


def codes(m: Meeting, seat: bool) -> tuple[str, str]:
    """(plover, cameo) for a meeting; `seat`: its place is a party's own (مكتبه، قصره)."""
    if m.status == "planned":
        return "AGREE", "036"
    if m.mode == "call":
        return "CONSULT/phone", "041"
    sides = [p.side for p in m.participants if p.side in PRINCIPAL]
    if "host" in sides and "guest" in sides:
        return "CONSULT/visit", "042"
    if len(sides) >= 3:
        return "CONSULT/multilateral", "040"
    if m.location and not seat:
        return "CONSULT/third-party", "044"
    return "CONSULT", "040"
