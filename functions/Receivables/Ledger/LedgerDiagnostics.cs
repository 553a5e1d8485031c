namespace Receivables.Ledger;

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
