"""One assertion for "a result, or a message the reader can act on": every hostile-input, letter
and fuzz-style test uses it, so a crash can never pass as an answer.

``calculators.web.run`` never raises: a crash inside a calculator comes back as its generic reply
("计算时出了问题…", field ""). That reply keeps the page alive, but in a test it is a failure:
it means the code broke, not that the input was bad. A field's own message names the field (or,
for a form that cannot be read at all, says so) in both languages.
"""

from __future__ import annotations

from calculators import web

BROKEN = web._BROKEN  # the generic reply: never an accepted outcome in a test


def result_or_message(reply: dict, slug: str) -> None:
    """Fail unless ``reply`` (a parsed ``web.run`` reply) is a result, or an input message in both
    languages on one of ``slug``'s fields (or on the form as a whole) that is not the crash reply."""
    assert isinstance(reply, dict) and isinstance(reply.get("ok"), bool), f"not a reply: {reply!r}"
    if reply["ok"]:
        assert "result" in reply or "ics" in reply or "html" in reply or "rest" in reply, \
            f"{slug}: ok without a result: {reply!r}"
        return
    message = reply.get("message") or {}
    assert message != BROKEN, f"{slug}: the calculator crashed (the generic reply): {reply!r}"
    assert message.get("zh") and message.get("en"), f"{slug}: a message must be in both languages: {reply!r}"
    field = reply.get("field", "")
    base = slug.removesuffix(web.CALENDAR_SUFFIX).removesuffix(web.REST_SUFFIX)
    module = web.calculator(base)
    known = {f.name for f in module.FIELDS} | {spec.name for spec in getattr(module, "LISTS", ())}
    known |= {web.CALENDAR.FIRST.name}
    assert field == "" or field.split(".")[0] in known, f"{slug}: message on an unknown field {field!r}"
