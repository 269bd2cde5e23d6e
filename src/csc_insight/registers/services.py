"""What the register pages and the command line do, in one place: the missing register
with the loaded episodes and alerts, for everyone or for one child."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from csc_insight.registers import missing
from csc_insight.registers.models import MissingEpisode, QuarantinedRow

KINDS = {"missing": "Children missing from home and care"}


def today() -> date:
    return timezone.localdate()


@dataclass(frozen=True)
class MissingView:
    episodes: list[missing.Episode]  # merged, newest first, with alerts
    register_count: int
    loaded_count: int | None  # None: no data loaded
    alert_counts: dict[str, int]
    on: date

    @property
    def child_ids(self) -> list[str]:
        return list(dict.fromkeys(ep.child_id for ep in self.episodes))

    @property
    def alerted(self) -> list[missing.Episode]:
        return [ep for ep in self.episodes if ep.alerts]


def missing_view(child_id: str | None = None, on: date | None = None,
                 snapshot_id: str | None = None) -> MissingView:
    """The register (for one child, or all) merged with the loaded episodes, with alerts."""
    on = on or today()
    rows = MissingEpisode.objects.all()
    if child_id is not None:
        rows = rows.filter(child_id=child_id)
    register = [missing.from_model(r) for r in rows]
    loaded = missing.loaded_episodes(child_id, snapshot_id)
    episodes = missing.with_alerts(missing.merged(register, loaded or []), on)
    return MissingView(episodes=episodes, register_count=len(register),
                       loaded_count=None if loaded is None else len(loaded),
                       alert_counts=missing.alert_counts(episodes), on=on)


def quarantined(register: str) -> list[QuarantinedRow]:
    return list(QuarantinedRow.objects.filter(register=register)[:200])


def missing_for_command(username: str, include_restricted: bool = False,
                        on: date | None = None) -> tuple[MissingView, frozenset[str]]:
    """The register for `registers list missing`: (the view, the restricted ids to mask),
    with one access-log event holding every id shown, as a list page writes.

    The access log and restricted records are kept by the web app's models (web/accesslog,
    web/restricted); this is the one place the registers reach them from the command line."""
    from django.contrib.auth import get_user_model

    from csc_insight.web.accesslog.record import record_command
    from csc_insight.web.restricted.access import restricted_ids

    view = missing_view(on=on)
    masked = frozenset() if include_restricted else restricted_ids()
    shown = [c for c in view.child_ids if c not in masked]
    known = get_user_model().objects.filter(username__iexact=username).first()
    record_command(username, known.pk if known else None, "registers list missing", shown,
                   reason=f"missing register: {len(shown)} of {len(view.child_ids)} children "
                          "shown" + (", restricted records included" if include_restricted
                                     else ""))
    return view, masked
