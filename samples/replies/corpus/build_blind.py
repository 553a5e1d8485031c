#!/usr/bin/env python3
"""Builds <set>.jsonl, <set>-dev.jsonl and <set>-holdout.jsonl from <set>/*.txt, for set = blind2, blind3, blind4 or blind5.

    python3 build_blind.py blind2|blind3|blind4|blind5

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

BLIND4_DOC = """\
A fourth blind set (#16, dated promises), written without reading the classifier and before any run, with its own
quoted chains (@@Q1..@@Q10, each sent shortly before the replies that quote it, from January 2026 to February 2027)
and signatures (@@S1..@@S8). Received dates spread over 2026 and early 2027, every weekday, month ends and the year
end. Checked on build: labels, languages, flags, date formats; a promise's date is on or after the received date,
a payment's on or before it, and no other label carries a date.

Date conventions (those of blind2/blind3 where they had one; the rest as a credit controller would read them):
- a weekday alone ("betaler fredag", "kjem inn tysdag", "Thursday's payment run") = the next such day after the
  received date; "førstkommende fredag" likewise;
- "neste fredag" / "next Tuesday" / "neste uke" / "end of next week" = that weekday (Friday for a week) in the ISO
  week after the received date's (received on a Saturday, "neste fredag" is the coming Friday);
- "fredag om en uke" = the coming Friday + 7 days;
- "til helga" / "innen helga" / "innan helga" / "i løpet av uka" = Friday of the received date's week (blind2 b012
  left "fikse det til helga" undated; blind4 dates it, as blind3 c008 did "førr helga");
- "over helga" (received on a Friday) = the Monday after the weekend;
- "uke / veke / week N" = Friday of ISO week N, in the next year when that Friday has passed (received 2026-12-31,
  "uke 2" = 2027-01-15);
- "den 20." / "the 19th" / "når lønna kommer den 20." = the next such day of the month on or after the received date;
  a bare day and month ("4. januar" received 2026-12-28) = the next such date, so across the year end;
- "innen utgangen av måneden" / "før månedsslutt" / "ved månedsskiftet" / "i slutten av måneden" / "end of the month"
  = the last day of the received date's month;
- "om 14 dager" / "in two weeks" / "in a fortnight" = received + 14; "i morgen" = + 1; "i overmorgen" = + 2;
  "lillejulaften" = 23 December;
- "5 000 i dag og resten den 13., da er hele kravet gjort opp" = a promise dated when the whole claim is paid; an
  offer or request to pay in instalments or later because the money is not there is Liquidity, undated;
- paying on condition that the creditor corrects or credits something is a Dispute, undated;
- AlreadyPaid: "i går" / "yesterday" = received - 1; "forrige fredag" / "last Friday" = the latest Friday before the
  received date; "har betalt nå" = the received date.
