#!/usr/bin/env python3
"""Builds blind2.jsonl, blind2-dev.jsonl and blind2-holdout.jsonl from blind2/*.txt.

A second blind set (#16 follow-up), written before reading the classifier or the other corpus, with its own quoted
chains and signatures. Same header as build.py: ### id|label|received|date|lang|flags|subject; @@A…@@F expand to
quoted reminder chains, @@SA…@@SF to signatures. The split is fixed by a hash of "blind2:" + id, half and half:
blind2-dev.jsonl may be tuned on; blind2-holdout.jsonl is measured once at the end and never tuned on.
"""
import glob, hashlib, json, os
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
Q = {
 "A": "Fra: Berg Elektro AS <innfordring@bergelektro.example>\nSendt: mandag 23. november 2026 08:02\nTil: post@kunde.example\nEmne: Betalingspåminnelse faktura 55871\n\nHei,\nVi minner om faktura 55871 på kr 8 430,00 som forfalt 10.11.2026. Vennligst betal til konto 1503.22.44871 med KID 5587100042 innen 07.12.2026. Har du spørsmål om kravet, svar på denne e-posten. Har du allerede betalt, kan du se bort fra denne meldingen.\n\nVennlig hilsen\nBerg Elektro AS\nTlf 55 12 34 00",
 "B": "man. 23. nov. 2026 kl. 08:02 skrev Berg Elektro AS <innfordring@bergelektro.example>:\n> Hei!\n> Faktura 55871 (kr 8 430,00) er ikke betalt. Purregebyr kr 35 er lagt til.\n> Dersom kravet ikke betales innen 14 dager, sendes saken til inkasso.\n> Ved uenighet om kravet, gi beskjed snarest.",
 "C": "Den 23.11.2026 kl. 08:02 skreiv Berg Elektro AS <innfordring@bergelektro.example>:\n> Vi har ikkje fått betaling for faktura 55871 på kr 8 430,00.\n> Betal innan 07.12.2026 til konto 1503.22.44871.",
 "D": "From: Nordic Office Supply AS <collections@nordicoffice.example>\nSent: Monday, 23 November 2026 08:02\nTo: ap@client.example\nSubject: Overdue invoice 90412\n\nHello,\nOur records show that invoice 90412 for NOK 23,900.00, due 9 November 2026, remains unpaid. Please remit payment to account 1503.22.44871 quoting KID 9041200017 by 7 December 2026. If you have already paid, please ignore this message. If you disagree with the invoice, let us know.",
 "E": "On Mon, Nov 23, 2026 at 8:02 AM Nordic Office Supply <collections@nordicoffice.example> wrote:\n> Reminder: invoice 90412 is overdue. A reminder fee of NOK 35 has been charged.\n> Please pay promptly to avoid debt collection.",
 "F": "-----Opprinnelig melding-----\nFra: Berg Elektro AS\nSendt: 30. november 2026 07:45\nEmne: Inkassovarsel - faktura 55871\n\nVi varsler herved om at kravet vil bli oversendt til inkasso dersom det ikke er betalt innen 14 dager fra dette varselets dato. Purregebyr: kr 70.",
 "SA": "Med vennlig hilsen\nTrond Vik\nØkonomiansvarlig\nVik Transport AS\nMob: 481 22 903\nwww.viktransport.example",
 "SB": "Mvh Line\nSendt fra Outlook for iOS",
 "SC": "Kind regards,\n\nEmma Clarke\nAccounts Payable | Harbour Foods Ltd\nT: +44 161 496 0732\n\nCONFIDENTIALITY NOTICE: This e-mail is intended only for the addressee. If you are not the intended recipient, do not read, copy or forward it; please notify us and delete it.",
 "SD": "Venleg helsing\nOddny Haugland\nHaugland Snikkeri\n950 11 234",
 "SE": "Thanks,\nRaj\n\nGet Outlook for Android",
 "SF": "Mvh\nAnders Lie | Lie & Sønner AS | Org.nr 987 654 321\nBesøksadresse: Industriveien 4, 4033 Stavanger",
}

def expand(body):
    out = []
    for line in body.split("\n"):
        s = line.strip()
        out.append(Q[s[2:]] if s.startswith("@@") and s[2:] in Q else line)
    return "\n".join(out).strip("\n")

items = []
for path in sorted(glob.glob(os.path.join(HERE, "blind2", "*.txt"))):
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
    h = int(hashlib.sha256(("blind2:" + it["id"]).encode()).hexdigest(), 16) % 2
    (hold if h == 0 else dev).append(rec)

for name, rows in (("blind2.jsonl", allrows), ("blind2-dev.jsonl", dev), ("blind2-holdout.jsonl", hold)):
    with open(os.path.join(HERE, name), "w", encoding="utf-8") as f:
        for r in rows: f.write(json.dumps(r, ensure_ascii=False) + "\n")
print(len(items), "items;", len(dev), "blind-dev,", len(hold), "blind-holdout")
print(Counter(i["label"] for i in items))
print(Counter(i["lang"] for i in items))
