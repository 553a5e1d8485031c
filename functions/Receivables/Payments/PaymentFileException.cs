namespace Receivables.Payments;

/// <summary>
/// A bank file that cannot be accepted, located so a person can fix it: file, record (an OCR line; <paramref name="unit"/>
/// is <c>line</c> for the line of an XML file) and field.
/// </summary>
public sealed class PaymentFileException(string file, int record, string? field, string? value, string expected, string unit = "record")
    : Exception(Describe(file, record, field, value, expected, unit))
{
    public string File { get; } = file;

    public int RecordNumber { get; } = record;

    public string? Field { get; } = field;

    private static string Describe(string file, int record, string? field, string? value, string expected, string unit)
    {
        var where = record > 0 ? $"{unit} {record}" : "file";
        var named = field is null ? "" : $", field '{field}'";
        var shown = value is null ? "" : $", value '{(value.Length <= 80 ? value : value[..77] + "...")}'";
        return $"{file}: {where}{named}{shown}: {expected}";
    }
}