"""
BLIND4_Q = {
 "Q1": "Fra: Havbris Elektro AS <reskontro@havbris.example>\nSendt: mandag 12. januar 2026 09:41\nTil: post@kunde.example\nEmne: Purring: faktura 150126\n\nHei,\nFaktura 150126 på kr 6 275,00 forfalt 02.01.2026 og er fortsatt ikke betalt. Vennligst betal innen 22.01.2026 til kontonummer 1206.44.55771, KID 1501260037. Purregebyr kr 35,00 er lagt til.\nHar du allerede betalt, kan du se bort fra denne purringen.\n\nMed vennlig hilsen\nHavbris Elektro AS\nOrg.nr. 912 345 670",
 "Q2": "tor. 5. mar. 2026 kl. 14:40 skrev Vestland Verktøy AS <innkreving@vestlandverktoy.example>:\n> Hei!\n> Vi minner om faktura 44120 på kr 2 180,00 med forfall 20.02.2026.\n> Betal innen 19.03.2026 for å unngå inkassovarsel.\n> Kontonummer 3000.12.98765, KID 4412000085.",
 "Q3": "From: Northbridge Logistics AS <ar@northbridge.example>\nSent: Tuesday, 12 May 2026 11:20\nTo: payables@customer.example\nSubject: Reminder: invoice 71903 overdue\n\nDear Sir or Madam,\nInvoice 71903 for NOK 48,600.00, due 28 April 2026, is still outstanding. Please arrange payment by 26 May 2026 to account 1594.22.87001 (KID 7190300042). A reminder fee of NOK 35 has been added. If you have paid in the last few days, please disregard this notice.\n\nNorthbridge Logistics AS | Credit Control",
 "Q4": "Den fre. 12. jun. 2026 kl. 08:30 skreiv Sunnfjord Trelast AS <rekneskap@sunnfjordtrelast.example>:\n> Hei,\n> faktura 1206 på kr 9 840,00 forfall 29.05.2026 og er ikkje betalt.\n> Betal innan 26.06.2026. Purregebyr kr 35 er lagt til.\n> Har du spørsmål til rekninga, svar på denne e-posten.",
 "Q5": "Den 1. sep. 2026 kl. 10:05 skrev Grønn Hage AS <faktura@gronnhage.example>:\n\n> Betalingspåminnelse\n> \n> Faktura 260815 (kr 3 450,00) forfalt 15.08.2026. Vennligst betal innen 15.09.2026.\n> Ved spørsmål, ring 33 44 55 66 eller svar på denne e-posten.",
 "Q6": "________________________________\nFra: Kystlinje Bygg AS <inkasso@kystlinjebygg.example>\nSendt: fredag 30. oktober 2026 13:02\nTil: firmapost@kunde.example\nEmne: Inkassovarsel faktura 88310\n\nInkassovarsel\nVi har fortsatt ikke mottatt betaling for faktura 88310 på kr 12 450,00, forfall 15.10.2026. Dersom kravet ikke er betalt innen 14 dager fra dette varselets dato, vil saken bli oversendt til inkasso uten ytterligere varsel. Beløpet inkl. gebyr er kr 12 520,00.\nKonto 6011.05.43210, KID 8831000071.",
 "Q7": "On Mon, Dec 7, 2026 at 9:00 AM Polar Office Supplies <billing@polaroffice.example> wrote:\n> Hi,\n> This is a friendly reminder that invoice PO-2611 (NOK 15,320.00) was due on Nov 23, 2026.\n> Please pay by 21/12/2026 to avoid a collection notice.\n> Account 8601.11.22334, KID 261100093. Thank you!",
 "Q8": "Fra: Fjellvann Energi AS <kundeservice@fjellvann.example>\nDato: mandag, 14. desember 2026 kl. 07:55\nTil: Ola Nordmann <ola@kunde.example>\nEmne: Betalingspåminnelse faktura 77-1412\n\nHei Ola,\nVi har ikke registrert betaling av faktura 77-1412 på kr 1 987,50 med forfall 30.11.2026. Betal innen 28.12.2026 for å unngå purregebyr.\nKID: 7714120026 - Kontonr: 1822.33.10044",
 "Q9": "Frå: Hardanger Transport AS <okonomi@hardangertransport.example>\nSendt: tysdag 2. februar 2027 08:15\nTil: post@kunde.example\nEmne: Purring - faktura 20127\n\nHei,\nfaktura 20127 på kr 7 300,00 forfall 19.01.2027 og er framleis ikkje betalt. Betal innan 16.02.2027 til konto 3530.18.66012.\n\nHelsing\nHardanger Transport AS",
 "Q10": "-----Original Message-----\nFrom: Skagerak Marine Supply AS [mailto:credit@skagerakmarine.example]\nSent: 10 August 2026 14:22\nTo: Accounts\nSubject: Overdue account - invoice SM-0708\n\nOur statement shows invoice SM-0708 (NOK 22,150.00, dated 07/07/2026, due 21/07/2026) as unpaid. Kindly remit within 10 days. Late payment interest accrues from the due date.",
 "S1": "Med vennlig hilsen\n\nHilde Brekke\nDaglig leder\nBrekke Frisør AS\nOrg.nr. 921 456 789\nTlf. 911 22 333\nBankkonto 2050.14.77812",
 "S2": "Sendt fra min iPhone",
 "S3": "Regards,\nMark Donnelly\nAccounts Payable Lead | Tidewater Components Ltd\nTel: +44 20 7946 0958 | Fax: +44 20 7946 0959\nRegistered in England No. 04571236",
 "S4": "Venleg helsing\nSolveig Nesheim\nNesheim Gardsbruk\nMob. 902 14 151\nOrg.nr 998 877 665",
 "S5": "Hilsen\nJan Erik\nSendt fra Samsung Galaxy-smarttelefonen min.",
 "S6": "Mvh\nFrode Sæther | Regnskapsfører\nSæther Regnskap AS - autorisert regnskapsførerselskap\nKontortid man-fre 08:00-15:30, stengt 24.12-01.01\nTlf 73 10 20 30",
 "S7": "Best,\nJennifer Lee\nAccounts Payable Specialist\nCascade Outdoor Inc. | 1200 Pine St, Seattle, WA 98101\n(206) 555-0187",
 "S8": "Mvh Linda\n\nFå Outlook for Android",
}

BLIND5_DOC = """\
A fifth blind set (#16, broad recall and safety), written without reading the classifier, the cue lists, docs/replies.md
or the earlier sets' texts, and committed before any run. About 160 replies: bokmål (with SMS style without æøå,
dialect, typos, one-liners), nynorsk and English, every class, quoted reminder chains (@@R1..@@R10, each sent shortly
before the replies that quote it, March 2026 to January 2027) and signatures (@@T1..@@T8). Promise dates follow a
credit controller's reading: a weekday is the next such day after the reply, "slutten av måneden" the month's last
day, a week number that week's Friday, "etter helga" the Monday after; vague promises (neste uke, snart) carry no
date. Checked on build like blind4. The split is fixed by a hash of "blind5:" + id: blind5-dev.jsonl may be tuned on;
blind5-holdout.jsonl is measured once before any change and never tuned on.
"""
BLIND5_Q = {
 "R1": "Fra: Solheim Rør AS <regnskap@solheimror.example>\nSendt: mandag 9. mars 2026 07:31\nTil: post@kunden.example\nEmne: Purring - faktura 20431\n\nHei,\nVi kan ikke se å ha mottatt betaling for faktura 20431 på kr 6 287,50, forfall 23.02.2026. Purregebyr kr 35 er lagt til. Vennligst betal kr 6 322,50 til kontonr 3000.14.77210, KID 2043100071, innen 23.03.2026.\nEr beløpet allerede betalt, kan du se bort fra denne purringen. Har du innsigelser, svar på denne e-posten.\n\nMed vennlig hilsen\nSolheim Rør AS\nRegnskap",
 "R2": "man. 20. apr. 2026 kl. 09:12 skrev Fjordkraft Verksted AS <faktura@fjordverksted.example>:\n> INKASSOVARSEL\n> Faktura 7719 på kr 12 940,00 er fortsatt ubetalt etter purring.\n> Dersom beløpet ikke er betalt innen 14 dager fra dette varselet, oversendes kravet til inkasso.\n> Dette vil medføre ytterligere kostnader for deg.\n> Betal til konto 1207.55.01933 og merk betalingen med KID 0771900045.",
 "R3": "From: Bergen Print & Sign AS <accounts@bergenprint.example>\nSent: Monday, May 18, 2026 8:05 AM\nTo: finance@customer.example\nSubject: Payment reminder - invoice 33018\n\nDear customer,\nAccording to our records, invoice 33018 for NOK 18,450.00, due May 4, 2026, has not been paid. A reminder fee of NOK 35 has been added. Please pay to account 1503.88.20417, KID 3301800026, within 14 days.\nIf payment has already been made, please disregard this reminder. Questions about the invoice can be sent as a reply to this email.\n\nBest regards\nBergen Print & Sign AS",
 "R4": "Den 8. juni 2026 kl. 10:02 skreiv Voss Bygg og Anlegg AS <rekneskap@vossbygg.example>:\n> Purring på faktura 4410\n> Vi har ikkje registrert innbetaling av faktura 4410 på kr 3 875,00, som forfall 25.05.2026.\n> Purregebyr kr 35 er lagt til. Ver venleg og betal innan 22.06.2026 til konto 3530.12.66018, KID 0441000039.\n> Har du alt betalt, kan du sjå bort frå denne purringa.",
 "R5": "Den 24. aug. 2026 kl. 08:44 skrev Nordlys Regnskap og Inkasso AS <purring@nordlysri.example>:\n\n> Påminnelse: faktura 118822 på kr 2 490,00 forfalt 10.08.2026.\n> Vi ber deg betale innen 07.09.2026. Ved manglende betaling påløper purregebyr og forsinkelsesrente.\n> Kontonr 1822.40.11893 - KID 1188220017\n> Dette er en automatisk generert e-post.",
 "R6": "On Mon, Sep 14, 2026 at 9:20 AM Oslo Catering AS <billing@oslocatering.example> wrote:\n> Hello,\n> This is a reminder that invoice 5621 (NOK 7,200.00) was due on August 31, 2026.\n> Please settle the outstanding amount within 14 days to avoid a debt collection notice.\n> Account 6011.05.33812, KID 0562100083.\n> Kind regards, Oslo Catering AS",
 "R7": "-----Opprinnelig melding-----\nFra: Hamar Maskin AS <okonomi@hamarmaskin.example>\nSendt: 12. oktober 2026 13:58\nTil: kunde@post.example\nEmne: Inkassovarsel faktura 90077\n\nInkassovarsel\nVi har tidligere sendt purring på faktura 90077, kr 31 600,00, forfalt 14.09.2026. Kravet er fortsatt ikke betalt.\nBetales ikke kravet innen 14 dager, vil det bli sendt til inkasso uten ytterligere varsel. Inkassosalær og renter kommer da i tillegg.\nEr kravet betalt, se bort fra dette varselet.",
 "R8": "Frå: Sogn Elektro AS <faktura@sognelektro.example>\nSendt: måndag 16. november 2026 08:15\nTil: post@kunde.example\nEmne: Purring faktura 66120\n\nHei,\nFaktura 66120 på kr 4 115,00 forfall 02.11.2026 og er framleis ikkje betalt. Vi har lagt til purregebyr på kr 35.\nBetal innan 30.11.2026 til konto 3705.20.44861, KID 6612000018.\nMvh Sogn Elektro AS",
 "R9": "-----Original Message-----\nFrom: Tromsø Marine Supply AS <ar@tromsomarine.example>\nSent: Monday, December 7, 2026 10:41\nTo: purchasing@client.example\nSubject: FINAL NOTICE before debt collection - invoice 78200\n\nThis is a notice of debt collection (inkassovarsel) under the Norwegian Debt Collection Act section 9.\nInvoice 78200, NOK 46,980.00, due 2026-11-09, remains unpaid. Unless payment is received within 14 days, the claim will be transferred to a debt collection agency and additional costs will apply.",
 "R10": "man. 11. jan. 2027 kl. 07:50 skrev Kristiansand Kontor AS <innkreving@krskontor.example>:\n> Hei!\n> Vi minner om faktura 24-1907 på kr 1 349,00 som forfalt 28.12.2026.\n> Purregebyr på kr 35 er lagt til. Betal innen 25.01.2027.\n> Spørsmål? Svar på denne e-posten eller ring 38 00 12 00.",
 "T1": "Med vennlig hilsen\nKjetil Brekke\nDaglig leder\nBrekke Transport AS\nTlf: 915 22 410\nOrg.nr: 912 345 678",
 "T2": "Sendt fra min iPhone",
 "T3": "Mvh\nSiri Aas\nAas Frisør\n\nSendt fra Samsung Galaxy-smarttelefonen min.",
 "T4": "Kind regards,\nDaniel Moore\nFinance Manager\nNorthwind Logistics Ltd.\nTel: +44 20 7946 0321\n\nThis email and any attachments are confidential and intended solely for the addressee. If you have received this email in error, please notify the sender and delete it. Please consider the environment before printing this email.",
 "T5": "Helsing\nAslaug Rønneberg\nRønneberg Gard\nTlf 907 33 158",
 "T6": "Best,\nPriya\n\nSent from my iPhone",
 "T7": "Vennlig hilsen\n\nLars Olav Nygård\nInnkjøp / økonomi\nNygård Entreprenør AS | Storgata 12, 2317 Hamar\nMobil 468 10 227\n\nDenne e-posten kan inneholde konfidensiell informasjon. Dersom du ikke er rett mottaker, ber vi deg slette e-posten og varsle avsender.",
 "T8": "Venleg helsing\nTorbjørn Vereide\nVereide Fiskeoppdrett AS",
}

SETS = {
    "blind2": {"doc": BLIND2_DOC, "q": BLIND2_Q, "summary": "blind-dev,|blind-holdout"},
    "blind3": {"doc": BLIND3_DOC, "q": BLIND3_Q, "summary": "blind3-dev,|blind3-holdout"},
    "blind4": {"doc": BLIND4_DOC, "q": BLIND4_Q, "summary": "blind4-dev,|blind4-holdout", "check": True},
    "blind5": {"doc": BLIND5_DOC, "q": BLIND5_Q, "summary": "blind5-dev,|blind5-holdout", "check": True},
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
