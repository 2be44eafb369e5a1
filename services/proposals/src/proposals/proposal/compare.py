"""The differences between two contents of a proposal, field by field, for the SPA to show side by side.

Lists are compared by item (partners by organisation, priorities and value chain steps by code, attachments by
checksum), so reordering is not a change; long texts get a word-level diff the SPA can render inline.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable
from typing import Any

from proposals.proposal.version_schemas import Change, ChangeKind, TextSegment, VersionContent
from proposals.vocab import FieldType

LABELS = {
    "title": "Title",
    "acronym": "Acronym",
    "summary": "Summary",
    "priorities": "Thematic priorities",
    "value_chain": "Value chain steps",
    "trl": "Technology readiness level (TRL)",
    "budget_eur": "Total budget (EUR)",
    "requested_eur": "Requested funding (EUR)",
    "lead": "Lead organisation",
    "partners": "Partner organisations",
    "attachments": "Attachments",
}
_SCALARS = ("title", "acronym", "trl", "budget_eur", "requested_eur")
_LONG_TEXTS = ("summary",)
# a word with the spaces after it (and any leading spaces): joined back, the tokens give the text unchanged
_WORDS = re.compile(r"^\s+|\S+\s*")
# what an author changes about a partner; its name and region follow the registry
_PARTNER_KEYS = ("status", "role_description")
_ATTACHMENT_KEYS = ("kind", "filename")


def compare(before: VersionContent, after: VersionContent) -> list[Change]:
    """Every difference from `before` to `after`, in the order of the form."""
    changes: list[Change] = []
    for name in _SCALARS[:2]:
        changes += _value_change(name, LABELS[name], getattr(before, name), getattr(after, name))
    for name in _LONG_TEXTS:
        changes += _value_change(name, LABELS[name], getattr(before, name), getattr(after, name), long_text=True)
    changes += _codes("priorities", before.priorities, after.priorities)
    changes += _codes("value_chain", before.value_chain, after.value_chain)
    for name in _SCALARS[2:]:
        changes += _value_change(name, LABELS[name], getattr(before, name), getattr(after, name))
    if before.lead.organisation_id != after.lead.organisation_id:
        changes.append(Change(field="lead", label=LABELS["lead"], change=ChangeKind.changed,
                              before=before.lead.model_dump(mode="json"), after=after.lead.model_dump(mode="json")))
    changes += _items("partners", [p.model_dump(mode="json") for p in before.partners],
                      [p.model_dump(mode="json") for p in after.partners],
                      key=lambda p: p["organisation_id"], compared=_PARTNER_KEYS)
    changes += _answers(before, after)
    changes += _items("attachments", [a.model_dump(mode="json") for a in before.attachments],
                      [a.model_dump(mode="json") for a in after.attachments],
                      key=lambda a: a["sha256"], compared=_ATTACHMENT_KEYS)
    return changes


def word_diff(before: str, after: str) -> list[TextSegment]:
    """The word-level difference of two texts: runs of equal, deleted and inserted words, in reading order."""
    old, new = _WORDS.findall(before), _WORDS.findall(after)
    segments: list[TextSegment] = []

    def add(op: str, words: list[str]) -> None:
        if not words:
            return
        text = "".join(words)
        if segments and segments[-1].op == op:
            segments[-1] = TextSegment(op=op, text=segments[-1].text + text)  # type: ignore[arg-type]
        else:
            segments.append(TextSegment(op=op, text=text))  # type: ignore[arg-type]

    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "equal":
            add("equal", old[i1:i2])
        else:
            add("delete", old[i1:i2])
            add("insert", new[j1:j2])
    return segments


def _present(value: Any) -> bool:
    return value not in (None, "", [], {})


def _value_change(field: str, label: str, before: Any, after: Any, *, long_text: bool = False) -> list[Change]:
    if before == after or (not _present(before) and not _present(after)):
        return []
    if not _present(before):
        kind = ChangeKind.added
    elif not _present(after):
        kind = ChangeKind.removed
    else:
        kind = ChangeKind.changed
    diff = None
    if long_text and isinstance(before, str | None) and isinstance(after, str | None):
        diff = word_diff(before or "", after or "")
    return [Change(field=field, label=label, change=kind, before=before, after=after, diff=diff)]


def _codes(field: str, before: list[str], after: list[str]) -> list[Change]:
    removed = [Change(field=field, label=LABELS[field], change=ChangeKind.removed, item=code, before=code)
               for code in before if code not in after]
    added = [Change(field=field, label=LABELS[field], change=ChangeKind.added, item=code, after=code)
             for code in after if code not in before]
    return removed + added


def _items(
    field: str, before: list[dict[str, Any]], after: list[dict[str, Any]], *, key: Callable[[dict[str, Any]], str],
    compared: Iterable[str],
) -> list[Change]:
    old, new = {key(i): i for i in before}, {key(i): i for i in after}
    label = LABELS[field]
    changes = [Change(field=field, label=label, change=ChangeKind.removed, item=k, before=item)
               for k, item in old.items() if k not in new]
    for k, item in new.items():
        if k not in old:
            changes.append(Change(field=field, label=label, change=ChangeKind.added, item=k, after=item))
        elif any(old[k].get(name) != item.get(name) for name in compared):
            changes.append(Change(field=field, label=label, change=ChangeKind.changed, item=k, before=old[k],
                                  after=item))
    return changes


def _answers(before: VersionContent, after: VersionContent) -> list[Change]:
    """Per answer, in the order of the later form, then the earlier form, then any other key."""
    fields = {f.key: f for f in before.fields} | {f.key: f for f in after.fields}
    order = [f.key for f in after.fields] + [f.key for f in before.fields]
    order += sorted(set(before.answers) | set(after.answers))
    changes: list[Change] = []
    for key in dict.fromkeys(order):
        field = fields.get(key)
        old, new = before.answers.get(key), after.answers.get(key)
        long_text = field is not None and field.type == FieldType.long_text
        changes += _value_change(f"answers.{key}", field.label if field else key, old, new, long_text=long_text)
    return changes
