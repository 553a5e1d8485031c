namespace Receivables.Ledger;

/// <summary>
/// How one CSV export maps to the canonical ledger fields: delimiter, number and date formats, encoding, column names.
/// Bound from <c>Receivables:Ledger:Profiles:&lt;name&gt;</c>.
/// </summary>
public sealed class CsvProfile
{
    public const string Canonical = "canonical";
    public const string Norwegian = "norwegian";

    /// <summary>The canonical field names, in the canonical header's order (<c>customer_phone</c>, optional, last).</summary>
    public static readonly IReadOnlyList<string> Fields =
    [
        "customer_id", "customer_name", "customer_email", "customer_type", "org_number", "invoice_number",
        "invoice_date", "due_date", "currency", "amount", "open_amount", "kid", "customer_phone",
    ];

    /// <summary>Fields a file must have a column for (the others may be absent).</summary>
    public static readonly IReadOnlyList<string> RequiredFields =
        ["customer_id", "customer_name", "invoice_number", "invoice_date", "due_date", "amount", "open_amount"];

    public string Delimiter { get; set; } = ",";

    /// <summary>"." or ",". Spaces (also non-breaking) are allowed as thousands separators.</summary>
    public string DecimalSeparator { get; set; } = ".";

    /// <summary>Accepted date formats separated by '|', e.g. <c>dd.MM.yyyy|d.M.yyyy</c>.</summary>
    public string DateFormats { get; set; } = "yyyy-MM-dd";

    /// <summary><c>utf-8</c>, <c>windows-1252</c> or <c>auto</c> (UTF-8, with or without BOM, else Windows-1252).</summary>
    public string Encoding { get; set; } = "auto";

    /// <summary>Currency of rows without a currency column or value.</summary>
    public string DefaultCurrency { get; set; } = "NOK";

    /// <summary>
    /// Canonical field -> column header in the file. Fields not listed use their canonical name. Alternatives are
    /// separated by '|' (the first the file has is read), e.g. <c>Telefon|Mobil</c>.
    /// </summary>
    public Dictionary<string, string> Columns { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Values of the customer type column that mean business or consumer (besides <c>business</c>/<c>consumer</c>).</summary>
    public string BusinessValues { get; set; } = "business|b2b";

    public string ConsumerValues { get; set; } = "consumer|b2c";

    public string ColumnFor(string field) => Columns.TryGetValue(field, out var column) && !string.IsNullOrWhiteSpace(column) ? column : field;

    /// <summary>The column names a field may have in a file, in order of preference.</summary>
    public IReadOnlyList<string> ColumnsFor(string field) => ColumnFor(field).Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The two shipped profiles; configuration may override or add more.</summary>
    public static IReadOnlyDictionary<string, CsvProfile> Shipped() => new Dictionary<string, CsvProfile>(StringComparer.OrdinalIgnoreCase)
    {
        [Canonical] = new CsvProfile { Encoding = "utf-8" },
        [Norwegian] = new CsvProfile
        {
            Delimiter = ";",
            DecimalSeparator = ",",
            DateFormats = "dd.MM.yyyy|d.M.yyyy|yyyy-MM-dd",
            Encoding = "auto",
            BusinessValues = "bedrift|firma|næring|naering|b2b|business",
            ConsumerValues = "privat|person|forbruker|b2c|consumer",
            Columns = new(StringComparer.OrdinalIgnoreCase)
            {
                ["customer_id"] = "Kundenr",
                ["customer_name"] = "Kundenavn",
                ["customer_email"] = "E-post",
                ["customer_type"] = "Kundetype",
                ["org_number"] = "Organisasjonsnr",
                ["invoice_number"] = "Fakturanr",
                ["invoice_date"] = "Fakturadato",
                ["due_date"] = "Forfallsdato",
                ["currency"] = "Valuta",
                ["amount"] = "Beløp",
                ["open_amount"] = "Restbeløp",
                ["kid"] = "KID",
                ["customer_phone"] = "Telefon|Mobil|Mobiltelefon|Tlf",
            },
        },
    };
}
