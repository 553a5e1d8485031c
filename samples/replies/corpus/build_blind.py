#!/usr/bin/env python3
"""Builds <set>.jsonl, <set>-dev.jsonl and <set>-holdout.jsonl from <set>/*.txt, for set = blind2 or blind3.

    python3 build_blind.py blind2|blind3

Header of every reply: ### id|label|received|date|lang|flags|subject, then the body. A body line that is exactly a
marker @@KEY (after trimming) expands to the set's quoted reminder chain or signature KEY. The split is fixed by a
hash of "<set>:" + id, half and half: <set>-dev.jsonl may be tuned on; <set>-holdout.jsonl is measured once at the
end and never tuned on. Each set's own notes are in SETS[set]["doc"].
"""
import glob, hashlib, json, os, sys
from collections import Counter
from datetime import date

HERE = os.path.dirname(os.path.abspath(__file__))

BLIND2_DOC = """\
A second blind set (#16 follow-up), written before reading the classifier or the other corpus, with its own quoted
chains and signatures. Same header as build.py: ### id|label|received|date|lang|flags|subject; @@A…@@F expand to
quoted reminder chains, @@SA…@@SF to signatures. The split is fixed by a hash of "blind2:" + id, half and half:
blind2-dev.jsonl may be tuned on; blind2-holdout.jsonl is measured once at the end and never tuned on.
"""
BLIND2_Q = {
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

BLIND3_DOC = """\
A third blind set (#16, recall), written before reading the classifier's cue lists, with its own quoted chains
(@@QA..@@QF) and signatures (@@SA..@@SF). Header: ### id|label|received|date|lang|flags|subject. The split is fixed
by a hash of "blind3:" + id, half and half: blind3-dev.jsonl may be tuned on; blind3-holdout.jsonl is measured once
at the end and never tuned on.
"""
BLIND3_Q = {
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

SETS = {
    "blind2": {"doc": BLIND2_DOC, "q": BLIND2_Q, "summary": "blind-dev,|blind-holdout"},
    "blind3": {"doc": BLIND3_DOC, "q": BLIND3_Q, "summary": "blind3-dev,|blind3-holdout"},
}
LABELS = {"PromiseToPay", "Dispute", "Liquidity", "AlreadyPaid", "NotReceived", "CopyRequest", "ContactChange",
          "Question", "AutoReply", "DeliveryFailure", "Other"}


def expand(body, q):
    out = []
    for line in body.split("\n"):
        s = line.strip()
        out.append(q[s[2:]] if s.startswith("@@") and s[2:] in q else line)
    return "\n".join(out).strip("\n")


def read_items(name):
    items = []
    for path in sorted(glob.glob(os.path.join(HERE, name, "*.txt"))):
        cur = None
        for n, line in enumerate(open(path, encoding="utf-8").read().split("\n"), 1):
            if line.startswith("### "):
                parts = line[4:].split("|")
                if len(parts) != 7:
                    raise SystemExit(f"{path}:{n}: bad header {line!r}")
                if cur: items.append(cur)
                cur = {"id": parts[0].strip(), "label": parts[1].strip(), "received": parts[2].strip(),
                       "date": parts[3].strip(), "lang": parts[4].strip(), "flags": parts[5].strip(),
                       "subject": parts[6].strip(), "body": [], "where": f"{path}:{n}"}
            elif cur is not None:
                cur["body"].append(line)
        if cur: items.append(cur)
    return items


def check(it, q):
    """Validates one reply of a checked set: label, language, flags, date formats, and the date's side of received."""
    where = it["where"]
    def fail(field, msg): raise SystemExit(f"{where}: {field}: {msg}")
    if it["label"] not in LABELS: fail("label", f"unknown label {it['label']!r}")
    if it["lang"] not in ("nb", "nn", "en"): fail("lang", f"unknown language {it['lang']!r}")
    if it["flags"] not in ("", "injection"): fail("flags", f"unknown flag {it['flags']!r}")
    try:
        received = date.fromisoformat(it["received"])
    except ValueError:
        fail("received", f"not a YYYY-MM-DD date: {it['received']!r}")
    if it["date"]:
        try:
            stated = date.fromisoformat(it["date"])
        except ValueError:
            fail("date", f"not a YYYY-MM-DD date: {it['date']!r}")
        if it["label"] == "PromiseToPay" and stated < received:
            fail("date", f"promise date {stated} before received {received}")
        if it["label"] == "AlreadyPaid" and stated > received:
            fail("date", f"payment date {stated} after received {received}")
        if it["label"] not in ("PromiseToPay", "AlreadyPaid"):
            fail("date", f"a {it['label']} carries no date")
    for line in it["body"]:
        s = line.strip()
        if s.startswith("@@") and s[2:] not in q: fail("body", f"unknown marker {s!r}")


def main(argv):
    if len(argv) != 2 or argv[1] not in SETS:
        raise SystemExit("usage: build_blind.py " + "|".join(SETS))
    name = argv[1]
    spec = SETS[name]
    items = read_items(name)
    ids, allrows, dev, hold = set(), [], [], []
    for it in items:
        if spec.get("check"): check(it, spec["q"])
        if it["id"] in ids: raise SystemExit("duplicate id " + it["id"])
        ids.add(it["id"])
        rec = {"id": it["id"], "label": it["label"], "received": it["received"], "lang": it["lang"],
               "subject": it["subject"], "text": expand("\n".join(it["body"]), spec["q"])}
        if it["date"]: rec["date"] = it["date"]
        if it["flags"]: rec["flags"] = it["flags"]
        allrows.append(rec)
        h = int(hashlib.sha256((name + ":" + it["id"]).encode()).hexdigest(), 16) % 2
        (hold if h == 0 else dev).append(rec)

    for fname, rows in ((name + ".jsonl", allrows), (name + "-dev.jsonl", dev), (name + "-holdout.jsonl", hold)):
        with open(os.path.join(HERE, fname), "w", encoding="utf-8") as f:
            for r in rows: f.write(json.dumps(r, ensure_ascii=False) + "\n")
    d, h = spec["summary"].split("|")
    print(len(items), "items;", len(dev), d, len(hold), h)
    print(Counter(i["label"] for i in items))
    print(Counter(i["lang"] for i in items))
    if spec.get("check"):
        for part, rows in (("dev", dev), ("holdout", hold)):
            print(part, "dated promises:", sum(1 for r in rows if r["label"] == "PromiseToPay" and "date" in r),
                  "of", sum(1 for r in rows if r["label"] == "PromiseToPay"), "promises;",
                  Counter(r["label"] for r in rows), Counter(r["lang"] for r in rows))


if __name__ == "__main__":
    main(sys.argv)
