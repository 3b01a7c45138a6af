"""Explorers: a plotly.js figure with labelled controls that switch among precomputed results.

An :class:`Explorer` holds a grid of settings (one value of each control) and, for every setting,
the lines the notebook computed for it. Displayed in a notebook it is plain HTML: native, labelled
``<input type="range">`` (numbers) and ``<select>`` (names) controls that a keyboard operates, a
plotly.js figure and a sentence that says what is shown. Switching a control redraws the figure
from the stored results, so it works without a kernel: on the course site (which serves plotly.js
itself, see ``book/_ext/trainwell_site.py``) and live in Jupyter or Colab (which load plotly.js
from its CDN when the page has none).
"""

from __future__ import annotations

import html
import itertools
import json
import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

__all__ = ["Control", "Explorer", "explorer"]

Line = tuple[Sequence[float], Sequence[float]]
NAME = re.compile(r"[a-z][a-z0-9-]*")
DIGITS = 4
PLOTLY_CDN = "https://cdn.plot.ly/plotly-{version}.min.js"
# What marks an explorer in a page or a notebook output (the site and the tests look for it).
MARK = 'class="trainwell-explorer"'


@dataclass(frozen=True)
class Control:
    """One control: its label and the values it steps through (numbers give a slider)."""

    label: str
    values: tuple

    @property
    def numeric(self) -> bool:
        return all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in self.values)


@dataclass(frozen=True)
class Explorer:
    """Precomputed lines for every setting of the controls, shown as an explorer."""

    name: str
    alt: str
    controls: tuple[Control, ...]
    frames: Mapping[tuple, Mapping[str, Line]]
    xlabel: str
    ylabel: str
    logx: bool = False
    logy: bool = False

    def frame(self, *setting) -> dict[str, tuple[list[float], list[float]]]:
        """The lines shown for one setting (one value per control), as stored in the page."""
        if setting not in self.frames:
            raise KeyError(f"{setting!r} is not a setting of explorer {self.name!r}")
        return {
            label: (_rounded(x), _rounded(y)) for label, (x, y) in self.frames[setting].items()
        }

    def spec(self) -> dict:
        """What the page's script reads: controls, one plotly figure per setting, the layout."""
        settings = list(itertools.product(*(range(len(c.values)) for c in self.controls)))
        frames = {}
        for index in settings:
            setting = tuple(c.values[i] for c, i in zip(self.controls, index))
            frames["|".join(map(str, index))] = [
                {"type": "scatter", "mode": "lines+markers", "name": label, "x": x, "y": y}
                for label, (x, y) in self.frame(*setting).items()
            ]
        return {
            "controls": [
                {"label": c.label, "values": [str(v) for v in c.values]} for c in self.controls
            ],
            "frames": frames,
            "layout": self._layout(),
            "cdn": PLOTLY_CDN.format(version=_plotly_version()),
        }

    def _layout(self) -> dict:
        ys = [
            v for lines in self.frames.values() for _, y in lines.values()
            for v in np.asarray(y, dtype=float).ravel() if math.isfinite(v) and (v > 0 or not self.logy)
        ]
        yaxis = {"title": {"text": self.ylabel}, "type": "log" if self.logy else "linear"}
        if ys:
            low, high = min(ys), max(ys)
            if self.logy:
                low, high = math.log10(low), math.log10(high)
            pad = 0.05 * (high - low or 1.0)
            yaxis["range"] = [low - pad, high + pad]
        return {
            "xaxis": {"title": {"text": self.xlabel}, "type": "log" if self.logx else "linear"},
            "yaxis": yaxis,
            "margin": {"l": 60, "r": 20, "t": 20, "b": 50},
            "height": 360,
            "legend": {"orientation": "h", "y": -0.25},
            "template": "plotly_white",
        }

    def _repr_html_(self) -> str:
        ident = f"tw-{self.name}"
        controls = []
        for i, control in enumerate(self.controls):
            cid = f"{ident}-c{i}"
            label = f'<label for="{cid}">{html.escape(control.label)}</label>'
            if control.numeric:
                widget = (
                    f'<input type="range" id="{cid}" min="0" max="{len(control.values) - 1}" '
                    f'step="1" value="0" aria-valuetext="{html.escape(str(control.values[0]))}">'
                    f'<output for="{cid}">{html.escape(str(control.values[0]))}</output>'
                )
            else:
                options = "".join(
                    f'<option value="{j}">{html.escape(str(v))}</option>'
                    for j, v in enumerate(control.values)
                )
                widget = f'<select id="{cid}">{options}</select>'
            controls.append(f'<span class="tw-control">{label} {widget}</span>')
        data = json.dumps(self.spec(), separators=(",", ":")).replace("</", "<\\/")
        return (
            f'<figure {MARK} id="{ident}">'
            f'<div class="tw-controls">{"".join(controls)}</div>'
            f'<div class="tw-plot" id="{ident}-plot" role="img" aria-label="{html.escape(self.alt)}"></div>'
            f'<figcaption class="tw-status" aria-live="polite"></figcaption>'
            f'<script type="application/json" id="{ident}-data">{data}</script>'
            f"<script>{_SCRIPT.replace('IDENT', ident)}</script>"
            "</figure>"
        )

    def __repr__(self) -> str:
        controls = ", ".join(f"{c.label} ({len(c.values)})" for c in self.controls)
        return f"Explorer {self.name!r}: {controls}; {len(self.frames)} precomputed settings"


