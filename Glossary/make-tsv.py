#!/usr/bin/env python3
"""Derive the OmegaT-style TSV twin from the TBX glossary, so the two never drift.

The TBX (TBX v3, ISO 30042:2019, TBX-Basic, DCA style) is the master. This script
checks that it keeps to the conventions the pipeline relies on (see README.md)
and writes one TSV row per German term:

    German<TAB>English<TAB>comment

English is the concept's preferred English term. The comment starts with five
fixed fields separated by "; " (concept id, German status, part of speech,
gender or "-", case=sensitive|permissive), then the other English terms and the
term's note.

Usage:
    python3 Glossary/make-tsv.py            # rewrite ai-politics.de-en.tsv
    python3 Glossary/make-tsv.py --check    # exit 1 if the TSV is out of date
    python3 Glossary/make-tsv.py TBX [TSV]  # other files
"""

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

NS = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

PARTS_OF_SPEECH = {"noun", "properNoun", "verb", "adjective", "adverb", "other"}
GENDERS = {"masculine", "feminine", "neuter", "otherGender"}
TERM_TYPES = {"fullForm", "abbreviation", "acronym", "shortForm", "variant", "phrase"}
STATUSES = {
    "preferredTerm-admn-sts": "preferred",
    "admittedTerm-admn-sts": "admitted",
    "deprecatedTerm-admn-sts": "deprecated",
    "supersededTerm-admn-sts": "superseded",
}
CASE_SENSITIVE = "match-case=sensitive"


class GlossaryError(Exception):
    pass


def q(name):
    return f"{{{NS}}}{name}"


def local(tag):
    return tag.split("}", 1)[1] if tag.startswith("{") else tag


def read_term(term_sec, where):
    """Return the facts of one termSec, checking TBX-Basic values and element order."""
    children = list(term_sec)
    if not children or children[0].tag != q("term"):
        raise GlossaryError(f"{where}: termSec must start with <term>")
    text = (children[0].text or "").strip()
    if not text or text != children[0].text:
        raise GlossaryError(f"{where}: empty term or surrounding whitespace")
    notes = {}
    free_notes = []
    seen_aux = False
    for child in children[1:]:
        name = local(child.tag)
        if name == "termNote":
            if seen_aux:
                raise GlossaryError(f"{where} '{text}': termNote after note/descrip")
            kind = child.get("type")
            if kind in notes:
                raise GlossaryError(f"{where} '{text}': duplicate termNote {kind}")
            notes[kind] = child.text or ""
        elif name in ("note", "descrip"):
            seen_aux = True
            if name == "note":
                free_notes.append(child.text or "")
        else:
            raise GlossaryError(f"{where} '{text}': unexpected <{name}> in termSec")
    pos = notes.get("partOfSpeech")
    if pos not in PARTS_OF_SPEECH:
        raise GlossaryError(f"{where} '{text}': partOfSpeech {pos!r}")
    ttype = notes.get("termType")
    if ttype not in TERM_TYPES:
        raise GlossaryError(f"{where} '{text}': termType {ttype!r}")
    status = STATUSES.get(notes.get("administrativeStatus"))
    if status is None:
        raise GlossaryError(f"{where} '{text}': administrativeStatus {notes.get('administrativeStatus')!r}")
    gender = notes.get("grammaticalGender")
    if gender is not None and gender not in GENDERS:
        raise GlossaryError(f"{where} '{text}': grammaticalGender {gender!r}")
    note = "; ".join(free_notes)
    if "\t" in note or "\n" in note:
        raise GlossaryError(f"{where} '{text}': tab or line break in note")
    return {"term": text, "pos": pos, "gender": gender, "type": ttype, "status": status, "note": note}


