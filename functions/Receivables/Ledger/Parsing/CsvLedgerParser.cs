using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Receivables.Common;

namespace Receivables.Ledger;

/// <summary>
/// Reads a CSV ledger export with CsvHelper, mapping its columns to the canonical fields by a <see cref="CsvProfile"/>,
/// and validates every value. Streams: one row at a time. Problems go to the diagnostics with line, column and value.
/// </summary>
public sealed class CsvLedgerParser(CsvProfile profile, int headerLine = 1)
{
    /// <summary>Lines before the header row (a report title, the date of the export): skipped, each with a warning.</summary>
    private readonly int skipped = Math.Max(0, headerLine - 1);

    /// <summary>Each field's column as the file names it (once the header is read), for the report.</summary>
    private string[] names = [];

    private readonly string[] dateFormats = profile.DateFormats.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    private readonly HashSet<string> business = Values(profile.BusinessValues);
    private readonly HashSet<string> consumer = Values(profile.ConsumerValues);

    /// <summary>Whether a header row (parsed with the profile's delimiter) has a column for every required field.</summary>
    public static bool Matches(CsvProfile profile, string headerLine) => MissingColumns(profile, headerLine) is { Count: 0 };

    /// <summary>The profile's required columns the header row lacks (null when the row cannot be read as CSV).</summary>
    public static List<string>? MissingColumns(CsvProfile profile, string headerLine)
    {
        var header = HeaderFields(headerLine, profile.Delimiter);
        if (header is not { Length: > 1 })
        {
            return null;
        }

        var columns = profile.Resolve(header);
        return [.. CsvProfile.RequiredFields.Where(f => columns[FieldIndex(f)] < 0).Select(f => profile.ColumnsFor(f)[0])];
    }

