"""The "keep on this device" panel of my situation (docs/calculators/plan*.md; situation.js does the work).

Every word is written here, in the page's language, into data-msg-* attributes and labels; the
script only shows them. Nothing is kept until the reader turns the switch on.
"""

from __future__ import annotations

from html import escape

WORDS = {
    "zh": {
        "title": "保存在这台设备上",
        "keep": "在这台设备上保存我的情况（和催收记录存在一起，只存在这个浏览器里，不会发到任何地方）",
        "lock_summary": "共用手机？用密码加密",
        "passphrase": "密码（至少 8 个字，忘了就打不开，只能删除重填）",
        "lock": "设置密码并加密",
        "unlock_label": "这里保存的情况已经加密，输入密码打开",
        "unlock": "打开",
        "export": "导出到文件",
        "import": "从文件导入",
        "erase": "删除全部",
        "msg-saved": "已保存在这台设备上。",
        "msg-off": "没有保存：关掉这个页面，填的内容就没有了。",
        "msg-removed": "你的情况和催收记录已从这台设备上删除。",
        "msg-locked": "已加密保存。别人打开这个页面，看到的只是一段乱码。",
        "msg-short": "密码至少要 8 个字。",
        "msg-wrong": "密码不对，内容没有打开。可以再试一次；忘了密码，只能点“删除全部”重新填写。",
        "msg-erased": "这台设备上保存的情况和催收记录已经删除，表格也清空了。",
        "msg-exported": "已导出。文件里是你的情况和催收记录，请放在只有你能打开的地方。",
        "msg-imported": "已导入，下面的表格已经填好。",
        "msg-bad-file": "这个文件读不出来：它不是本站导出的“我的情况”文件，或者已经损坏。表格里原来的内容没有改动。",
        "msg-new-file": "这个文件是本站更新的版本导出的，这个页面还读不了。请刷新页面后再导入。",
        "msg-no-storage": "这个浏览器不允许保存（可能是无痕模式）。填的内容只在这个页面打开时有效。",
        "confirm-erase": "确定删除这台设备上保存的全部内容（你的情况和催收记录）吗？删除后不能恢复。",
    },
    "en": {
        "title": "Keep it on this device",
        "keep": "Keep my situation on this device (with the collection log, only in this browser; it is never sent "
                "anywhere)",
        "lock_summary": "Shared phone? Lock it with a passphrase",
        "passphrase": "Passphrase (at least 8 characters; if you forget it, you can only delete and start again)",
        "lock": "Set passphrase and lock",
        "unlock_label": "What is kept here is locked: enter the passphrase to open it",
        "unlock": "Open",
        "export": "Export to a file",
        "import": "Import from a file",
        "erase": "Delete everything",
        "msg-saved": "Kept on this device.",
        "msg-off": "Not kept: when you close this page, what you entered is gone.",
        "msg-removed": "Your situation and collection log are removed from this device.",
        "msg-locked": "Locked and kept. Anyone else opening this page sees only scrambled text.",
        "msg-short": "The passphrase needs at least 8 characters.",
        "msg-wrong": "That passphrase is not right; nothing was opened. Try again; if you have forgotten it, "
                     "the only way on is Delete everything.",
        "msg-erased": "What was kept on this device (your situation and collection log) is deleted, and the form is "
                      "cleared.",
        "msg-exported": "Exported. The file holds your situation and your collection log: keep it where only you "
                        "can open it.",
        "msg-imported": "Imported: the form below is filled in.",
        "msg-bad-file": "This file cannot be read: it is not a My situation file from this site, or it is "
                        "damaged. The form was not changed.",
        "msg-new-file": "This file comes from a newer version of this site, which this page cannot read yet. "
                        "Reload the page and import it again.",
        "msg-no-storage": "This browser does not allow keeping anything (private mode, perhaps). What you enter "
                          "lasts only while this page is open.",
        "confirm-erase": "Delete everything kept on this device (your situation and collection log)? It cannot "
                         "be undone.",
    },
}


# The collection log's page (docs/letters/collection-log.md) keeps its part of the same document:
# the same switch, lock and "delete everything", in words that say what is kept there.
LOG_WORDS = {
    "zh": {
        "keep": "在这台设备上保存（催收记录和“我的情况”存在一起，只存在这个浏览器里，不会发到任何地方）",
        "msg-imported": "已导入，下面的记录已经填好。",
        "msg-erased": "这台设备上保存的催收记录和“我的情况”已经删除，这个页面的记录也清空了。",
        "msg-exported": "已导出。文件里是你的催收记录和“我的情况”，请放在只有你能打开的地方。",
    },
    "en": {
        "keep": "Keep on this device (the log is kept with My situation, only in this browser; it is never sent "
                "anywhere)",
        "msg-imported": "Imported: the entries below are filled in.",
        "msg-erased": "The collection log and My situation kept on this device are deleted, and this page's "
                      "entries are cleared.",
        "msg-exported": "Exported. The file holds your collection log and your situation: keep it where only you "
                        "can open it.",
    },
}
# which part of the kept document each page shows, and the form it fills (situation.js)
PARTS = {"situation": ("pairs", "plan"), "log": ("log", "collection-log")}


def panel(lang: str, part: str = "situation") -> str:
    """The panel's HTML: the switch, the passphrase, export, import and delete everything.

    ``part``: "situation" on the plan page, "log" on the collection log's page (one document, one switch)."""
    w = {**WORDS[lang], **(LOG_WORDS[lang] if part == "log" else {})}
    key, form = PARTS[part]
    e = lambda key: escape(w[key], quote=True)  # noqa: E731
    msgs = " ".join(f'data-{key}="{e(key)}"' for key in w if key.startswith(("msg-", "confirm-")))
    return f"""<section class="situation-store" data-situation-store data-part="{key}" data-form="{form}" {msgs} aria-label="{e('title')}">
<p class="situation-store-title"><strong>{e('title')}</strong></p>
<label class="situation-keep"><input type="checkbox" data-store-keep> {e('keep')}</label>
<div class="situation-unlock" data-store-unlock hidden>
<label>{e('unlock_label')} <input type="password" data-store-unlock-input autocomplete="current-password"></label>
<button type="button" class="calc-button" data-store-action="unlock">{e('unlock')}</button>
</div>
<details class="situation-lock"><summary>{e('lock_summary')}</summary>
<label>{e('passphrase')} <input type="password" data-store-passphrase autocomplete="new-password" minlength="8"></label>
<button type="button" class="calc-button" data-store-action="lock">{e('lock')}</button>
</details>
<p class="situation-store-actions">
<button type="button" class="calc-button" data-store-action="export">{e('export')}</button>
<label class="calc-button situation-import">{e('import')} <input type="file" accept=".json,application/json" data-store-import></label>
<button type="button" class="calc-button situation-erase" data-store-action="erase">{e('erase')}</button>
</p>
<p class="situation-store-status" data-store-status role="status" aria-live="polite">{e('msg-off')}</p>
</section>"""