def read_glossary(path):
    """Parse and check the TBX; return a list of concepts with their German and English terms."""
    root = ET.parse(path).getroot()
    if root.tag != q("tbx") or root.get("type") != "TBX-Basic" or root.get("style") != "dca":
        raise GlossaryError(f"{path}: expected <tbx type='TBX-Basic' style='dca'> in namespace {NS}")
    body = root.find(f"{q('text')}/{q('body')}")
    if body is None:
        raise GlossaryError(f"{path}: no text/body")
    concepts, ids = [], set()
    for entry in body:
        if entry.tag != q("conceptEntry"):
            raise GlossaryError(f"{path}: unexpected <{local(entry.tag)}> in body")
        cid = entry.get("id")
        if not cid or cid in ids:
            raise GlossaryError(f"{path}: missing or duplicate concept id {cid!r}")
        ids.add(cid)
        where = f"{path} concept {cid}"
        subject = entry.find(f"{q('descrip')}[@type='subjectField']")
        if subject is None or not (subject.text or "").strip():
            raise GlossaryError(f"{where}: no subjectField")
        langs = {}
        seen_lang = False
        for child in entry:
            if child.tag == q("langSec"):
                seen_lang = True
                lang = child.get(XML_LANG)
                term_secs = child.findall(q("termSec"))
                if lang in langs or not term_secs:
                    raise GlossaryError(f"{where}: duplicate or empty langSec {lang!r}")
                langs[lang] = [read_term(t, f"{where}/{lang}") for t in term_secs]
            elif seen_lang:
                raise GlossaryError(f"{where}: <{local(child.tag)}> after langSec")
        if set(langs) != {"de", "en"}:
            raise GlossaryError(f"{where}: needs exactly the languages de and en, has {sorted(langs)}")
        preferred_en = [t for t in langs["en"] if t["status"] == "preferred"]
        if len(preferred_en) != 1:
            raise GlossaryError(f"{where}: needs exactly one preferred English term")
        if not any(t["status"] == "preferred" for t in langs["de"]):
            raise GlossaryError(f"{where}: no preferred German term")
        for t in langs["de"]:
            if t["pos"] == "noun" and t["gender"] is None:
                raise GlossaryError(f"{where}: German noun '{t['term']}' has no grammaticalGender")
        concepts.append({"id": cid, "subject": subject.text, "de": langs["de"], "en": langs["en"]})
    return concepts


def tsv_rows(concepts):
    for concept in concepts:
        english = concept["en"]
        preferred = next(t for t in english if t["status"] == "preferred")
        others = {
            status: ", ".join(t["term"] for t in english if t["status"] == status)
            for status in ("admitted", "deprecated")
        }
        for term in concept["de"]:
            note_parts = [p for p in term["note"].split("; ") if p and p != CASE_SENSITIVE]
            case = "sensitive" if CASE_SENSITIVE in term["note"].split("; ") else "permissive"
            fields = [concept["id"], term["status"], term["pos"], term["gender"] or "-", f"case={case}"]
            if others["admitted"]:
                fields.append(f"en-admitted: {others['admitted']}")
            if others["deprecated"]:
                fields.append(f"en-deprecated: {others['deprecated']}")
            fields.extend(note_parts)
            yield f"{term['term']}\t{preferred['term']}\t{'; '.join(fields)}\n"


def main(argv):
    check = "--check" in argv
    paths = [a for a in argv if a != "--check"]
    here = Path(__file__).resolve().parent
    tbx = Path(paths[0]) if paths else here / "ai-politics.de-en.tbx"
    tsv = Path(paths[1]) if len(paths) > 1 else tbx.with_suffix(".tsv")
    try:
        concepts = read_glossary(tbx)
    except (GlossaryError, ET.ParseError) as error:
        print(f"make-tsv: {error}", file=sys.stderr)
        return 2
    text = "".join(tsv_rows(concepts))
    if check:
        current = tsv.read_text(encoding="utf-8") if tsv.exists() else None
        if current != text:
            print(f"make-tsv: {tsv} is out of date; run python3 {Path(__file__).name}", file=sys.stderr)
            return 1
        print(f"make-tsv: {tsv.name} is up to date ({len(concepts)} concepts, {text.count(chr(10))} rows)")
        return 0
    tsv.write_text(text, encoding="utf-8")
    print(f"make-tsv: wrote {tsv.name}: {len(concepts)} concepts, {text.count(chr(10))} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
