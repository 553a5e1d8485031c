namespace Receivables.Payments;

/// <summary>A bank file that cannot be accepted, located so a person can fix it: file, record (line) and field.</summary>
public sealed class PaymentFileException(string file, int record, string? field, string? value, string expected)
    : Exception(Describe(file, record, field, value, expected))
{
    public string File { get; } = file;

    public int RecordNumber { get; } = record;

    public string? Field { get; } = field;

    private static string Describe(string file, int record, string? field, string? value, string expected)
    {
        var where = record > 0 ? $"record {record}" : "file";
        var named = field is null ? "" : $", field '{field}'";
        var shown = value is null ? "" : $", value '{(value.Length <= 80 ? value : value[..77] + "...")}'";
        return $"{file}: {where}{named}{shown}: {expected}";
    }
}
