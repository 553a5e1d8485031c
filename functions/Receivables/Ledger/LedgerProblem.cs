namespace Receivables.Ledger;

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