    /// <summary>The canonical field's position in <see cref="CsvProfile.Fields"/>, or -1.</summary>
    private static int FieldIndex(string field)
    {
        for (var i = 0; i < CsvProfile.Fields.Count; i++)
        {
            if (CsvProfile.Fields[i] == field)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Longest field read at all (far beyond any configured maximum: what is longer cannot be a ledger value).</summary>
    public const int MaxFieldSize = 16 * 1024 * 1024;

    public IEnumerable<LedgerRow> Read(TextReader reader, LedgerDiagnostics diagnostics)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = profile.Delimiter,
            HasHeaderRecord = true,
            DetectColumnCountChanges = false,
            MissingFieldFound = null,
            IgnoreBlankLines = true,
            TrimOptions = TrimOptions.Trim,
            MaxFieldSize = MaxFieldSize,
            BadDataFound = args => diagnostics.Error(skipped + (args.Context.Parser?.RawRow ?? 0), null, args.Field, "a well-formed CSV field (a stray or unclosed quote)"),
        };
        for (var line = 1; line <= skipped; line++)
        {
            if (reader.ReadLine() is { } before && !string.IsNullOrWhiteSpace(before.Replace(profile.Delimiter, "", StringComparison.Ordinal)))
            {
                diagnostics.Warning(line, null, before.Trim(), "the header row; this line comes before it and was skipped");
            }
        }

        using var csv = new CsvReader(reader, config);
        if (!TryRead(csv, diagnostics, out var any) || !any)
        {
            if (!diagnostics.HasErrors)
            {
                diagnostics.Error(0, null, null, "a header row and at least one row: the file is empty");
            }

            yield break;
        }

        csv.ReadHeader();
        var header = csv.HeaderRecord ?? [];
        var columns = profile.Resolve(header);
        names = [.. columns.Select((c, i) => c >= 0 ? header[c].Trim().TrimStart('\uFEFF').Trim() : profile.ColumnsFor(CsvProfile.Fields[i])[0])];
        foreach (var field in CsvProfile.RequiredFields)
        {
            if (columns[FieldIndex(field)] < 0)
            {
                var name = profile.ColumnsFor(field)[0];
                diagnostics.Error(headerLine, name, string.Join(profile.Delimiter, header), $"a column '{name}' (field {field}) in the header row");
            }
        }

        UnknownColumnsNearKnownOnes(header, columns, diagnostics);
        if (diagnostics.HasErrors)
        {
            yield break;
        }

        LedgerRow? previous = null;
        var rows = 0;
        var lastLine = headerLine;
        while (true)
        {
            if (!TryRead(csv, diagnostics, out var more))
            {
                yield break;
            }

            if (!more)
            {
                break;
            }

            var raw = csv.Parser.RawRecord;
            var line = skipped + csv.Parser.RawRow - raw.TrimEnd('\r', '\n').Count(c => c == '\n');
            if (raw.Count(c => c == '"') % 2 == 1)
            {
                line = Math.Min(line, lastLine + 1);
                diagnostics.Error(line, null, raw.TrimEnd(), "a closing quote: the quoted field that starts on this line runs to the end of the file (is the file truncated?)");
                yield break;
            }

            lastLine = skipped + csv.Parser.RawRow;
            if (csv.Parser.Count < header.Length)
            {
                diagnostics.Error(line, null, csv.Parser.RawRecord.TrimEnd(), $"{header.Length} fields as in the header, found {csv.Parser.Count} (is the file truncated?)");
                continue;
            }

            if (csv.Parser.Count > header.Length && profile.Delimiter == profile.DecimalSeparator
                && Enumerable.Range(header.Length, csv.Parser.Count - header.Length).Any(i => !string.IsNullOrWhiteSpace(csv.Parser[i])))
            {
                // "1 234,50" unquoted in a file of commas would be read as two fields, shifting every column after it.
                diagnostics.Error(line, null, csv.Parser.RawRecord.TrimEnd(), $"{header.Length} fields as in the header, found {csv.Parser.Count}: with commas between the fields, an amount with a decimal comma must be in quotes");
                continue;
            }

            if (Enumerable.Range(0, csv.Parser.Count).All(i => string.IsNullOrWhiteSpace(csv.Parser[i])))
            {
                continue; // a row of empty cells (spreadsheets write them below the data)
            }

            if (TotalsLabel(csv, columns) is { } label)
            {
                diagnostics.Warning(line, null, label, "an invoice row; this is a totals row (no invoice number or dates) and was skipped");
                continue;
            }

            rows++;
            var row = ParseRow(csv, columns, line, previous, diagnostics);
            if (row is not null)
            {
                previous = row;
                yield return row;
            }
        }

        if (rows == 0)
        {
            diagnostics.Error(0, null, null, "at least one row after the header: the file has no rows");
        }
    }

    /// <summary>
    /// The label of a totals row that reports write under the data (<c>Sum</c>, <c>Totalt</c>, <c>Sum kunde 10001</c>, <c>I alt</c>):
    /// a row with no invoice number, invoice date or due date and a cell that starts with such a word. Null for any
    /// other row (a row missing only some of them is an invoice row with errors).
    /// </summary>
    private static string? TotalsLabel(CsvReader csv, int[] columns)
    {
        foreach (var field in (ReadOnlySpan<int>)[5, 6, 7])
        {
            if (columns[field] >= 0 && !string.IsNullOrWhiteSpace(csv.Parser[columns[field]]))
            {
                return null;
            }
        }

        for (var i = 0; i < csv.Parser.Count; i++)
        {
            var cell = csv.Parser[i]?.Trim();
            if (cell is { Length: > 0 and <= 80 } && TotalsWords.Any(w => cell.StartsWith(w, StringComparison.OrdinalIgnoreCase)
                && (cell.Length == w.Length || !char.IsLetter(cell[w.Length]))))
            {
                return cell;
            }
        }

        return null;
    }

    private static readonly string[] TotalsWords = ["sum", "delsum", "totalsum", "total", "totalt", "i alt", "subtotal", "grand total"];

