#!/usr/bin/env python3
"""Writes the committed seed corpus of the fuzz targets: fuzz/corpus/<target>/<what-it-is>.

Run from anywhere: `python3 fuzz/make_seeds.py`. It replaces the four corpus folders whole, so
edit this script rather than the files. Signatures are made with the `minisign` tool
(`cargo xtask setup` installs it) and the development key in data/umbria/dev-key.

What the seeds cover (issue #8): JSONTestSuite-style malformed JSON, huge numbers, deep
nesting, invalid UTF-8, lone surrogates, bidi control characters, `javascript:` and `data:`
links, HTML in every text field, out-of-range coordinates, duplicate ids, and the bundled
feed's real manifest, signature and snapshot.
"""

import copy
import json
import os
import shutil
import subprocess
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
FEED = os.path.join(ROOT, "data/umbria/feed")
KEY = os.path.join(ROOT, "data/umbria/dev-key/DEVELOPMENT-ONLY.key")
CORPUS = os.path.join(HERE, "corpus")
# The manifest target's input: manifest bytes, then this line, then a .minisig file's text.
SEPARATOR = b"\n#minisig\n"

corpora = {"manifest": {}, "snapshot": {}, "delta": {}, "opening_hours": {}}


def seed(target, name, data):
    if isinstance(data, str):
        data = data.encode()
    assert name not in corpora[target], name
    corpora[target][name] = data


def dumps(value):
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()


def read(name):
    with open(os.path.join(FEED, name), "rb") as f:
        return f.read()


