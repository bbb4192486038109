"""Colour checks for the highlight palette: contrast, colour-vision simulation, distance.

The article view marks a span with an underline in the colour of its type or role and a
faint tint of it behind the text. For that to work for every reviewer:

- the colour itself (the underline, a graphical mark) has a contrast of at least 3:1 against
  the page in both themes (WCAG 2.1, 1.4.11 non-text contrast);
- the text keeps at least 4.5:1 against the tinted page (WCAG 1.4.3);
- the colours shown together (a type's trigger and its roles) stay apart for people with
  protanopia, deuteranopia and tritanopia, not only for full colour vision.

Formulas: relative luminance and contrast ratio from WCAG 2.1; colour-vision deficiency
simulated with the severity-1.0 matrices of Machado, Oliveira and Fernandes (2009), applied
in linear RGB; distance is CIE76 ΔE in CIELAB (D65). Pure functions, no Qt.
"""

from __future__ import annotations

from itertools import combinations
from typing import Iterable, Sequence

RGB = tuple[float, float, float]  # 0..1, sRGB (gamma-encoded) unless said otherwise

# Machado et al. 2009, severity 1.0 (linear RGB)
_CVD = {
    "protanopia": ((0.152286, 1.052583, -0.204868),
                   (0.114503, 0.786281, 0.099216),
                   (-0.003882, -0.048116, 1.051998)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968),
                     (0.280085, 0.672501, 0.047413),
                     (-0.011820, 0.042940, 0.968881)),
    "tritanopia": ((1.255528, -0.076749, -0.178779),
                   (-0.078411, 0.930809, 0.147602),
                   (0.004733, 0.691367, 0.303900)),
}
VISIONS = ("normal", *_CVD)

# The article view's pages: background, text, the faint colour of other mentions' marks and
# the opacity (0..255) of an argument's tint (a trigger's is TRIGGER_EXTRA higher).
THEMES = {
    "light": {"base": "#fdfcf8", "text": "#1b1b1b", "dim": "#9a9a9a", "other": "#7f7f7f", "alpha": 70,
              "match": "#f2c94c", "match_alpha": 110, "match_current_alpha": 200},
    "dark": {"base": "#1e1f22", "text": "#e6e6e6", "dim": "#6f7378", "other": "#a0a0a0", "alpha": 110,
             "match": "#f2c94c", "match_alpha": 60, "match_current_alpha": 100},
}  # "match": the search words' tint (the find bar, the queue's search), the current one stronger
TRIGGER_EXTRA = 30
MIN_MARK = 3.0  # WCAG 1.4.11, a graphical mark against its background
MIN_TEXT = 4.5  # WCAG 1.4.3, body text
MIN_DELTA_E = 15.0  # colours shown together, for every vision in VISIONS


def parse_hex(color: str) -> RGB:
    """``#rrggbb`` → (r, g, b) in 0..1."""
    c = color.lstrip("#")
    if len(c) != 6:
        raise ValueError(f"colour {color!r} is not #RRGGBB")
    return (int(c[0:2], 16) / 255, int(c[2:4], 16) / 255, int(c[4:6], 16) / 255)


def to_hex(rgb: RGB) -> str:
    return "#" + "".join(f"{round(max(0.0, min(1.0, v)) * 255):02x}" for v in rgb)


def _lin(v: float) -> float:
    return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4


def _gamma(v: float) -> float:
    v = max(0.0, min(1.0, v))
    return 12.92 * v if v <= 0.0031308 else 1.055 * v ** (1 / 2.4) - 0.055


def luminance(color: str | RGB) -> float:
    """WCAG relative luminance."""
    r, g, b = parse_hex(color) if isinstance(color, str) else color
    return 0.2126 * _lin(r) + 0.7152 * _lin(g) + 0.0722 * _lin(b)


def contrast(a: str | RGB, b: str | RGB) -> float:
    """WCAG contrast ratio, 1..21."""
    la, lb = luminance(a), luminance(b)
    hi, lo = max(la, lb), min(la, lb)
    return (hi + 0.05) / (lo + 0.05)


def blend(color: str, page: str, alpha: float) -> RGB:
    """``color`` painted with opacity ``alpha`` (0..1) over ``page``, as the view paints a tint."""
    c, p = parse_hex(color), parse_hex(page)
    return tuple(alpha * ci + (1 - alpha) * pi for ci, pi in zip(c, p, strict=True))  # type: ignore[return-value]