    /// <summary>
    /// A header column the profile does not know, whose name is close to a column of a field the file lacks
    /// (<c>custmer_email</c>, <c>customer_typ</c>, <c>Epost</c>): almost certainly a typo that would silently drop the
    /// field, so it is an error naming both.
    /// </summary>
    private void UnknownColumnsNearKnownOnes(string[] header, int[] columns, LedgerDiagnostics diagnostics)
    {
        for (var h = 0; h < header.Length; h++)
        {
            var name = header[h].Trim().TrimStart('\uFEFF');
            if (name.Length == 0 || Array.IndexOf(columns, h) >= 0)
            {
                continue;
            }

            for (var f = 0; f < CsvProfile.Fields.Count; f++)
            {
                if (columns[f] >= 0)
                {
                    continue;
                }

                var near = profile.ColumnsFor(CsvProfile.Fields[f]).FirstOrDefault(c => IsNear(name, c));
                if (near is not null)
                {
                    diagnostics.Error(headerLine, name, name, $"a known column: '{name}' is not one, and the file has no column '{near}' (field {CsvProfile.Fields[f]}); is '{name}' meant to be '{near}'? Rename the column (or map it in a profile)");
                    break;
                }
            }
        }
    }

    /// <summary>Whether an unknown column name is a likely typo of <paramref name="known"/>: a cut-off prefix or a small edit distance.</summary>
    public static bool IsNear(string name, string known)
    {
        var a = CsvProfile.ColumnKey(name);
        var b = CsvProfile.ColumnKey(known);
        if (a.Length >= 4 && b.Length - a.Length <= 3 && b.StartsWith(a, StringComparison.Ordinal))
        {
            return true;
        }

        var allowed = Math.Min(a.Length, b.Length) switch { < 4 => 0, < 8 => 1, _ => 2 };
        return a == b || (allowed > 0 && Math.Abs(a.Length - b.Length) <= allowed && Distance(a, b) <= allowed);
    }

    /// <summary>Levenshtein distance with adjacent transpositions counted as one edit.</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }

    private bool TryRead(CsvReader csv, LedgerDiagnostics diagnostics, out bool more)
    {
        try
        {
            more = csv.Read();
            return true;
        }
        catch (DecoderFallbackException)
        {
            diagnostics.Error(skipped + csv.Parser.RawRow, null, null, "text in one encoding; bytes here are not valid in the encoding the start of the file was read in (UTF-8 or Windows-1252)");
        }
        catch (CsvHelperException e)
        {
            diagnostics.Error(skipped + csv.Parser.RawRow, null, null, "well-formed CSV: " + e.Message.Split('\n')[0]);
        }

        more = false;
        return false;
    }

