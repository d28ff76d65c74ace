"""Small display helpers for the staff case screens."""

import datetime as dt

from django import template
from django.utils.html import format_html

from netra.cases.choices import Status
from netra.cases.inbox import due_state
from netra.cases.rules.deadlines import DUE_SOON, MET, OVERDUE, RUNNING, UNIT_LABELS_ID

register = template.Library()

CLOCK_LABELS = {RUNNING: "Berjalan", DUE_SOON: "Segera jatuh tempo", OVERDUE: "Lewat batas waktu", MET: "Terpenuhi"}
STATUS_LABELS = dict(Status.choices)


@register.simple_tag
def status_badge(status: str):
    return format_html('<span class="badge status-{}">{}</span>', status, STATUS_LABELS.get(status, status))


@register.filter
def unit_label(unit: str) -> str:
    return UNIT_LABELS_ID.get(unit, unit)


@register.filter
def days_left_label(clock) -> str:
    """The clock's days left in words and in its unit: "3 hari lagi", "lewat 5 hari kerja"."""
    unit = UNIT_LABELS_ID.get(clock.unit, clock.unit)
    days = clock.days_left
    if clock.status == MET:
        return f"selesai {days} {unit} sebelum batas" if days >= 0 else f"selesai {-days} {unit} setelah batas"
    if days < 0:
        return f"lewat {-days} {unit}"
    return f"{unit} terakhir" if days == 0 else f"{days} {unit} lagi"


@register.filter
def clock_label(status: str) -> str:
    return CLOCK_LABELS.get(status, status)


@register.filter
def due_class(due: dt.date | None, today: dt.date) -> str:
    return due_state(due, today)


@register.filter
def filesize(size: int | None) -> str:
    """Bytes as "12,3 KB" / "4,5 MB" (Indonesian decimal comma)."""
    if size is None:
        return ""
    for unit, scale in (("MB", 1024 * 1024), ("KB", 1024)):
        if size >= scale:
            return f"{size / scale:.1f} {unit}".replace(".", ",")
    return f"{size} B"