def simulate(color: str | RGB, vision: str) -> RGB:
    """How ``color`` looks with the given colour vision (``normal`` or a name in ``VISIONS``)."""
    rgb = parse_hex(color) if isinstance(color, str) else color
    if vision == "normal":
        return rgb
    m = _CVD[vision]
    lin = [_lin(v) for v in rgb]
    out = [sum(m[i][j] * lin[j] for j in range(3)) for i in range(3)]
    return tuple(_gamma(v) for v in out)  # type: ignore[return-value]


def _lab(rgb: RGB) -> tuple[float, float, float]:
    r, g, b = (_lin(v) for v in rgb)
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116

    fx, fy, fz = f(x), f(y), f(z)
    return (116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz))


def delta_e(a: str | RGB, b: str | RGB) -> float:
    """CIE76 colour difference (about 2.3 is just noticeable; 10+ tells colours apart at a glance)."""
    la = _lab(parse_hex(a) if isinstance(a, str) else a)
    lb = _lab(parse_hex(b) if isinstance(b, str) else b)
    return sum((x - y) ** 2 for x, y in zip(la, lb, strict=True)) ** 0.5


def min_distance(colors: Sequence[str], vision: str = "normal") -> float:
    """Smallest ΔE between any two of ``colors`` as seen with ``vision`` (inf for fewer than two)."""
    seen = [simulate(c, vision) for c in colors]
    return min((delta_e(a, b) for a, b in combinations(seen, 2)), default=float("inf"))


def closest_pair(colors: Sequence[str], names: Sequence[str]) -> tuple[float, str, str, str]:
    """The worst pair over every vision: (ΔE, vision, name a, name b)."""
    worst = (float("inf"), "", "", "")
    for vision in VISIONS:
        seen = [simulate(c, vision) for c in colors]
        for (i, a), (j, b) in combinations(enumerate(seen), 2):
            d = delta_e(a, b)
            if d < worst[0]:
                worst = (d, vision, names[i], names[j])
    return worst


def mark_problems(name: str, color: str, *, trigger: bool = False) -> list[str]:
    """What fails for one highlight colour on each theme's page: one line per failure."""
    out = []
    for theme, t in THEMES.items():
        page = t["base"]
        c = contrast(color, page)
        if c < MIN_MARK:
            out.append(f"{name} {color}: contrast {c:.2f}:1 against the {theme} page {page} (need {MIN_MARK}:1)")
        alpha = (t["alpha"] + (TRIGGER_EXTRA if trigger else 0)) / 255
        tc = contrast(t["text"], blend(color, page, alpha))
        if tc < MIN_TEXT:
            out.append(f"{name} {color}: text {t['text']} on its {theme} tint has {tc:.2f}:1 (need {MIN_TEXT}:1)")
    return out


def type_problems(type_name: str, trigger_color: str, roles: Sequence[tuple[str, str]]) -> list[str]:
    """What fails for one event type shown with its roles: every mark's contrast, the trigger
    taking a role's colour, and two of the colours too close for some colour vision."""
    out = mark_problems(type_name, trigger_color, trigger=True)
    for role, color in roles:
        if color.lower() == trigger_color.lower():
            out.append(f"{type_name}: the trigger has the colour of its role {role} ({color})")
    names = [type_name, *(r for r, _ in roles)]
    colors = [trigger_color, *(c for _, c in roles)]
    d, vision, a, b = closest_pair(colors, names)
    if d < MIN_DELTA_E:
        out.append(f"{type_name}: {a} and {b} differ by ΔE {d:.1f} with {vision} vision (need {MIN_DELTA_E:.0f})")
    return out


def schema_problems(types: Iterable[tuple[str, str, Sequence[tuple[str, str]]]]) -> list[str]:
    """``types``: (name, trigger colour, [(role, colour), ...]) for every type of a schema."""
    out: list[str] = []
    seen: set[tuple[str, str]] = set()
    for name, color, roles in types:
        out.extend(type_problems(name, color, roles))
        for role, rcolor in roles:  # a role's own contrast once, not once per type
            if (role, rcolor) not in seen:
                seen.add((role, rcolor))
                out.extend(mark_problems(role, rcolor))
    return out