    private LedgerRow? ParseRow(CsvReader csv, int[] columns, int line, LedgerRow? previous, LedgerDiagnostics d)
    {
        var errors = d.ErrorCount;
        string? Get(int field)
        {
            var index = columns[field];
            if (index < 0)
            {
                return null;
            }

            var value = csv.GetField(index);
            return string.IsNullOrWhiteSpace(value) ? null : field == 2 ? value : Clean(value);
        }

        var debtorId = Get(0);
        var name = Get(1);
        var email = Get(2);
        var typeText = Get(3);
        var org = Get(4)?.Replace(" ", "", StringComparison.Ordinal);
        var invoice = Get(5);
        var currency = Get(8)?.ToUpperInvariant() ?? profile.DefaultCurrency;
        var kid = Get(11)?.Replace(" ", "", StringComparison.Ordinal);
        var phone = Get(12);

        if (debtorId is null)
        {
            d.Error(line, Column(0), "", "a customer id");
        }

        if (name is null)
        {
            d.Error(line, Column(1), "", "a customer name");
        }

        if (invoice is null)
        {
            d.Error(line, Column(5), "", "an invoice number");
        }

        var type = CustomerType.Consumer;
        if (typeText is null)
        {
            type = org is null ? CustomerType.Consumer : CustomerType.Business;
        }
        else if (business.Contains(typeText))
        {
            type = CustomerType.Business;
        }
        else if (!consumer.Contains(typeText))
        {
            d.Error(line, Column(3), typeText, $"a customer type: one of {profile.BusinessValues.Replace("|", ", ", StringComparison.Ordinal)} or {profile.ConsumerValues.Replace("|", ", ", StringComparison.Ordinal)}");
        }

        var invoiceDate = ParseDate(Get(6), 6, line, d);
        var dueDate = ParseDate(Get(7), 7, line, d);
        var amount = ParseAmount(Get(9), 9, line, d);
        var open = ParseAmount(Get(10), 10, line, d);

        if (amount is { } a && open is { } o)
        {
            if (a >= 0m && (o < 0m || o > a))
            {
                d.Error(line, Column(10), Get(10), $"an open amount between 0 and the amount {SnapshotFormat.Amount(a)}");
            }
            else if (a < 0m && (o > 0m || o < a))
            {
                d.Error(line, Column(10), Get(10), $"an open amount between the credit note's amount {SnapshotFormat.Amount(a)} and 0");
            }
        }

        if (invoiceDate is { } id && dueDate is { } dd && dd < id)
        {
            d.Warning(line, Column(7), Get(7), "a due date on or after the invoice date");
        }

        if (kid is not null && !Kid.IsValid(kid))
        {
            d.Warning(line, Column(11), kid, "a KID whose last digit is a valid MOD10 or MOD11 check digit (payments with it may not be matched)");
        }

        if (d.ErrorCount != errors)
        {
            return null;
        }

        // Rows of the same customer usually follow each other: share their strings.
        if (previous is not null && previous.DebtorId == debtorId)
        {
            debtorId = previous.DebtorId;
            name = previous.Name == name ? previous.Name : name;
            email = previous.Email == email ? previous.Email : email;
            org = previous.OrgNumber == org ? previous.OrgNumber : org;
            phone = previous.Phone == phone ? previous.Phone : phone;
        }

        if (previous is not null && previous.Currency == currency)
        {
            currency = previous.Currency;
        }

        return new LedgerRow(debtorId!, invoice!, name!, email, type, org, invoiceDate!.Value, dueDate!.Value, currency, amount!.Value, open!.Value, kid, line, phone);
    }

    private DateOnly? ParseDate(string? value, int field, int line, LedgerDiagnostics d)
    {
        if (value is not null && (DateOnly.TryParseExact(value, dateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) || TryDateWithTime(value, out date)))
        {
            return date;
        }

        d.Error(line, Column(field), value ?? "", $"a date as {string.Join(" or ", dateFormats)}");
        return null;
    }

