#!/usr/bin/env python3
"""Builds dev.jsonl and holdout.jsonl from the hand-written src/*.txt files.

Each item starts with a header line
### id|label|received|date|lang|flags|subject
followed by the body. Lines @@Q<n> and @@S<n> expand to the quoted reminder chains and signatures below
(a writing shorthand: the JSON lines hold the full text). The split is fixed by a hash of the id: about 28 %
goes to holdout.jsonl, which tuning never reads.
"""
import glob, hashlib, json, os

HERE = os.path.dirname(os.path.abspath(__file__))
Q = {
 "Q1": "Den 20.11.2026 kl. 09:14 skrev Acme Verktøy AS <faktura@acme.example>:\n> Hei,\n> Vi kan ikke se å ha mottatt betaling for faktura 10234 på kr 12 500,00 med forfall 05.11.2026.\n> Vennligst betal innen 04.12.2026 til konto 1234.56.78903, KID 0001023410.\n> Har du allerede betalt, kan du se bort fra denne påminnelsen.\n> Med vennlig hilsen\n> Acme Verktøy AS",
 "Q2": "Fra: Acme Verktøy AS <faktura@acme.example>\nSendt: fredag 20. november 2026 09:14\nTil: post@kunde.no\nEmne: Purring faktura 10234\n\nHei,\nDette er en påminnelse om at faktura 10234 på kr 12 500,00 forfalt 05.11.2026. Betal innen 14 dager for å unngå inkassovarsel. Har dere innsigelser mot kravet, ta kontakt.\n\nMed vennlig hilsen\nAcme Verktøy AS",
 "Q3": "On Fri, 20 Nov 2026 at 09:14, Acme Tools AS <billing@acme.example> wrote:\n> Dear customer,\n> Invoice 10234 for NOK 12,500.00 was due on 5 November 2026. Please pay by 4 December to account 1234.56.78903, KID 0001023410.\n> If you have already paid, please disregard this reminder. If you dispute the amount, reply to this email.",
 "Q4": "-----Original Message-----\nFrom: Acme Tools AS <billing@acme.example>\nSent: Friday, November 20, 2026 9:14 AM\nTo: accounts@customer.example\nSubject: Payment reminder - invoice 10234\n\nDear customer,\nWe have not received payment of invoice 10234 (NOK 12,500.00, due 05.11.2026). Please pay within 14 days. A reminder fee of NOK 35 has been added.",
 "Q5": "Den fre. 20. nov. 2026 kl. 09:14 skreiv Acme Verktøy AS <faktura@acme.example>:\n> Hei,\n> Vi har ikkje registrert betaling for faktura 10234 på kr 12 500,00.\n> Betal innan 04.12.2026 til konto 1234.56.78903.",
 "Q6": "-----Opprinnelig melding-----\nFra: Acme Verktøy AS [mailto:faktura@acme.example]\nSendt: 20. november 2026 09:14\nTil: regnskap@kunde.no\nEmne: Inkassovarsel faktura 10234\n\nDersom beløpet ikke er betalt innen 14 dager, vil kravet bli sendt til inkasso. Purregebyr kr 35,00 er lagt til.",
 "S1": "Med vennlig hilsen\nOla Nordmann\nDaglig leder\nNordmann Bygg AS\nTlf: 912 34 567\nOrg.nr: 912 345 678",
 "S2": "Mvh\nKari Hansen\nRegnskap | Fjordkraft Service AS\nMobil +47 934 56 789\n\nDenne e-posten kan inneholde konfidensiell informasjon. Har du mottatt den ved en feil, vennligst gi beskjed til avsender og slett e-posten.",
 "S3": "Sendt fra min iPhone",
 "S4": "Best regards\nJohn Smith\nFinance Manager | Northwind Trading Ltd\n+44 20 7946 0958\n\nThis email and any attachments are confidential. If you have received this email in error, please notify the sender immediately and delete it. We have not received any instructions to act on your behalf.",
 "S5": "Helsing\nSigrid Nes\nNes Gardsdrift\ntlf 478 12 345",
 "S6": "Sent from my Samsung Galaxy smartphone.",
}

def expand(body):
    out = []
    for line in body.split("\n"):
        s = line.strip()
        if s.startswith("@@") and s[2:] in Q:
            out.append(Q[s[2:]])
        else:
            out.append(line)
    return "\n".join(out).strip("\n")

items = []
for path in sorted(glob.glob(os.path.join(HERE, "src", "*.txt"))):
    cur = None
    for line in open(path, encoding="utf-8").read().split("\n"):
        if line.startswith("### ") and line.count("|") == 6:
            if cur: items.append(cur)
            parts = line[4:].split("|")
            if len(parts) != 7:
                raise SystemExit(f"{path}: bad header {line!r}")
            cur = {"id": parts[0].strip(), "label": parts[1].strip(), "received": parts[2].strip(),
                   "date": parts[3].strip(), "lang": parts[4].strip(), "flags": parts[5].strip(),
                   "subject": parts[6].strip(), "body": []}
        elif cur is not None:
            cur["body"].append(line)
    if cur: items.append(cur)

ids = set()
dev, hold = [], []
for it in items:
    if it["id"] in ids: raise SystemExit("duplicate id " + it["id"])
    ids.add(it["id"])
    rec = {"id": it["id"], "label": it["label"], "received": it["received"], "lang": it["lang"], "subject": it["subject"],
           "text": expand("\n".join(it["body"]))}
    if it["date"]: rec["date"] = it["date"]
    if it["flags"]: rec["flags"] = it["flags"]
    h = int(hashlib.sha256(it["id"].encode()).hexdigest(), 16) % 100
    (hold if h < 28 else dev).append(rec)

for name, rows in (("dev.jsonl", dev), ("holdout.jsonl", hold)):
    with open(os.path.join(HERE, name), "w", encoding="utf-8") as f:
        for r in rows: f.write(json.dumps(r, ensure_ascii=False) + "\n")
from collections import Counter
print(len(items), "items;", len(dev), "dev,", len(hold), "holdout")
print(Counter(i["label"] for i in items))
print(Counter(i["lang"] for i in items))
