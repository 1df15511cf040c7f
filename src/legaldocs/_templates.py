"""Commented amendment files to start from: ``legaldocs amend --template KIND``.

Each template is a complete TOML amendment file with one change of the kind asked for; every
line is explained in a comment, and the file loads as it stands (``loads(text, Amendment,
"toml")``), so a user edits values rather than writing syntax. The format is documented in
``docs/howto/amendment-files.md``.
"""

from __future__ import annotations

__all__ = ["KINDS", "template"]

_HEADER = """\
# A legaldocs amendment file (TOML). Check it and add it to a history with
#     legaldocs amend HISTORY.json THIS-FILE.toml
# The format is documented in the how-to "Amendment files" (docs/howto/amendment-files.md).
schema = 1                 # the layout of this file; always 1
type = "Amendment"         # what the file holds
id = "2024-04"             # unique within the history (shown by `legaldocs log`)
title = "お問い合わせ窓口の移転"  # a short description
enacted = "2024-03-01"     # the day it was adopted: 2024-03-01, 2024年3月1日 or 令和6年3月1日
effective = "2024-04-01"   # in force from 00:00 that day (Asia/Tokyo); or a moment with
                           # its offset: "2024-04-01T09:00:00+09:00"
# note = "…"               # optional: anything worth keeping with the amendment

# One [[changes]] table per change, applied in order. A target is a citation read against
# the text as left by the changes before it ("第3条第2項", "第三条の二", "附則第1条",
# "前文第1項"), or a key path that names an element whatever its number ("a3/p2").
# A change may take effect later than the amendment: effective = "2024-10-01".
"""

_EXPECT = """\
# expect = "sha256:0123456789abcdef"
#   optional, recommended: the fingerprint of the target as you read it
#   (python -c 'import legaldocs as L; print(L.fingerprint(L.load("h.json",
#   L.History).current.get("第15条第2項")))'); the change is refused if the
#   target says anything else by the time it applies. Without it, a target
#   rewritten in the meantime is changed whatever it now says.
"""

_CHANGES: dict[str, str] = {
    "replace-phrase": """\
[[changes]]
type = "ReplacePhrase"     # 第15条第2項中「〒150-0022」を「〒150-0013」に改める。
target = "第15条第2項"
old = "〒150-0022"          # must occur exactly once in the target, unless:
new = "〒150-0013"
# occurrence = 2           # the n-th occurrence (from 1), or
# every = true             # every occurrence
""",
    "insert-phrase": """\
[[changes]]
type = "InsertPhrase"      # 第3条中「氏名」の下に「、住所」を加える。
target = "第3条"
anchor = "氏名"             # the phrase to insert next to (must occur once, see occurrence)
phrase = "、住所"
position = "after"         # "after" (の下に) or "before" (の上に)
# occurrence = 1
""",
    "delete-phrase": """\
[[changes]]
type = "DeletePhrase"      # 第5条中「、電話番号」を削る。
target = "第5条"
phrase = "、電話番号"
# occurrence = 1           # or every = true
""",
    "replace-element": """\
[[changes]]
type = "ReplaceElement"    # 第6条を次のように改める。
target = "第6条"            # keeps its key and number; the new element must be of the same kind

[changes.element]
type = "Article"
key = "a6"                 # ignored: the target's key is kept
num = 6                    # ignored: the target's number is kept
caption = "(個人情報の第三者提供)"

[[changes.element.paragraphs]]
key = "p1"
num = 1
text = "当グループ等は、法令に基づく場合を除き、個人情報を第三者に提供しません。"
""",
    "set-caption": """\
[[changes]]
type = "SetCaption"        # 第7条の見出しを「(アクセス解析)」に改める。
target = "第7条"            # an article
caption = "(アクセス解析)"   # as written, brackets included; leave the line out to remove it
""",
    "insert-element": """\
[[changes]]
type = "InsertElement"     # 第3条の次に次の一条を加える。
after = "第3条"             # exactly one of: after = …, before = …, parent = … ("" is the body)

[changes.element]
type = "Article"
key = "new"                # not used: the inserted element gets a fresh key (a3_2)
num = "3の2"                # must be free and fall between its neighbours: 第3条の2
caption = "(仮名加工情報)"

[[changes.element.paragraphs]]
key = "p1"
num = 1
text = "当グループ等は、仮名加工情報を作成することがあります。"
""",
    "delete-element": """\
[[changes]]
type = "DeleteElement"     # 第9条を削る。
target = "第9条"
# placeholder = true       # keep the number as 「第9条　削除」 instead of removing it
""",
    "renumber": """\
[[changes]]
type = "Renumber"          # 第10条を第9条とする。
target = "第10条"
num = 9                    # the new number; "9の2" for a branch number
""",
    "shift": """\
[[changes]]
type = "Shift"             # 第10条から第13条までを一条ずつ繰り上げる。
first = "第10条"
last = "第13条"             # leave out to shift to the last sibling
by = -1                    # negative: 繰り上げ; positive: 繰り下げ; never 0
""",
    "repeal": """\
[[changes]]
type = "Repeal"            # 廃止: the whole document is no longer in force from `effective`
""",
    "rekey": """\
[[changes]]
type = "Rekey"             # bookkeeping only: give an element another key (no legal effect)
target = "第46条"
key = "a46"                # unused among its siblings; no "/"
""",
    "set-document-field": """\
[[changes]]
type = "SetDocumentField"  # 題名を次のように改める。
field = "title"            # title, alt_title, law_num, lang (strings), toc or style (tables)
value = "個人情報保護方針"
""",
}

_EXPECTING = {
    "replace-phrase",
    "insert-phrase",
    "delete-phrase",
    "replace-element",
    "set-caption",
    "delete-element",
    "set-document-field",
}

KINDS: tuple[str, ...] = tuple(_CHANGES)
"""The change kinds a template exists for, in the order of the docs."""


def template(kind: str) -> str:
    """The commented amendment file for ``kind`` (one of :data:`KINDS`)."""
    body = _CHANGES[kind]
    if kind in _EXPECTING:
        body += _EXPECT
    return _HEADER + "\n" + body