    /// <summary>A date followed by a time of day (<c>01.12.2026 00:00:00</c>, as spreadsheets write a date cell): the date.</summary>
    private bool TryDateWithTime(string value, out DateOnly date)
    {
        date = default;
        var at = value.IndexOfAny([' ', 'T']);
        return at > 0
            && TimeOnly.TryParseExact(value[(at + 1)..].Trim(), TimesOfDay, CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            && DateOnly.TryParseExact(value[..at], dateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    private static readonly string[] TimesOfDay = ["HH:mm:ss", "H:mm:ss", "HH:mm", "H:mm", "HH:mm:ss.fff"];

    private decimal? ParseAmount(string? value, int field, int line, LedgerDiagnostics d)
    {
        if (value is not null && TryAmount(value, out var amount) && decimal.Round(amount, 2) == amount)
        {
            return amount;
        }

        d.Error(line, Column(field), value ?? "", $"an amount with '{profile.DecimalSeparator}' as decimal separator and at most 2 decimals");
        return null;
    }

    /// <summary>
    /// An amount as exports write it: the profile's decimal separator; spaces (also non-breaking and thin) or the other
    /// separator between groups of exactly three digits (<c>1 234,50</c>, <c>1.234,50</c>); a sign before or after, a
    /// minus sign or brackets for a negative amount; <c>kr</c> or <c>NOK</c> before or after. A separator between
    /// groups of other sizes (<c>1.5</c> in a file with decimal commas) is not read as a thousands separator.
    /// </summary>
    private bool TryAmount(string value, out decimal amount)
    {
        amount = 0m;
        var text = value.Trim();
        var negative = false;
        if (text.Length > 2 && text[0] == '(' && text[^1] == ')')
        {
            negative = true;
            text = text[1..^1];
        }

        text = new string([.. text.Where(c => !char.IsWhiteSpace(c) && c is not ('\u00A0' or '\u202F' or '\u2009'))]).Replace('\u2212', '-');
        foreach (var unit in CurrencyWords)
        {
            if (text.StartsWith(unit, StringComparison.OrdinalIgnoreCase))
            {
                text = text[unit.Length..];
                break;
            }

            if (text.EndsWith(unit, StringComparison.OrdinalIgnoreCase))
            {
                text = text[..^unit.Length];
                break;
            }
        }

        if (text.EndsWith(",-", StringComparison.Ordinal))
        {
            text = text[..^2]; // "1 500,-": whole kroner
        }

        if (text.Length > 1 && text[^1] is '-' or '+' && text[0] is not ('-' or '+'))
        {
            negative ^= text[^1] == '-';
            text = text[..^1];
        }
        else if (text.Length > 1 && text[0] is '-' or '+')
        {
            negative ^= text[0] == '-';
            text = text[1..];
        }

        var separator = profile.DecimalSeparator.Length == 1 ? profile.DecimalSeparator[0] : '.';
        var group = separator == ',' ? '.' : ',';
        var parts = text.Split(separator);
        if (parts.Length > 2 || (parts.Length == 2 && parts[1].Length == 0))
        {
            return false;
        }

        var whole = parts[0];
        if (whole.Contains(group, StringComparison.Ordinal))
        {
            var groups = whole.Split(group);
            if (groups[0].Length is < 1 or > 3 || groups.Skip(1).Any(g => g.Length != 3))
            {
                return false;
            }

            whole = string.Concat(groups);
        }

        var fraction = parts.Length == 2 ? parts[1] : "";
        if (whole.Length == 0 || !whole.All(char.IsAsciiDigit) || !fraction.All(char.IsAsciiDigit)
            || !decimal.TryParse(fraction.Length == 0 ? whole : whole + "." + fraction, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out amount))
        {
            return false;
        }

        amount = negative ? -amount : amount;
        return true;
    }

    /// <summary>Currency written with an amount (<c>kr 1 234,50</c>, <c>1 234,50 NOK</c>), longest first.</summary>
    private static readonly string[] CurrencyWords = ["NOK", "kr.", "kr"];

    private string Column(int field) => names.Length > 0 ? names[field] : profile.ColumnsFor(CsvProfile.Fields[field])[0];

    /// <summary>
    /// A canonical field's column as this file names it once its header is read (reports then say what the user sees:
    /// <c>Utestående</c>, not <c>open_amount</c>); before that, or for a field the file lacks, the profile's first name for it.
    /// </summary>
    public string ColumnOf(string field) => FieldIndex(field) is var i and >= 0 ? Column(i) : field;

    private static string Clean(string value) =>
        value.AsSpan().IndexOfAny('\t', '\r', '\n') < 0 ? value : value.Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' ');

    private static HashSet<string> Values(string list) =>
        new(list.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), StringComparer.OrdinalIgnoreCase);

    private static string[]? HeaderFields(string headerLine, string delimiter)
    {
        using var parser = new CsvParser(new StringReader(headerLine), new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = delimiter, BadDataFound = null });
        return parser.Read() ? parser.Record?.Select(h => h.Trim().TrimStart('\uFEFF')).ToArray() : null;
    }
}
