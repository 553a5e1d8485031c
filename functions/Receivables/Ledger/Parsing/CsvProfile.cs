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

    /// <summary>
    /// The header column each field is read from (-1 when the file has none): the first of the field's alternatives
    /// the header has, compared as <see cref="ColumnKey"/> (case, spaces, <c>_ - . :</c> and a unit in brackets aside,
    /// so <c>Kunde nr.</c> is <c>Kundenr</c> and <c>Restbeløp (NOK)</c> is <c>Restbeløp</c>); a column is read for one
    /// field only.
    /// </summary>
    public int[] Resolve(IReadOnlyList<string> header)
    {
        var keys = header.Select(ColumnKey).ToArray();
        var used = new bool[keys.Length];
        var columns = new int[Fields.Count];
        for (var i = 0; i < columns.Length; i++)
        {
            columns[i] = -1;
            foreach (var candidate in ColumnsFor(Fields[i]))
            {
                var key = ColumnKey(candidate);
                var at = Array.FindIndex(keys, k => k.Length > 0 && k == key);
                while (at >= 0 && used[at])
                {
                    at = Array.FindIndex(keys, at + 1, k => k.Length > 0 && k == key);
                }

                if (at >= 0)
                {
                    columns[i] = at;
                    used[at] = true;
                    break;
                }
            }
        }

        return columns;
    }

    /// <summary>A column name as compared: lower case, without spaces, <c>_ - . : '</c>, a byte order mark or a trailing unit in brackets.</summary>
    public static string ColumnKey(string column)
    {
        var text = column.Trim().TrimStart('\uFEFF').Trim();
        if (text.EndsWith(')') && text.LastIndexOf('(') is var open and > 0)
        {
            text = text[..open];
        }

        return new string([.. text.ToLowerInvariant().Where(c => !char.IsWhiteSpace(c) && c is not ('_' or '-' or '.' or ':' or '\''))]);
    }

    /// <summary>
    /// The two shipped profiles; configuration may override or add more. The Norwegian profile knows the column names of
    /// the common Norwegian accounting systems' customer ledger exports (open items, aged receivables, invoice lists),
    /// e.g. <c>Kundenummer</c>, <c>Kunde</c>, <c>Fakturanummer</c>, <c>Forfall</c>, <c>Fakturabeløp</c>,
    /// <c>Utestående</c>, <c>Saldo</c>, <c>Gjenstående</c>.
    /// </summary>
    public static IReadOnlyDictionary<string, CsvProfile> Shipped() => new Dictionary<string, CsvProfile>(StringComparer.OrdinalIgnoreCase)
    {
        [Canonical] = new CsvProfile
        {
            Encoding = "utf-8",
            Columns = new(StringComparer.OrdinalIgnoreCase)
            {
                ["customer_id"] = "customer_id|customer number|customer no|customer",
                ["customer_name"] = "customer_name|name",
                ["customer_email"] = "customer_email|email|e-mail|email address",
                ["customer_type"] = "customer_type",
                ["org_number"] = "org_number|organisation number|organization number|org no",
                ["invoice_number"] = "invoice_number|invoice no|invoice",
                ["invoice_date"] = "invoice_date",
                ["due_date"] = "due_date|due",
                ["currency"] = "currency",
                ["amount"] = "amount|invoice amount",
                ["open_amount"] = "open_amount|outstanding|outstanding amount|balance|amount due|remaining",
                ["kid"] = "kid",
                ["customer_phone"] = "customer_phone|phone",
            },
        },
        [Norwegian] = new CsvProfile
        {
            Delimiter = ";",
            DecimalSeparator = ",",
            DateFormats = "dd.MM.yyyy|d.M.yyyy|yyyy-MM-dd|dd.MM.yy|d.M.yy",
            Encoding = "auto",
            BusinessValues = "bedrift|bedriftskunde|firma|næring|naering|næringsdrivende|organisasjon|b2b|business",
            ConsumerValues = "privat|privatkunde|privatperson|person|forbruker|b2c|consumer",
            Columns = new(StringComparer.OrdinalIgnoreCase)
            {
                ["customer_id"] = "Kundenr|Kundenummer|Kunde-ID|Kundekode|Kundenøkkel",
                ["customer_name"] = "Kundenavn|Kunde|Navn|Firmanavn",
                ["customer_email"] = "E-post|E-postadresse|Kundens e-postadresse|Faktura e-post|Fakturaepost|E-mail",
                ["customer_type"] = "Kundetype",
                ["org_number"] = "Organisasjonsnr|Organisasjonsnummer|Orgnr|Foretaksnummer",
                ["invoice_number"] = "Fakturanr|Fakturanummer|Faktura|Bilagsnr|Bilagsnummer",
                ["invoice_date"] = "Fakturadato|Bilagsdato|Dato",
                ["due_date"] = "Forfallsdato|Forfall|Forfallsdag|Forfalldato|Betalingsfrist",
                ["currency"] = "Valuta|Valutakode",
                ["amount"] = "Beløp|Fakturabeløp|Opprinnelig beløp|Totalbeløp|Beløp inkl mva",
                ["open_amount"] = "Restbeløp|Rest|Utestående|Utestående beløp|Åpent beløp|Gjenstående|Gjenstår|Saldo|Restsaldo",
                ["kid"] = "KID|KID-nummer|KID nr",
                ["customer_phone"] = "Telefon|Mobil|Mobiltelefon|Tlf|Telefonnummer|Mobilnummer",
            },
        },
    };

    /// <summary>The same profile with another delimiter (a file of the profile's columns exported with tabs or commas).</summary>
    public CsvProfile WithDelimiter(string delimiter) => new()
    {
        Delimiter = delimiter,
        DecimalSeparator = DecimalSeparator,
        DateFormats = DateFormats,
        Encoding = Encoding,
        DefaultCurrency = DefaultCurrency,
        Columns = Columns,
        BusinessValues = BusinessValues,
        ConsumerValues = ConsumerValues,
    };
}
