using System.Globalization;
using System.Security;
using Receivables.Payments;

namespace Receivables.Local.Bench;

/// <summary>
/// Writes Nets OCR giro and camt.054.001.08 files as a bank would (the bench, the demo and the tests use them).
/// Streams: the end records' counts and totals are summed while writing.
/// </summary>
public static class BankFileGenerator
{
    public static string Ocr(IEnumerable<GeneratedPayment> payments, int transmission = 1, int assignment = 1)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        WriteOcr(writer, payments, transmission, assignment);
        return writer.ToString();
    }

    public static void WriteOcr(TextWriter writer, IEnumerable<GeneratedPayment> payments, int transmission = 1, int assignment = 1)
    {
        var records = 0;
        var count = 0;
        long total = 0;
        DateOnly? first = null;
        DateOnly? last = null;
        void Line(string text)
        {
            if (text.Length != 80)
            {
                throw new InvalidOperationException($"OCR record of {text.Length} characters: {text}");
            }

            writer.Write(text);
            writer.Write("\r\n");
            records++;
        }

        Line(string.Create(CultureInfo.InvariantCulture, $"NY000010{"00008080"}{transmission:0000000}{"00010200"}") + new string('0', 49));
        Line(string.Create(CultureInfo.InvariantCulture, $"NY090020{"001008566"}{assignment:0000000}{"99991042764"}") + new string('0', 45));
        var assignmentStart = records - 1;
        foreach (var payment in payments)
        {
            count++;
            var ore = (long)Math.Round(payment.Amount * 100m, MidpointRounding.AwayFromZero);
            total += ore;
            first = first is null || payment.Date < first ? payment.Date : first;
            last = last is null || payment.Date > last ? payment.Date : last;
            var type = payment.Reversal ? (payment.Kid is null ? "20" : "18") : (payment.Kid is null ? "21" : "10");
            var date = payment.Date.ToString("ddMMyy", CultureInfo.InvariantCulture);
            var kid = (payment.Kid ?? "").PadLeft(25);
            Line(string.Create(CultureInfo.InvariantCulture, $"NY09{type}30{count:0000000}{date}{"13"}{"20"}{"1"}{"01464"}{"0"}{ore:00000000000000000}{kid}") + "000000");
            var archive = payment.Reference ?? (900000000 + (count % 100000000)).ToString(CultureInfo.InvariantCulture);
            var account = (payment.PayerAccount ?? "99990512341").PadLeft(11, '0');
            Line(string.Create(CultureInfo.InvariantCulture, $"NY09{type}31{count:0000000}{"9636827194"}{archive,9}{"0000000"}{date}{account}") + new string('0', 22));
            if (type is "20" or "21")
            {
                var text = (payment.Text ?? "").Length > 40 ? payment.Text![..40] : (payment.Text ?? "");
                Line(string.Create(CultureInfo.InvariantCulture, $"NY09{type}32{count:0000000}{text,-40}") + new string('0', 25));
            }
        }

        var end = (last ?? new DateOnly(2026, 1, 1)).ToString("ddMMyy", CultureInfo.InvariantCulture);
        var assignmentRecords = records - assignmentStart + 1;
        Line(string.Create(CultureInfo.InvariantCulture, $"NY090088{count:00000000}{assignmentRecords:00000000}{total:00000000000000000}{end}{(first ?? new DateOnly(2026, 1, 1)).ToString("ddMMyy", CultureInfo.InvariantCulture)}{end}") + new string('0', 21));
        Line(string.Create(CultureInfo.InvariantCulture, $"NY000089{count:00000000}{records + 1:00000000}{total:00000000000000000}{end}") + new string('0', 33));
    }

    public static string Camt054(IEnumerable<GeneratedPayment> payments, string version = "camt.054.001.08")
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        WriteCamt054(writer, payments, version);
        return writer.ToString();
    }

    /// <summary>One booked entry per payment (CRDT, or DBIT with RvslInd for a reversal) with one transaction.</summary>
    public static void WriteCamt054(TextWriter writer, IEnumerable<GeneratedPayment> payments, string version = "camt.054.001.08")
    {
        writer.WriteLine("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        writer.WriteLine($"<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:{version}\">");
        writer.WriteLine("  <BkToCstmrDbtCdtNtfctn>");
        writer.WriteLine("    <GrpHdr><MsgId>GEN-1</MsgId><CreDtTm>2026-01-01T06:00:00+01:00</CreDtTm></GrpHdr>");
        writer.WriteLine("    <Ntfctn>");
        writer.WriteLine("      <Id>GEN-1</Id><CreDtTm>2026-01-01T06:00:00+01:00</CreDtTm>");
        writer.WriteLine("      <Acct><Id><Othr><Id>12345678903</Id></Othr></Id></Acct>");
        var n = 0;
        var v2 = version.EndsWith(".02", StringComparison.Ordinal);
        foreach (var p in payments)
        {
            n++;
            var amount = p.Amount.ToString("0.00", CultureInfo.InvariantCulture);
            var date = p.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var reference = p.Reference ?? $"BANKREF{n:00000000}";
            writer.WriteLine("      <Ntry>");
            writer.WriteLine($"        <Amt Ccy=\"{p.Currency}\">{amount}</Amt><CdtDbtInd>{(p.Reversal ? "DBIT" : "CRDT")}</CdtDbtInd>{(p.Reversal ? "<RvslInd>true</RvslInd>" : "")}");
            writer.WriteLine(v2 ? "        <Sts>BOOK</Sts>" : "        <Sts><Cd>BOOK</Cd></Sts>");
            writer.WriteLine($"        <BookgDt><Dt>{date}</Dt></BookgDt><ValDt><Dt>{date}</Dt></ValDt><AcctSvcrRef>{reference}</AcctSvcrRef>");
            writer.WriteLine("        <NtryDtls><TxDtls>");
            writer.WriteLine($"          <Refs><EndToEndId>E2E{n:00000000}</EndToEndId></Refs>");
            writer.WriteLine(v2 ? $"          <AmtDtls><TxAmt><Amt Ccy=\"{p.Currency}\">{amount}</Amt></TxAmt></AmtDtls>" : $"          <Amt Ccy=\"{p.Currency}\">{amount}</Amt>");
            var name = SecurityElement.Escape(p.Payer ?? "Payer " + n.ToString(CultureInfo.InvariantCulture));
            writer.WriteLine(v2
                ? $"          <RltdPties><Dbtr><Nm>{name}</Nm></Dbtr><DbtrAcct><Id><Othr><Id>{p.PayerAccount ?? "12340000001"}</Id></Othr></Id></DbtrAcct></RltdPties>"
                : $"          <RltdPties><Dbtr><Pty><Nm>{name}</Nm></Pty></Dbtr><DbtrAcct><Id><Othr><Id>{p.PayerAccount ?? "12340000001"}</Id></Othr></Id></DbtrAcct></RltdPties>");
            writer.Write("          <RmtInf>");
            if (p.Text is not null)
            {
                writer.Write($"<Ustrd>{SecurityElement.Escape(p.Text)}</Ustrd>");
            }

            if ((p.Kid ?? p.Rf) is { } structured)
            {
                writer.Write($"<Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp><Ref>{SecurityElement.Escape(structured)}</Ref></CdtrRefInf></Strd>");
            }

            writer.WriteLine("</RmtInf>");
            writer.WriteLine("        </TxDtls></NtryDtls>");
            writer.WriteLine("      </Ntry>");
        }

        writer.WriteLine("    </Ntfctn>");
        writer.WriteLine("  </BkToCstmrDbtCdtNtfctn>");
        writer.WriteLine("</Document>");
    }

    /// <summary>A valid RF reference for an invoice number (what a creditor prints on an invoice).</summary>
    public static string RfFor(string invoiceNumber) => CreditorReference.Create(invoiceNumber);
}
