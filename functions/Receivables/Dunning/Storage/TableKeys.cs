using System.Text;

namespace Receivables.Dunning.Storage;

/// <summary>Escapes values for PartitionKey/RowKey (which forbid '/', '\', '#', '?' and control characters).</summary>
internal static class TableKeys
{
    public static string Escape(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is '/' or '\\' or '#' or '?' or '%' || char.IsControl(c))
            {
                builder.Append('%').Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? Never;

    public static DateOnly? ParseDate(string? value) =>
        value is null || value == Never ? null : DateOnly.ParseExact(value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Sorts after every real date, so "NextAction le today" never matches it.</summary>
    public const string Never = "9999-12-31";
}