def sign(data, legacy=False, comment="feed:umbria\tversion:2"):
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "manifest.json")
        with open(path, "wb") as f:
            f.write(data)
        args = ["minisign", "-S", "-s", KEY, "-m", path, "-t", comment]
        if legacy:
            args.append("-l")
        subprocess.run(args, check=True, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
        with open(path + ".minisig", "rb") as f:
            return f.read()


# --- JSON in general: every JSON target gets these -------------------------------------------

# (name, bytes) after JSONTestSuite's y_ (must parse), n_ (must not) and i_ (either) cases.
JSON_SUITE = [
    ("n_empty_file", b""),
    ("n_only_whitespace", b" \t\r\n "),
    ("n_array_1_true_without_comma", b"[1 true]"),
    ("n_array_extra_comma", b'["",]'),
    ("n_array_unclosed", b"["),
    ("n_array_unclosed_with_object", b"[{}"),
    ("n_object_trailing_comma", b'{"id":0,}'),
    ("n_object_single_quote", b"{'a':0}"),
    ("n_object_unquoted_key", b"{a:0}"),
    ("n_object_missing_value", b'{"a":}'),
    ("n_object_non_string_key", b"{1:1}"),
    ("n_object_repeated_null_null", b"{null:null,null:null}"),
    ("n_number_leading_zero", b"[012]"),
    ("n_number_plus", b"[+1]"),
    ("n_number_nan", b"[NaN]"),
    ("n_number_infinity", b"[-Infinity]"),
    ("n_number_hex", b"[0x1]"),
    ("n_number_dot_only", b"[.]"),
    ("n_number_exp_no_digits", b"[1e]"),
    ("n_string_unescaped_tab", b'["\t"]'),
    ("n_string_unescaped_newline", b'["a\nb"]'),
    ("n_string_single_quote", b"['a']"),
    ("n_string_invalid_escape", b'["\\x00"]'),
    ("n_string_incomplete_unicode", b'["\\u00A"]'),
    ("n_string_backslash_at_end", b'["\\'),
    ("n_structure_open_open", b'["\\{["\\{["\\{["\\{'),
    ("n_structure_null_byte_outside", b"[\x00]"),
    ("n_structure_trailing_garbage", b"{}x"),
    ("n_structure_two_values", b"{}{}"),
    ("n_structure_comment", b'{"a":1 /* c */}'),
    ("n_structure_utf8_bom_object", b"\xef\xbb\xbf{}"),
    ("n_structure_utf16le_bom", "\ufeff{}".encode("utf-16-le")),
    ("n_incomplete_true", b"[tru]"),
    ("n_structure_lone_close", b"]"),
    ("i_string_lone_leading_surrogate", b'["\\uD800"]'),
    ("i_string_lone_trailing_surrogate", b'["\\uDC00"]'),
    ("i_string_inverted_surrogates", b'["\\uDC00\\uD800"]'),
    ("i_string_surrogate_then_escape_u", b'["\\uD800\\u0041"]'),
    ("i_string_invalid_utf8_ff", b'["\xff"]'),
    ("i_string_truncated_utf8", b'["\xe2\x82"]'),
    ("i_string_overlong_utf8", b'["\xc0\xaf"]'),
    ("i_string_utf8_encoded_surrogate", b'["\xed\xa0\x80"]'),
    ("i_string_nul_escape", b'["\\u0000"]'),
    ("i_number_huge_exp", b"[1e999999]"),
    ("i_number_neg_huge_exp", b"[-1e-999999]"),
    ("i_number_very_big_int", b"[" + b"9" * 400 + b"]"),
    ("i_number_very_long_fraction", b"[0." + b"1" * 2000 + b"]"),
    ("y_empty_object", b"{}"),
    ("y_empty_array", b"[]"),
    ("y_string_escapes", b'["\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e8\\ud83d\\ude00"]'),
    ("deep_arrays_127", b"[" * 127 + b"]" * 127),
    ("deep_arrays_128", b"[" * 128 + b"]" * 128),
    ("deep_arrays_129_unclosed", b"[" * 129),
    ("deep_arrays_3000_unclosed", b"[" * 3000),
    ("deep_objects_1000_unclosed", b'{"a":' * 1000),
]

for target in ["manifest", "snapshot", "delta"]:
    for name, data in JSON_SUITE:
        seed(target, "json-" + name, data)


# --- The manifest -----------------------------------------------------------------------------

real_manifest = read("manifest.json")
real_signature = read("manifest.json.minisig")
seed("manifest", "real-manifest", real_manifest)
seed("manifest", "real-manifest-and-signature", real_manifest + SEPARATOR + real_signature)
seed("manifest", "real-manifest-legacy-signature",
     real_manifest + SEPARATOR + sign(real_manifest, legacy=True))
seed("manifest", "real-manifest-signature-of-other-bytes",
     real_manifest + SEPARATOR + sign(real_manifest + b" "))

sig_lines = real_signature.split(b"\n")
BAD_SIGNATURES = {
    "empty": b"",
    "truncated": real_signature[: len(real_signature) // 2],
    "no-untrusted-comment": b"\n".join(sig_lines[1:]),
    "crlf": real_signature.replace(b"\n", b"\r\n"),
    "bad-base64": real_signature.replace(sig_lines[1], b"RW!!!!" + sig_lines[1][6:]),
    "short-signature-line": real_signature.replace(sig_lines[1], sig_lines[1][:20]),
    "unknown-algorithm": real_signature.replace(sig_lines[1], b"XX" + sig_lines[1][2:]),
    "bidi-trusted-comment": real_signature.replace(
        b"feed:umbria", "feed:umbria\u202e\u2066".encode()),
    "html-trusted-comment": real_signature.replace(b"feed:umbria", b"<script>alert(1)</script>"),
    "invalid-utf8": real_signature.replace(b"feed:umbria", b"feed:\xff\xfe"),
    "huge-line": real_signature.replace(sig_lines[1], b"RW" + b"A" * 3500),
    "missing-global-signature": b"\n".join(sig_lines[:3]),
    "only-comments": b"untrusted comment: x\ntrusted comment: y\n",
    # minisign 0.8 panicked on a global signature shorter than 64 bytes (found by fuzzing).
    "short-global-signature": real_signature.replace(sig_lines[3], b"e7trW6AyHc8oUUDFT3d3RptP"),
    "long-global-signature": real_signature.replace(sig_lines[3], b"A" * 92),
}
for name, signature in BAD_SIGNATURES.items():
    seed("manifest", "signature-" + name, real_manifest + SEPARATOR + signature)

base_manifest = json.loads(real_manifest)
base_manifest["deltas"] = [
    {"from": 1, "url": "delta-1-2.json", "sha256": "00" * 32, "bytes": 1234}
]


def manifest_with(name, change, signed=False):
    value = copy.deepcopy(base_manifest)
    change(value)
    data = dumps(value)
    seed("manifest", name, data + SEPARATOR + sign(data) if signed else data)


def set_path(*path_and_value):
    *path, value = path_and_value

    def change(m):
        at = m
        for key in path[:-1]:
            at = at[key]
        at[path[-1]] = value

    return change


manifest_with("with-delta", lambda m: None)
manifest_with("with-delta-signed", lambda m: None, signed=True)
for name, url in {
    "javascript": "javascript:alert(1)",
    "data": "data:application/json;base64,e30=",
    "https-elsewhere": "https://evil.example/snapshot.json",
    "file-scheme": "file:///etc/passwd",
    "parent": "../../../etc/passwd",
    "parent-inside": "a/../snapshot.json",
    "absolute": "/etc/passwd",
    "backslash": "..\\snapshot.json",
    "empty": "",
    "dot": ".",
    "double-slash": "a//b.json",
    "query": "snapshot.json?x=1",
    "bidi": "snapshot\u202enosj.exe",
    "fullwidth-dots": "\uff0e\uff0e/snapshot.json",
    "percent-encoded": "%2e%2e/snapshot.json",
    "nul": "snapshot.json\u0000.txt",
    "html": "<img src=x onerror=alert(1)>",
    "long": "a/" * 2000 + "snapshot.json",
}.items():
    manifest_with("snapshot-url-" + name, set_path("snapshot", "url", url))
    manifest_with("delta-url-" + name, lambda m, u=url: m["deltas"][0].update(url=u))
manifest_with("snapshot-url-javascript-signed",
              set_path("snapshot", "url", "javascript:alert(1)"), signed=True)

for name, value in {
    "u64-max": 18446744073709551615,
    "negative": -1,
    "zero": 0,
}.items():
    manifest_with("version-" + name, set_path("version", value))
    manifest_with("bytes-" + name, set_path("snapshot", "bytes", value))
    manifest_with("delta-from-" + name, lambda m, v=value: m["deltas"][0].update({"from": v}))

# Numbers json.dumps cannot write: replaced in the text.
for name, text in {
    "u64-max-plus-one": b"18446744073709551616",
    "float": b"2.0",
    "exponent": b"2e0",
    "huge-exponent": b"1e400",
    "big-int": b"9" * 100,
    "string": b'"2"',
    "null": b"null",
}.items():
    seed("manifest", "version-" + name, real_manifest.replace(b'"version": 2', b'"version": ' + text))
    seed("manifest", "bytes-" + name,
         real_manifest.replace(b'"bytes": 32959', b'"bytes": ' + text))

for name, value in {
    "not-a-date": "tomorrow",
    "past": "1970-01-01T00:00:00Z",
    "far-future": "9999-12-31T23:59:59Z",
    "leap-second": "2026-06-30T23:59:60Z",
    "huge-offset": "2026-01-01T00:00:00+99:59",
    "year-zero": "0000-01-01T00:00:00Z",
    "extended-year": "+275760-09-13T00:00:00Z",
    "fraction-digits": "2026-01-01T00:00:00." + "9" * 300 + "Z",
    "bidi": "2026\u202e-01-01T00:00:00Z",
}.items():
    manifest_with("expires-" + name, set_path("expires_at", value))
manifest_with("expires-null", set_path("expires_at", None))
manifest_with("expires-number", set_path("expires_at", 1795000000))

for name, value in {
    "html": "<script>alert(1)</script>",
    "bidi": "umbria\u202e\u2067\u200f",
    "javascript": "javascript:alert(1)",
    "empty": "",
    "long": "u" * 5000,
}.items():
    manifest_with("feed-" + name, set_path("feed", value))
    manifest_with("generated-at-" + name, set_path("generated_at", value))
manifest_with("sha256-not-hex", set_path("snapshot", "sha256", "zz" * 32))
manifest_with("sha256-upper-case", set_path("snapshot", "sha256", "EEA4D46E" * 8))
manifest_with("sha256-long", set_path("snapshot", "sha256", "0" * 5000))
manifest_with("duplicate-delta-from", lambda m: m["deltas"].append(dict(m["deltas"][0])))
manifest_with("many-deltas", lambda m: m.update(deltas=[
    {"from": i, "url": f"delta-{i}-2.json", "sha256": "00", "bytes": i} for i in range(50)]))
manifest_with("deltas-not-array", set_path("deltas", {"from": 1}))
manifest_with("snapshot-missing", lambda m: m.pop("snapshot"))
manifest_with("unknown-fields", lambda m: m.update(x_note="<b>hi</b>", x_list=[1, [2, [3]]]))
manifest_with("unknown-field-deep-127", lambda m: m.update(x=json.loads("[" * 126 + "]" * 126)))
seed("manifest", "unknown-field-deep-200",
     real_manifest.replace(b'"deltas": []', b'"x": ' + b"[" * 200 + b"]" * 200))
seed("manifest", "duplicate-key-feed",
     real_manifest.replace(b'"feed": "umbria"', b'"feed": "umbria", "feed": "other"'))
seed("manifest", "duplicate-key-snapshot-url",
     real_manifest.replace(b'"url": "snapshot-2.json"',
                           b'"url": "snapshot-2.json", "url": "javascript:alert(1)"'))
seed("manifest", "feed-lone-surrogate",
     real_manifest.replace(b'"feed": "umbria"', b'"feed": "umbria\\ud800"'))
seed("manifest", "feed-invalid-utf8",
     real_manifest.replace(b'"feed": "umbria"', b'"feed": "umbr\xffia"'))
seed("manifest", "feed-escaped-nul",
     real_manifest.replace(b'"feed": "umbria"', b'"feed": "umbria\\u0000"'))
seed("manifest", "manifest-then-separator-only", real_manifest + SEPARATOR)


# --- Services: the snapshot's and the delta's records ---------------------------------------

real_snapshot = read("snapshot-2.json")
GOOD = {
    "id": "pg-sportello",
    "name": "Sportello immigrazione",
    "status": "active",
    "description": "Permessi di soggiorno e rinnovi",
    "categories": ["permits"],
    "email": "info@example.org",
    "url": "https://example.org/sportello",
    "organization": {"name": "Comune di Perugia", "website": "https://www.comune.perugia.it"},
    "languages": [{"code": "it"}, {"code": "en"}],
    "translations": {"en": {"name": "Immigration desk", "description": "Residence permits"}},
    "phones": [{"number": "+39 075 000000", "description": "centralino"}],
    "sources": ["https://example.org/fonte"],
    "opening_hours": "Mo-Fr 09:00-12:00",
    "service_at_locations": [{
        "location": {
            "id": "loc-pg", "name": "Sede", "latitude": 43.1107, "longitude": 12.3892,
            "geo_precision": "building",
            "addresses": [{"address_1": "Via Roma 1", "city": "Perugia",
                           "state_province": "PG", "postal_code": "06121"}],
        },
        "opening_hours": "Tu,Th 09:00-12:00; PH off",
    }],
}
HELPLINE = {"id": "numero-verde", "name": "Numero verde", "status": "active",
            "categories": ["helpline"], "phones": [{"number": "800 000 000"}],
            "opening_hours": "24/7"}

# Every text field of a record, as a path into it.
TEXT_FIELDS = [
    ("id",), ("name",), ("status",), ("description",), ("categories", 0), ("email",), ("url",),
    ("organization", "name"), ("organization", "website"), ("languages", 0, "code"),
    ("translations", "en", "name"), ("translations", "en", "description"),
    ("phones", 0, "number"), ("phones", 0, "description"), ("sources", 0), ("opening_hours",),
    ("service_at_locations", 0, "opening_hours"),
    ("service_at_locations", 0, "location", "id"), ("service_at_locations", 0, "location", "name"),
    ("service_at_locations", 0, "location", "geo_precision"),
    ("service_at_locations", 0, "location", "addresses", 0, "address_1"),
    ("service_at_locations", 0, "location", "addresses", 0, "city"),
    ("service_at_locations", 0, "location", "addresses", 0, "state_province"),
    ("service_at_locations", 0, "location", "addresses", 0, "postal_code"),
    ("fees_description",), ("application_process",), ("eligibility_description",), ("alert",),
    ("x_unknown_field",),
]


def with_field(record, path, value):
    record = copy.deepcopy(record)
    at = record
    for key in path[:-1]:
        at = at[key]
    at[path[-1]] = value
    return record


def field_name(path):
    return ".".join(str(p) for p in path if not isinstance(p, int))


# (name, records) or (name, raw bytes of the records array's contents)
records = []


def rec(name, *services):
    records.append((name, list(services)))


def raw(name, text):
    records.append((name, text.encode() if isinstance(text, str) else text))


rec("good", GOOD)
rec("good-helpline", HELPLINE)
rec("good-two", GOOD, with_field(HELPLINE, ("id",), "numero-verde-2"))
for path in TEXT_FIELDS:
    f = field_name(path)
    rec(f"html-in-{f}", with_field(GOOD, path, "Apri <b>qui</b> <script>alert(1)</script>"))
    rec(f"bidi-in-{f}", with_field(GOOD, path, "abc\u202eexe.pdf\u2066x\u2069\u200f\u061c"))
    rec(f"javascript-in-{f}", with_field(GOOD, path, "javascript:alert(document.cookie)"))
rec("html-comment", with_field(GOOD, ("description",), "<!-- x --> testo"))
rec("html-closing-tag", with_field(GOOD, ("name",), "nome</title>"))
rec("html-escaped-lt", with_field(GOOD, ("name",), "per chi ha < 18 anni"))
rec("html-in-key", dict(GOOD, **{"<script>x</script>": "valore"}))
rec("html-in-nested-unknown", dict(GOOD, x_extra={"a": [{"b": "<iframe src=x>"}]}))
raw("html-as-unicode-escapes",
    dumps(GOOD).replace(b'"Sportello immigrazione"', b'"\\u003cscript\\u003ealert(1)"'))
for name, link in {
    "javascript-upper": "JavaScript:alert(1)",
    "javascript-leading-space": " javascript:alert(1)",
    "javascript-tab-inside": "java\tscript:alert(1)",
    "vbscript": "vbscript:msgbox(1)",
    "data-html": "data:text/html,<script>alert(1)</script>",
    "data-base64": "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "file": "file:///etc/passwd",
    "intent": "intent://scan/#Intent;scheme=zxing;end",
    "http-no-host": "http:/x",
    "https-userinfo": "https://example.org@evil.example/",
    "tel": "tel:+390750000",
    "mailto": "mailto:a@example.org",
}.items():
    rec(f"link-url-{name}", with_field(GOOD, ("url",), link))
    rec(f"link-website-{name}", with_field(GOOD, ("organization", "website"), link))
    rec(f"link-source-{name}", with_field(GOOD, ("sources", 0), link))
rec("email-javascript", with_field(GOOD, ("email",), "javascript:a@b.c"))
rec("email-two-at", with_field(GOOD, ("email",), "a@b@c.it"))
rec("phone-letters", with_field(GOOD, ("phones", 0, "number"), "tel:javascript:alert(1)"))
rec("phone-not-object", with_field(GOOD, ("phones", 0), "+39 075 000000"))

LOC = ("service_at_locations", 0, "location")
for name, (lat, lon) in {
    "lat-91": (91, 12.4), "lat-minus-91": (-91, 12.4), "lon-181": (43.1, 181),
    "lon-minus-181": (43.1, -181), "zero-zero": (0, 0), "london": (51.5, -0.12),
    "just-north": (47.2000001, 12.4), "edge-north": (47.2, 12.4), "edge-south-west": (35.0, 6.5),
    "swapped": (12.3892, 43.1107), "negative-zero": (-0.0, -0.0), "tiny": (5e-324, 5e-324),
    "huge": (1.7976931348623157e308, -1.7976931348623157e308),
}.items():
    rec(f"coords-{name}", with_field(with_field(GOOD, LOC + ("latitude",), lat),
                                     LOC + ("longitude",), lon))
rec("coords-lat-only", with_field(GOOD, LOC + ("longitude",), None))
rec("coords-lon-only", with_field(GOOD, LOC + ("latitude",), None))
rec("coords-strings", with_field(with_field(GOOD, LOC + ("latitude",), "43.1"),
                                 LOC + ("longitude",), "12.4"))
rec("coords-missing-location", with_field(GOOD, ("service_at_locations", 0), {"opening_hours": "24/7"}))
rec("coords-none-not-helpline", with_field(GOOD, ("service_at_locations",), []))
rec("coords-second-location-outside",
    with_field(GOOD, ("service_at_locations",), GOOD["service_at_locations"] + [
        {"location": {"latitude": -33.9, "longitude": 151.2}}]))
good_text = dumps(GOOD)
for name, number in {
    "huge-exponent": b"1e400", "neg-huge-exponent": b"-1e400", "tiny-exponent": b"1e-400",
    "big-int": b"9" * 400, "long-fraction": b"43." + b"1" * 1000, "nan": b"NaN",
}.items():
    raw(f"coords-{name}", good_text.replace(b"43.1107", number))

rec("duplicate-ids", GOOD, GOOD)
rec("duplicate-ids-third", GOOD, HELPLINE, with_field(HELPLINE, ("name",), "Altro"))
rec("duplicate-ids-case", GOOD, with_field(GOOD, ("id",), "PG-SPORTELLO"))
raw("duplicate-key-id", good_text.replace(b'"id":"pg-sportello"',
                                          b'"id":"pg-sportello","id":"pg-altro"'))
raw("duplicate-key-url", good_text.replace(
    b'"url":"https://example.org/sportello"',
    b'"url":"javascript:alert(1)","url":"https://example.org/sportello"'))
raw("duplicate-key-unknown-html", good_text.replace(
    b'"id":"pg-sportello"', b'"x_note":"<script>alert(1)</script>","x_note":"ok","id":"pg-sportello"'))
for name, value in {
    "upper-case": "PG-Sportello", "space": "pg sportello", "empty": "", "long": "a" * 101,
    "limit": "a" * 100, "cyrillic-a": "pg-\u0430", "slash": "../pg", "number": 7, "null": None,
}.items():
    rec(f"id-{name}", with_field(GOOD, ("id",), value))

for name, value in {
    "lone-surrogate": b'"nome \\ud800"', "lone-trailing-surrogate": b'"\\udc00 nome"',
    "inverted-surrogates": b'"\\udc00\\ud800"', "escaped-nul": b'"nome\\u0000"',
    "invalid-utf8": b'"nome \xff\xfe"', "truncated-utf8": b'"nome \xe2\x82"',
    "overlong-utf8": b'"nome \xc0\xaf"', "utf8-surrogate": b'"nome \xed\xa0\x80"',
    "raw-bidi": '"nome \u202e\u2067"'.encode(), "escaped-bidi": b'"nome \\u202e\\u2067"',
    "raw-control": b'"nome \x01"', "emoji-pair": b'"nome \\ud83d\\ude00"',
}.items():
    raw(f"name-{name}", good_text.replace(b'"Sportello immigrazione"', value))
    raw(f"hours-{name}", good_text.replace(b'"Mo-Fr 09:00-12:00"', value))

for name, value in {
    "categories-not-array": "permits", "categories-empty": [], "categories-space": ["permits legal"],
    "categories-unknown": ["space-travel"], "categories-number": [1],
    "languages-string": "it", "languages-bad-code": [{"code": "en gb"}],
    "translations-array": [], "organization-string": "Comune",
    "service-at-locations-object": {"location": {}}, "description-number": 5,
    "name-empty": " ", "status-missing": None,
}.items():
    key = name.split("-")[0].replace("service", "service_at_locations")
    rec(f"shape-{name}", with_field(GOOD, (key,), value))
rec("shape-service-string", "service")
rec("shape-service-null", None)
rec("shape-service-array", [GOOD])
rec("deep-unknown-field-126", with_field(GOOD, ("x",), json.loads("[" * 125 + "]" * 125)))
raw("deep-unknown-field-127", good_text[:-1] + b',"x":' + b"[" * 127 + b"]" * 127 + b"}")
raw("deep-unknown-field-200", good_text[:-1] + b',"x":' + b"[" * 200 + b"]" * 200 + b"}")
raw("deep-unknown-objects-150", good_text[:-1] + b',"x":' + b'{"a":' * 150 + b"1" + b"}" * 150 + b"}")
for name, hours in {
    "comment": '"su appuntamento"', "week-stride": "week 1-53/2 Mo 10:00-12:00",
    "years": "2020-2100 Jan-Dec Mo-Su 00:00-24:00", "sunrise": "Mo-Su sunrise-sunset",
    "overnight": "Mo-Su 20:00-08:00", "huge-year": "9999 Mo 10:00-11:00",
    "open-end": "Mo 10:00+", "many-rules": "; ".join(["Mo 09:00-10:00"] * 200),
}.items():
    rec(f"hours-{name}", with_field(GOOD, ("opening_hours",), hours))
rec("many-services", *[with_field(HELPLINE, ("id",), f"h-{i}") for i in range(60)])


def array(contents):
    if isinstance(contents, bytes):
        return b"[" + contents + b"]"
    return dumps(contents)


for name, contents in records:
    seed("snapshot", name,
         b'{"feed":"umbria","version":2,"services":' + array(contents) + b"}")
    seed("delta", name,
         b'{"feed":"umbria","from":1,"version":2,"upserts":' + array(contents) +
         b',"deletes":["vecchio"]}')


def seed_wrappers(target, edits):
    """The target's good seed with one edit each to its wrapper (feed, versions, lists)."""
    good = corpora[target]["good"]
    for name, (old, new) in edits.items():
        assert old in good, name
        seed(target, f"wrapper-{name}", good.replace(old, new, 1))


seed("snapshot", "real-snapshot", real_snapshot)
seed_wrappers("snapshot", {
    "feed-other": (b'"umbria"', b'"lazio"'),
    "feed-html": (b'"umbria"', b'"<b>umbria</b>"'),
    "version-other": (b'"version":2', b'"version":3'),
    "version-huge": (b'"version":2', b'"version":1e400'),
    "version-u64-overflow": (b'"version":2', b'"version":18446744073709551616'),
    "version-negative": (b'"version":2', b'"version":-2'),
    "services-object": (b'"services":[', b'"services":{"a":['),
    "services-missing": (b'"services":', b'"x":'),
    "duplicate-key-services": (b'"services":', b'"services":[],"services":'),
    "trailing-garbage": (b"]}", b"]}]"),
})

# A delta made of the real snapshot's first three services, as `feed build` would write one.
real_services = json.loads(real_snapshot)["services"]
seed("delta", "real-services-delta", dumps({
    "feed": "umbria", "from": 1, "version": 2, "upserts": real_services[:3],
    "deletes": [s["id"] for s in real_services[3:6]]}))
seed_wrappers("delta", {
    "feed-other": (b'"umbria"', b'"lazio"'),
    "version-other": (b'"version":2', b'"version":3'),
    "from-after-version": (b'"from":1', b'"from":5'),
    "from-u64-max": (b'"from":1', b'"from":18446744073709551615'),
    "from-negative": (b'"from":1', b'"from":-1'),
    "from-huge": (b'"from":1', b'"from":1e400'),
    "upserts-missing": (b'"upserts":', b'"x":'),
    "deletes-html": (b'"vecchio"', b'"<script>alert(1)</script>"'),
    "deletes-bidi": (b'"vecchio"', '"vec\u202echio"'.encode()),
    "deletes-lone-surrogate": (b'"vecchio"', b'"\\ud800"'),
    "deletes-invalid-utf8": (b'"vecchio"', b'"\xff"'),
    "deletes-number": (b'"vecchio"', b"7"),
    "deletes-the-upsert": (b'"vecchio"', b'"pg-sportello"'),
    "deletes-duplicate": (b'"vecchio"', b'"vecchio","vecchio"'),
    "deletes-long": (b'"vecchio"', b'"' + b"v" * 5000 + b'"'),
    "deletes-many": (b'"vecchio"', b",".join(b'"d-%d"' % i for i in range(500))),
    "deletes-deep": (b'"vecchio"', b"[" * 200 + b"]" * 200),
})


# --- Opening hours ----------------------------------------------------------------------------

HOURS = {s["opening_hours"] for s in real_services if s.get("opening_hours")}
HOURS |= {a["opening_hours"] for s in real_services for a in s.get("service_at_locations", [])
          if a.get("opening_hours")}
for i, text in enumerate(sorted(HOURS)):
    seed("opening_hours", f"real-{i:02}", text)
for name, text in {
    "always": "24/7",
    "off": "off",
    "unknown": "unknown",
    "closed-comment": 'closed "per ferie"',
    "comment-only": '"su appuntamento"',
    "weekdays-split": "Mo-Fr 08:00-12:00,13:00-17:30",
    "ph-off": "Mo-Fr 09:00-13:00; PH off",
    "ph-only": "PH 10:00-12:00",
    "sh": "SH off",
    "overnight": "Mo-Su 20:00-08:00",
    "past-midnight": "Fr-Sa 22:00-26:00",
    "to-48": "Mo 00:00-48:00",
    "hour-25": "Mo 25:00-26:00",
    "minute-60": "Mo 10:60-11:00",
    "open-end": "Mo 10:00+",
    "sunrise-sunset": "Mo-Su sunrise-sunset",
    "sun-offsets": "Mo-Su (sunrise+01:00)-(sunset-01:00)",
    "dusk-dawn": "dusk-dawn",
    "week-stride": "week 1-53/2 Mo 10:00-12:00",
    "week-53": "week 53 Mo-Su 00:00-24:00",
    "nth-weekday": "Mo[1,-1] 09:00-12:00",
    "nth-weekday-offset": "Sa[-1] -1 day 09:00-12:00",
    "easter": "easter -2 days-easter +1 day off",
    "month-days": "Jan 01-Dec 31 10:00-11:00",
    "month-day-30-feb": "Feb 30 10:00-11:00",
    "year-range": "2020-2100 Mo 10:00-11:00",
    "year-stride": "2000-2200/7 Mo 10:00-11:00",
    "year-9999": "9999 Mo 10:00-11:00",
    "year-1900": "1900 Mo 10:00-11:00",
    "year-huge": "999999999999 Mo 10:00-11:00",
    "year-2101-only": "2101 Jan 03 10:00-14:00",
    "big-number": "Mo 99999999999999999999:00-10:00",
    "repeat": "Mo-Fr 10:00-16:00/01:30",
    "fallback": "Mo-Fr 09:00-12:00 || \"su appuntamento\"",
    "additional": "Mo-Fr 09:00-12:00, We 15:00-17:00",
    "many-rules": "; ".join(f"Mo {h:02}:00-{h:02}:30" for h in range(24)),
    "many-commas": "Mo " + ",".join(f"{h:02}:00-{h:02}:01" for h in range(24)),
    "long-garbage": "Mo " * 1000,
    "deep-parens": "(" * 500 + "sunrise" + ")" * 500,
    "empty": "",
    "spaces": "   ",
    "html": "<b>Mo-Fr 09:00-12:00</b>",
    "bidi": "Mo-Fr \u202e09:00-12:00\u2066",
    "nbsp": "Mo-Fr\u00a009:00-12:00",
    "fullwidth-digits": "Mo \uff10\uff19:00-12:00",
    "italian": "lun-ven 9-12",
    "javascript": "javascript:alert(1)",
    "dst-spring": "Su 02:00-03:00",
    "dst-autumn": "Su 02:00-03:00,02:30-02:45",
    "midnight-zero-length": "Mo 00:00-00:00",
    "reversed": "Mo 12:00-09:00",
    "invalid-utf8": b"Mo-Fr \xff09:00-12:00",
    "lone-surrogate-utf8": b"Mo-Fr \xed\xa0\x8009:00",
    "nul": "Mo-Fr 09:00\u000012:00",
    # The parser's debug_assert fired on "24:00" as a repeat period (found by fuzzing).
    "repeat-24-00": "Mo-Fr 03:00-17:30/24:00",
    "repeat-24-00-spaced": "Mo 10:00-17:00 / 24:00",
    "sun-offset-24-00": "Mo (sunrise+24:00)-(sunset-24:00)",
    # A sun time past midnight, after the span's end: an assertion, or in release an overflow.
    "sun-offset-past-end": "Mo (sunrise+24:00)-(sunset-16:00)",
    "sun-offset-overflow": "Mo (dusk+24:00)-(dusk+05:00)",
    "sun-offset-two-hours": "Mo (SUNSET+02:00)-01:00",
}.items():
    seed("opening_hours", name, text)


# --- Write ------------------------------------------------------------------------------------

total = 0
for target, files in corpora.items():
    folder = os.path.join(CORPUS, target)
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    for name, data in sorted(files.items()):
        with open(os.path.join(folder, name), "wb") as f:
            f.write(data)
        total += len(data)
    print(f"{target}: {len(files)} seeds, {sum(map(len, files.values()))} bytes")
print(f"total: {total} bytes")
