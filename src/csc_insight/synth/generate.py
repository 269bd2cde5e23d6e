"""The generator's entry points: `generate` builds a world, `write` writes its files."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from csc_insight.synth.early_help_referrals import add_early_help_referrals
from csc_insight.synth.journeys import simulate
from csc_insight.synth.profiles import PROFILES
from csc_insight.synth.short_breaks import add_short_breaks
from csc_insight.synth.world import World


def generate(profile: str, seed: int, start: date, end: date, *, progress: bool = False) -> World:
    """A deterministic synthetic world for `profile` ('city', 'borough', 'england')."""
    if profile not in PROFILES:
        raise ValueError(f"unknown profile {profile!r}: choose from {', '.join(PROFILES)}")
    if end < start:
        raise ValueError("end is before start")
    with _bar(progress, 5, "Generating") as bar:
        world = simulate(
            PROFILES[profile],
            seed,
            start,
            end,
            progress=lambda what: (bar.set_postfix_str(what), bar.update(1)),
        )
    add_early_help_referrals(world)
    add_short_breaks(world)
    return world


def write(
    world: World,
    out: Path,
    *,
    progress: bool = False,
    annex_a_style: str = "short",
    ssda903_form: str = "csv",
) -> list[Path]:
    """Write every file (Annex A, CIN census, SSDA903, local extras) into `out`; Annex A's
    headings and codes spelt in `annex_a_style` (see `synth.write_annexa`); the SSDA903
    tables as CSV files or, with `ssda903_form` 'xml', as one XML file."""
    from csc_insight.synth.write_903 import write_903
    from csc_insight.synth.write_annexa import write_annexa
    from csc_insight.synth.write_cin import write_cin
    from csc_insight.synth.write_local import write_local

    out.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    years = len(world.collection_years())
    with _bar(progress, 3 + years, "Writing") as bar:

        def step(what: str) -> None:
            bar.set_postfix_str(what)
            bar.update(1)

        step("Annex A")
        paths += write_annexa(world, out, style=annex_a_style)
        paths += write_cin(world, out, progress=step)
        step("SSDA903")
        paths += write_903(world, out, ssda903_form)
        step("local extras")
        paths += write_local(world, out)
    return paths


def _bar(enabled: bool, total: int, desc: str):
    from tqdm import tqdm

    return tqdm(total=total, desc=desc, disable=not enabled, leave=False, unit="step")
