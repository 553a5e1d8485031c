using System.Globalization;

namespace Receivables.Ledger;

/// <summary>
/// Compares the previous accepted snapshot with a new upload in one pass over both (each sorted by debtor and
/// invoice), writes the new snapshot (only open items), its sparse debtor index and its change events.
/// Rules: a new item is added (a credit note when negative); a lower open amount is a partial payment; an open amount
/// of 0 or an item that is gone is paid; a higher open amount is recorded as such.
/// </summary>
public sealed class SnapshotDiff(string creditorId, string snapshotId, string sourceFile)
{
    /// <summary>A debtor index entry is written at the first debtor after every this many bytes of snapshot.</summary>
    public const int IndexEvery = 64 * 1024;

    public DiffResult Run(IEnumerable<LedgerRow> previous, IEnumerable<LedgerRow> current, TextWriter snapshot, TextWriter index, TextWriter changes, LedgerDiagnostics diagnostics)
    {
        var result = new DiffResult();
        var writer = new SnapshotWriter(snapshot, index);
        using var prev = previous.GetEnumerator();
        using var next = current.GetEnumerator();
        var hasPrev = prev.MoveNext();
        var hasNext = next.MoveNext();
        LedgerRow? lastNext = null;
        string? changedDebtor = null;

        void Change(LedgerChangeKind kind, LedgerRow row, decimal before, decimal after, int line)
        {
            result.Changes[kind] = result.Changes.GetValueOrDefault(kind) + 1;
            changes.Write(string.Join('\t', kind.ToString(), row.DebtorId, row.InvoiceNumber, row.Currency, SnapshotFormat.Amount(before), SnapshotFormat.Amount(after), line.ToString(CultureInfo.InvariantCulture)));
            changes.Write('\n');
            Touched(row.DebtorId);
        }

        void Touched(string debtorId)
        {
            if (!string.Equals(changedDebtor, debtorId, StringComparison.Ordinal))
            {
                changedDebtor = debtorId;
                result.DebtorsChanged++;
            }
        }

        while (hasPrev || hasNext)
        {
            var order = !hasPrev ? 1 : !hasNext ? -1 : LedgerRow.CompareKeys(prev.Current, next.Current);
            if (order < 0)
            {
                // In the previous snapshot, absent now: paid.
                Change(LedgerChangeKind.Paid, prev.Current, prev.Current.OpenAmount, 0m, 0);
                hasPrev = prev.MoveNext();
                continue;
            }

            var row = next.Current;
            result.Rows++;
            if (lastNext is not null && LedgerRow.CompareKeys(lastNext, row) == 0)
            {
                diagnostics.Error(row.Line, "invoice_number", row.InvoiceNumber, $"a unique invoice number per customer; customer '{row.DebtorId}' has it also on line {lastNext.Line}");
            }

            lastNext = row;
            if (order == 0)
            {
                var before = prev.Current;
                if (row.OpenAmount == 0m)
                {
                    Change(LedgerChangeKind.Paid, row, before.OpenAmount, 0m, row.Line);
                }
                else if (Math.Abs(row.OpenAmount) < Math.Abs(before.OpenAmount))
                {
                    Change(LedgerChangeKind.PartiallyPaid, row, before.OpenAmount, row.OpenAmount, row.Line);
                }
                else if (Math.Abs(row.OpenAmount) > Math.Abs(before.OpenAmount))
                {
                    Change(LedgerChangeKind.OpenAmountIncreased, row, before.OpenAmount, row.OpenAmount, row.Line);
                }
                else if (!SameDebtor(before, row) || before.DueDate != row.DueDate || before.Kid != row.Kid)
                {
                    Touched(row.DebtorId);
                }

                hasPrev = prev.MoveNext();
            }
            else if (row.OpenAmount != 0m)
            {
                Change(row.Amount < 0m ? LedgerChangeKind.CreditNoteAdded : LedgerChangeKind.InvoiceAdded, row, 0m, row.OpenAmount, row.Line);
            }

            if (row.OpenAmount != 0m)
            {
                writer.Write(row, result.Summary);
            }

            hasNext = next.MoveNext();
        }

        writer.Finish();
        return result;
    }

    public LedgerChange ToChange(string line)
    {
        var f = line.Split('\t');
        return new LedgerChange(
            Enum.Parse<LedgerChangeKind>(f[0]),
            creditorId,
            f[1],
            f[2],
            f[3],
            SnapshotFormat.ParseAmount(f[4]),
            SnapshotFormat.ParseAmount(f[5]),
            sourceFile,
            int.Parse(f[6], CultureInfo.InvariantCulture),
            snapshotId);
    }

    private static bool SameDebtor(LedgerRow a, LedgerRow b) =>
        a.Name == b.Name && a.Email == b.Email && a.Type == b.Type && a.OrgNumber == b.OrgNumber && a.Phone == b.Phone;

    private sealed class SnapshotWriter(TextWriter output, TextWriter index)
    {
        private long position;
        private long lastIndexed = -1;
        private string? debtor;

        public void Write(LedgerRow row, LedgerSummary summary)
        {
            if (position == 0)
            {
                Line(SnapshotFormat.Header);
            }

            if (!string.Equals(debtor, row.DebtorId, StringComparison.Ordinal))
            {
                if (lastIndexed < 0 || position - lastIndexed >= IndexEvery)
                {
                    index.Write(row.DebtorHash.ToString("x8", CultureInfo.InvariantCulture));
                    index.Write('\t');
                    index.Write(row.DebtorId);
                    index.Write('\t');
                    index.Write(position.ToString(CultureInfo.InvariantCulture));
                    index.Write('\n');
                    lastIndexed = position;
                }

                debtor = row.DebtorId;
                summary.Debtors++;
                summary.DebtorsWithEmail = (summary.DebtorsWithEmail ?? 0) + (row.Email is null ? 0 : 1);
                Line(SnapshotFormat.DebtorLine(row));
            }

            summary.Add(row);
            Line(SnapshotFormat.InvoiceLine(row));
        }

        public void Finish()
        {
            if (position == 0)
            {
                Line(SnapshotFormat.Header);
            }

            index.Write("#end\t");
            index.Write(position.ToString(CultureInfo.InvariantCulture));
            index.Write('\n');
        }

        private void Line(string text)
        {
            output.Write(text);
            output.Write('\n');
            position += SnapshotFormat.Utf8.GetByteCount(text) + 1;
        }
    }
}
