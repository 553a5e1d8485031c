#!/usr/bin/env python3
"""Builds blind3.jsonl, blind3-dev.jsonl and blind3-holdout.jsonl from blind3/*.txt.

A third blind set (#16, recall), written before reading the classifier's cue lists, with its own quoted chains
(@@QA..@@QF) and signatures (@@SA..@@SF). Header: ### id|label|received|date|lang|flags|subject. The split is fixed
by a hash of "blind3:" + id, half and half: blind3-dev.jsonl may be tuned on; blind3-holdout.jsonl is measured once
at the end and never tuned on.
"""
import glob, hashlib, json, os
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
Q = {
 "QA": "Fra: Fjordkraft Rør AS <regnskap@fjordror.example>\nSendt: tirsdag 24. november 2026 10:15\nTil: post@kunde.example\nEmne: Purring: faktura 30871\n\nHei,\nVi kan ikke se å ha mottatt betaling for faktura 30871 på kr 4 990,00 med forfall 12.11.2026. Vennligst betal innen 8 dager til kontonr 9710.05.12345, KID 3087100019. Dersom beløpet allerede er betalt, kan du se bort fra denne purringen.\n\nMed vennlig hilsen\nFjordkraft Rør AS",
 "QB": "tir. 24. nov. 2026 kl. 10:15 skrev Fjordkraft Rør AS <regnskap@fjordror.example>:\n> Hei!\n> Faktura 30871 er forfalt og ikke betalt. Et purregebyr på kr 35,- er lagt til.\n> Betal innen 08.12.2026 for å unngå inkasso.\n> Har du spørsmål eller innsigelser, svar på denne e-posten.",
 "QC": "From: Fjordkraft Rør AS <regnskap@fjordror.example>\nSent: Tuesday, November 24, 2026 10:15 AM\nTo: accounts@buyer.example\nSubject: Payment reminder - invoice 30871\n\nDear customer,\nInvoice 30871 (NOK 4,990.00) was due on 12 November 2026 and has not been paid. Please pay within 8 days. If payment has already been made, please disregard this reminder. Questions about the invoice? Just reply to this email.",
 "QD": "Den tys. 24. nov. 2026 kl. 10:15 skreiv Fjordkraft Rør AS <regnskap@fjordror.example>:\n> Hei,\n> faktura 30871 på kr 4 990,00 er ikkje betalt. Betal innan 08.12.2026.\n> Har du alt betalt, kan du sjå bort frå denne meldinga.",
 "QF": "________________________________\nFra: Fjordkraft Rør AS\nSendt: 1. desember 2026 07:30\nTil: post@kunde.example\nEmne: Inkassovarsel faktura 30871\n\nInkassovarsel: Kravet på kr 5 025,00 sendes til inkasso om det ikke er betalt innen 14 dager. Ved betaling, bruk KID 3087100019.",
 "SA": "Med vennlig hilsen\n\nKari Solberg\nRegnskapsmedarbeider\nSolberg Eiendom AS\nTlf. +47 922 33 444 | kari@solberg.example\nDenne e-posten kan inneholde konfidensiell informasjon. Dersom du har mottatt den ved en feil, vennligst slett den og gi beskjed til avsender.",
 "SB": "mvh\nTor\nSendt fra min iPhone",
 "SC": "Best regards\nJames O'Neill\nFinance Manager, Baltic Freight Ltd.\n+353 1 555 0142\nPlease consider the environment before printing this email.",
 "SD": "Helsing\nIngrid Myklebust\nMyklebust Fjellgard\ntlf 470 55 666",
 "SE": "Hilsen Petter Hansen\nHansen Maling ENK\nOrg nr 918 222 333\nKonto 1234.56.78903",
 "SF": "Vennlig hilsen / Best regards\nAnne-Lise Berg\nAP Specialist | Nordic Retail Group AB\nDirect: +47 23 45 67 89",
}

def expand(body):
    out = []
    for line in body.split("\n"):
        s = line.strip()
        out.append(Q[s[2:]] if s.startswith("@@") and s[2:] in Q else line)
    return "\n".join(out).strip("\n")

items = []
for path in sorted(glob.glob(os.path.join(HERE, "blind3", "*.txt"))):
    cur = None
    for n, line in enumerate(open(path, encoding="utf-8").read().split("\n"), 1):
        if line.startswith("### "):
            parts = line[4:].split("|")
            if len(parts) != 7:
                raise SystemExit(f"{path}:{n}: bad header {line!r}")
            if cur: items.append(cur)
            cur = {"id": parts[0].strip(), "label": parts[1].strip(), "received": parts[2].strip(),
                   "date": parts[3].strip(), "lang": parts[4].strip(), "flags": parts[5].strip(),
                   "subject": parts[6].strip(), "body": []}
        elif cur is not None:
            cur["body"].append(line)
    if cur: items.append(cur)

ids, allrows, dev, hold = set(), [], [], []
for it in items:
    if it["id"] in ids: raise SystemExit("duplicate id " + it["id"])
    ids.add(it["id"])
    rec = {"id": it["id"], "label": it["label"], "received": it["received"], "lang": it["lang"], "subject": it["subject"],
           "text": expand("\n".join(it["body"]))}
    if it["date"]: rec["date"] = it["date"]
    if it["flags"]: rec["flags"] = it["flags"]
    allrows.append(rec)
    h = int(hashlib.sha256(("blind3:" + it["id"]).encode()).hexdigest(), 16) % 2
    (hold if h == 0 else dev).append(rec)

for name, rows in (("blind3.jsonl", allrows), ("blind3-dev.jsonl", dev), ("blind3-holdout.jsonl", hold)):
    with open(os.path.join(HERE, name), "w", encoding="utf-8") as f:
        for r in rows: f.write(json.dumps(r, ensure_ascii=False) + "\n")
print(len(items), "items;", len(dev), "blind3-dev,", len(hold), "blind3-holdout")
print(Counter(i["label"] for i in items))
print(Counter(i["lang"] for i in items))
