using System.Globalization;
using System.Text;
using Receivables.Common;

namespace Receivables.Ledger;

/// <summary>
/// The compact line format of accepted snapshots (and of the sort's temporary files). UTF-8, one record per line,
/// tab-separated; parsing replaces tabs and line breaks inside values with spaces, so no quoting is needed.
/// <code>
/// D  debtorId  name  email  b|c  orgNumber  [phone]
/// I  invoice  invoiceDate  dueDate  currency  amount  openAmount  kid  sourceLine
/// </code>
/// A snapshot (v2) lists debtors in the order of <see cref="LedgerRow.CompareKeys"/>: by the debtor id's stable hash
/// (<see cref="DebtorShards"/>), then id, each followed by its invoices in ordinal number order; so each shard of
/// debtors is one contiguous byte range. Its index lists <c>hash  debtorId  offset</c> every ~64 KB. v1 snapshots
/// (ordinal id order, index <c>debtorId  offset</c>) are still read, and re-sorted when a v2 snapshot is diffed against one.
/// </summary>
public static class SnapshotFormat
{
    public const string Header = "#receivables-ledger-snapshot v2";

    /// <summary>The header of snapshots written before debtors were ordered by hash.</summary>
    public const string HeaderV1 = "#receivables-ledger-snapshot v1";

    public static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static string DebtorLine(LedgerRow row) =>
        row.Phone is null
            ? string.Join('\t', "D", row.DebtorId, row.Name, row.Email ?? "", row.Type == CustomerType.Business ? "b" : "c", row.OrgNumber ?? "")
            : string.Join('\t', "D", row.DebtorId, row.Name, row.Email ?? "", row.Type == CustomerType.Business ? "b" : "c", row.OrgNumber ?? "", Clean(row.Phone));

    public static string InvoiceLine(LedgerRow row) =>
        string.Join('\t', "I", row.InvoiceNumber, Date(row.InvoiceDate), Date(row.DueDate), row.Currency, Amount(row.Amount), Amount(row.OpenAmount), row.Kid ?? "", row.Line.ToString(CultureInfo.InvariantCulture));

    /// <summary>One self-contained line per row (the sort's temporary files).</summary>
    public static string RowLine(LedgerRow row) => string.Join(
        '\t',
        row.DebtorId,
        row.InvoiceNumber,
        row.Name,
        row.Email ?? "",
        row.Type == CustomerType.Business ? "b" : "c",
        row.OrgNumber ?? "",
        Date(row.InvoiceDate),
        Date(row.DueDate),
        row.Currency,
        Amount(row.Amount),
        Amount(row.OpenAmount),
        row.Kid ?? "",
        row.Line.ToString(CultureInfo.InvariantCulture),
        row.Phone is null ? "" : Clean(row.Phone));

    public static LedgerRow ParseRowLine(string line)
    {
        var f = line.Split('\t');
        return new LedgerRow(f[0], f[1], f[2], Null(f[3]), Type(f[4]), Null(f[5]), ParseDate(f[6]), ParseDate(f[7]), f[8], ParseAmount(f[9]), ParseAmount(f[10]), Null(f[11]), int.Parse(f[12], CultureInfo.InvariantCulture), f.Length > 13 ? Null(f[13]) : null);
    }

    /// <summary>Reads a snapshot back as rows (debtor fields repeated on each of its invoices).</summary>
    public static IEnumerable<LedgerRow> ReadRows(TextReader reader)
    {
        string[]? debtor = null;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (ParseSnapshotLine(line, ref debtor) is { } row)
            {
                yield return row;
            }
        }
    }

    public static async IAsyncEnumerable<LedgerRow> ReadRowsAsync(TextReader reader, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string[]? debtor = null;
        string? line;
        while ((line = await reader.ReadLineAsync(cancellationToken)) is not null)
        {
            if (ParseSnapshotLine(line, ref debtor) is { } row)
            {
                yield return row;
            }
        }
    }

    /// <summary>An invoice line as a row (with the debtor line before it); null for debtor and header lines.</summary>
    public static LedgerRow? ParseSnapshotLine(string line, ref string[]? debtor)
    {
        if (line.Length == 0 || line[0] == '#')
        {
            return null;
        }

        var f = line.Split('\t');
        if (f[0] == "D")
        {
            debtor = f;
            return null;
        }

        if (debtor is null || f[0] != "I" || f.Length < 9)
        {
            throw new InvalidDataException($"Snapshot line '{line}' is not in the snapshot format.");
        }

        return new LedgerRow(debtor[1], f[1], debtor[2], Null(debtor[3]), Type(debtor[4]), Null(debtor[5]), ParseDate(f[2]), ParseDate(f[3]), f[4], ParseAmount(f[5]), ParseAmount(f[6]), Null(f[7]), int.Parse(f[8], CultureInfo.InvariantCulture), debtor.Length > 6 ? Null(debtor[6]) : null);
    }

    /// <summary>Groups rows (sorted by debtor) into debtor ledgers.</summary>
    public static IEnumerable<DebtorLedger> Group(IEnumerable<LedgerRow> rows, string creditorId, string sourceFile)
    {
        LedgerRow? first = null;
        var invoices = new List<OpenInvoice>();
        foreach (var row in rows)
        {
            if (first is not null && !string.Equals(first.DebtorId, row.DebtorId, StringComparison.Ordinal))
            {
                yield return new DebtorLedger(first.ToDebtor(creditorId), invoices);
                invoices = [];
                first = null;
            }

            first ??= row;
            invoices.Add(row.ToInvoice(sourceFile));
        }

        if (first is not null)
        {
            yield return new DebtorLedger(first.ToDebtor(creditorId), invoices);
        }
    }

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Amount(decimal amount) => amount.ToString(CultureInfo.InvariantCulture);

    public static DateOnly ParseDate(string value) => DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static decimal ParseAmount(string value) => decimal.Parse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);

    private static CustomerType Type(string value) => value == "b" ? CustomerType.Business : CustomerType.Consumer;

    private static string? Null(string value) => value.Length == 0 ? null : value;

    private static string Clean(string value) => value.Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' ');
}
