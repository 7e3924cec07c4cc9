"""The check the browser tests use on a locked record (tests/browser/helpers.py ``locked_leaks``) can
fail: it finds a secret in the clear parts and in the ciphertext's bytes, and it does not take a
chance run of letters in the base64 text for one."""

from __future__ import annotations

import base64
import json

from tests.browser.helpers import locked_leaks


def record(data: bytes, **clear) -> str:
    return json.dumps({"format": "overdue-help/situation", "version": 2,
                       "locked": {"salt": "c2FsdA==", "iv": "aXY=", "data": base64.b64encode(data).decode()},
                       **clear}, ensure_ascii=False)


def test_ciphertext_whose_base64_spells_a_secret_is_not_a_leak():
    data = base64.b64decode("AQx7" * 4)  # base64 text holding "Qx7", bytes that do not
    kept = record(data)
    assert "Qx7" in kept and b"Qx7" not in data
    assert locked_leaks(kept, "Qx7") == []


def test_a_secret_in_the_ciphertext_bytes_or_beside_the_lock_is_found():
    assert locked_leaks(record(b"\x00" + "Qx7卡".encode() + b"\x01"), "Qx7卡", "15000") == ["Qx7卡"]
    assert locked_leaks(record(b"\x00", pairs=[["debts.0.balance", "15000"]]), "Qx7卡", "15000") == ["15000"]
    assert locked_leaks(record(b"\x00", hint="Qx7卡"), "Qx7卡") == ["Qx7卡"]


def test_a_record_that_is_not_locked_leaks_everything():
    kept = json.dumps({"format": "overdue-help/situation", "version": 2, "pairs": []})
    assert locked_leaks(kept, "Qx7", "15000") == ["Qx7", "15000"]