def explorer(
    name: str,
    controls: Mapping[str, Sequence],
    lines: Mapping[tuple, Mapping[str, Line]] | Callable[..., Mapping[str, Line]],
    *,
    alt: str,
    xlabel: str,
    ylabel: str,
    logx: bool = False,
    logy: bool = False,
) -> Explorer:
    """An explorer over every combination of ``controls`` (label -> values).

    ``lines`` gives, for each setting (a tuple with one value per control, in order), the lines to
    draw as ``{legend label: (x, y)}``: either a mapping that holds every setting, or a function
    called with the setting's values. ``alt`` says what the figure shows (read by screen readers);
    ``name`` (lower-case letters, digits, hyphens) must be unique on its page.
    """
    if not NAME.fullmatch(name):
        raise ValueError(f"explorer name {name!r}: use lower-case letters, digits and hyphens")
    if len(alt.split()) < 8:
        raise ValueError(f"explorer {name!r}: alt text must say what the figure shows ({alt!r})")
    if not controls:
        raise ValueError(f"explorer {name!r} needs at least one control")
    parsed = tuple(Control(label, tuple(values)) for label, values in controls.items())
    for control in parsed:
        if not control.values:
            raise ValueError(f"explorer {name!r}: control {control.label!r} has no values")
    settings = list(itertools.product(*(c.values for c in parsed)))
    frames = {}
    for setting in settings:
        try:
            frame = lines(*setting) if callable(lines) else lines[setting]
        except KeyError:
            raise ValueError(f"explorer {name!r}: no lines for the setting {setting!r}") from None
        if not frame:
            raise ValueError(f"explorer {name!r}: no lines for the setting {setting!r}")
        for label, (x, y) in frame.items():
            if np.shape(x) != np.shape(y) or np.ndim(x) != 1:
                raise ValueError(
                    f"explorer {name!r}, setting {setting!r}, line {label!r}: x and y must be "
                    f"1-D and of one length, not {np.shape(x)} and {np.shape(y)}"
                )
        frames[setting] = dict(frame)
    return Explorer(name, alt, parsed, frames, xlabel, ylabel, logx, logy)


def _rounded(values) -> list[float | None]:
    """Values to ``DIGITS`` significant digits (stored outputs stay readable and stable);
    NaN and infinities become gaps."""
    out = []
    for v in np.asarray(values, dtype=float).ravel().tolist():
        out.append(float(f"{v:.{DIGITS}g}") if math.isfinite(v) else None)
    return out


def _plotly_version() -> str:
    from plotly.offline import get_plotlyjs_version

    return get_plotlyjs_version()


# Reads the JSON spec beside it, builds the figure, redraws it when a control changes. On a page
# without plotly.js (Jupyter, Colab) it first loads plotly.js, through require.js where the page
# has it (classic Notebook), else with a script element.
_SCRIPT = """(function(){
var root=document.getElementById("IDENT"),spec=JSON.parse(document.getElementById("IDENT-data").textContent),
plot=document.getElementById("IDENT-plot"),status=root.querySelector(".tw-status"),
inputs=spec.controls.map(function(c,i){return document.getElementById("IDENT-c"+i);});
function draw(){
 var idx=inputs.map(function(e){return Number(e.value);}),key=idx.join("|"),words=[];
 inputs.forEach(function(e,i){var v=spec.controls[i].values[idx[i]];words.push(spec.controls[i].label+" "+v);
  if(e.type==="range"){e.setAttribute("aria-valuetext",v);e.nextElementSibling.textContent=v;}});
 root.dataset.setting=key;status.textContent="Showing "+words.join(", ")+".";
 window.Plotly.react(plot,spec.frames[key],spec.layout,{displayModeBar:false,responsive:true});
}
function start(){inputs.forEach(function(e){e.addEventListener("input",draw);e.addEventListener("change",draw);});draw();}
if(window.Plotly){start();}
else if(window.requirejs){requirejs.config({paths:{plotly:spec.cdn.replace(/\\.js$/,"")}});
 requirejs(["plotly"],function(P){window.Plotly=P;start();});}
else{var s=document.createElement("script");s.src=spec.cdn;s.onload=start;document.head.appendChild(s);}
})();"""
