using Receivables.Common;

namespace Receivables.Ledger;

/// <summary>
/// One open item as a ledger file states it, after parsing and validation: the unit the importer sorts, diffs and
/// stores. <see cref="Line"/> is the line (CSV) or element line (SAF-T) of the source file.
/// </summary>
public sealed record LedgerRow(
    string DebtorId,
    string InvoiceNumber,
    string Name,
    string? Email,
    CustomerType Type,
    string? OrgNumber,
    DateOnly InvoiceDate,
    DateOnly DueDate,
    string Currency,
    decimal Amount,
    decimal OpenAmount,
    string? Kid,
    int Line,
    string? Phone = null)
{
    /// <summary>Where the file describes the debtor, when elsewhere than <see cref="Line"/> (a SAF-T Customer element); 0 otherwise.</summary>
    public int DebtorLine { get; init; }

    /// <summary>The debtor's place in the hash space (<see cref="DebtorShards.Hash"/>): snapshots are ordered by it first.</summary>
    public uint DebtorHash { get; } = DebtorShards.Hash(DebtorId);

    /// <summary>
    /// Orders rows by the debtor's hash, then debtor id, then invoice (ordinal): the order of every snapshot (format v2),
    /// so that each shard of debtors is one contiguous slice of the snapshot.
    /// </summary>
    public static int CompareKeys(LedgerRow a, LedgerRow b)
    {
        var byHash = a.DebtorHash.CompareTo(b.DebtorHash);
        if (byHash != 0)
        {
            return byHash;
        }

        var byDebtor = string.CompareOrdinal(a.DebtorId, b.DebtorId);
        return byDebtor != 0 ? byDebtor : string.CompareOrdinal(a.InvoiceNumber, b.InvoiceNumber);
    }

    public bool IsPaid => OpenAmount == 0m;

    public bool IsCreditNote => Amount < 0m;

    public Debtor ToDebtor(string creditorId) => new(creditorId, DebtorId, Name, Email, Type, OrgNumber, Phone: Phone);

    public OpenInvoice ToInvoice(string sourceFile) =>
        new(InvoiceNumber, InvoiceDate, DueDate, Currency, Amount, OpenAmount, Kid, sourceFile, Line);
}

/// <summary>Something wrong (or suspicious, when a warning) in a ledger file, located so a person can fix it.</summary>
public sealed record LedgerProblem(int Line, string? Column, string? Value, string Expected)
{
    public override string ToString()
    {
        var where = Line > 0 ? $"line {Line}" : "file";
        var column = Column is null ? "" : $", column '{Column}'";
        var value = Value is null ? "" : $", value '{Truncate(Value)}'";
        return $"{where}{column}{value}: {Expected}";
    }

    private static string Truncate(string value)
    {
        var shown = value.Length <= 80 || value.EndsWith(" characters)", StringComparison.Ordinal) ? value : value[..77] + string.Create(System.Globalization.CultureInfo.InvariantCulture, $"... ({value.Length:N0} characters)");
        return string.Create(shown.Length, shown, static (span, text) =>
        {
            for (var i = 0; i < text.Length; i++)
            {
                span[i] = char.IsControl(text[i]) ? '\uFFFD' : text[i];
            }
        });
    }
}

/// <summary>Errors and warnings found while reading one file. Errors reject the whole file.</summary>
public sealed class LedgerDiagnostics(int maxReported = 200)
{
    private readonly List<LedgerProblem> errors = [];
    private readonly List<LedgerProblem> warnings = [];

    public int ErrorCount { get; private set; }

    public int WarningCount { get; private set; }

    public IReadOnlyList<LedgerProblem> Errors => errors;

    public IReadOnlyList<LedgerProblem> Warnings => warnings;

    public bool HasErrors => ErrorCount > 0;

    public void Error(int line, string? column, string? value, string expected)
    {
        ErrorCount++;
        if (errors.Count < maxReported)
        {
            errors.Add(new LedgerProblem(line, column, Keep(value), expected));
        }
    }

    public void Warning(int line, string? column, string? value, string expected)
    {
        WarningCount++;
        if (warnings.Count < maxReported)
        {
            warnings.Add(new LedgerProblem(line, column, Keep(value), expected));
        }
    }

    /// <summary>
    /// A reported value is kept short (a 10 MiB field must not be held 200 times); the report shows 80 characters and,
    /// for a longer value, its length.
    /// </summary>
    private static string? Keep(string? value) =>
        value is null || value.Length <= 200 ? value : string.Concat(value.AsSpan(0, 77), string.Create(System.Globalization.CultureInfo.InvariantCulture, $"... ({value.Length:N0} characters)"));
}
