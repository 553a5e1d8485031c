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
public sealed class CsvLedgerParser(CsvProfile profile)
{
    private readonly string[] dateFormats = profile.DateFormats.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    private readonly NumberFormatInfo numbers = new() { NumberDecimalSeparator = profile.DecimalSeparator, NumberGroupSeparator = profile.DecimalSeparator == "," ? "." : "," };
    private readonly HashSet<string> business = Values(profile.BusinessValues);
    private readonly HashSet<string> consumer = Values(profile.ConsumerValues);

    /// <summary>Whether a header row (parsed with the profile's delimiter) has a column for every required field.</summary>
    public static bool Matches(CsvProfile profile, string headerLine) => MissingColumns(profile, headerLine) is { Count: 0 };

    /// <summary>The profile's required columns the header row lacks (null when the row cannot be read as CSV).</summary>
    public static List<string>? MissingColumns(CsvProfile profile, string headerLine)
    {
        var header = HeaderFields(headerLine, profile.Delimiter);
        return header?.Length > 1
            ? CsvProfile.RequiredFields.Where(f => !profile.ColumnsFor(f).Any(c => header.Contains(c, StringComparer.OrdinalIgnoreCase))).Select(profile.ColumnFor).ToList()
            : null;
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
            BadDataFound = args => diagnostics.Error(args.Context.Parser?.RawRow ?? 0, null, args.Field, "a well-formed CSV field (a stray or unclosed quote)"),
        };
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
        var columns = new int[CsvProfile.Fields.Count];
        for (var i = 0; i < columns.Length; i++)
        {
            var field = CsvProfile.Fields[i];
            var name = profile.ColumnFor(field);
            columns[i] = -1;
            foreach (var candidate in profile.ColumnsFor(field))
            {
                columns[i] = Array.FindIndex(header, h => string.Equals(h.Trim().TrimStart('\uFEFF'), candidate, StringComparison.OrdinalIgnoreCase));
                if (columns[i] >= 0)
                {
                    break;
                }
            }

            if (columns[i] < 0 && CsvProfile.RequiredFields.Contains(field))
            {
                diagnostics.Error(1, name, string.Join(profile.Delimiter, header), $"a column '{name}' (field {field}) in the header row");
            }
        }

        UnknownColumnsNearKnownOnes(header, columns, diagnostics);
        if (diagnostics.HasErrors)
        {
            yield break;
        }

        LedgerRow? previous = null;
        var rows = 0;
        var lastLine = 1;
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
            var line = csv.Parser.RawRow - raw.TrimEnd('\r', '\n').Count(c => c == '\n');
            if (raw.Count(c => c == '"') % 2 == 1)
            {
                line = Math.Min(line, lastLine + 1);
                diagnostics.Error(line, null, raw.TrimEnd(), "a closing quote: the quoted field that starts on this line runs to the end of the file (is the file truncated?)");
                yield break;
            }

            lastLine = csv.Parser.RawRow;
            if (csv.Parser.Count < header.Length)
            {
                diagnostics.Error(line, null, csv.Parser.RawRecord.TrimEnd(), $"{header.Length} fields as in the header, found {csv.Parser.Count} (is the file truncated?)");
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
                    diagnostics.Error(1, name, name, $"a known column: '{name}' is not one, and the file has no column '{near}' (field {CsvProfile.Fields[f]}); is '{name}' meant to be '{near}'? Rename the column (or map it in a profile)");
                    break;
                }
            }
        }
    }

    /// <summary>Whether an unknown column name is a likely typo of <paramref name="known"/>: a cut-off prefix or a small edit distance.</summary>
    public static bool IsNear(string name, string known)
    {
        var a = Normalise(name);
        var b = Normalise(known);
        if (a.Length >= 4 && b.Length - a.Length <= 3 && b.StartsWith(a, StringComparison.Ordinal))
        {
            return true;
        }

        var allowed = Math.Min(a.Length, b.Length) switch { < 4 => 0, < 8 => 1, _ => 2 };
        return a == b || (allowed > 0 && Math.Abs(a.Length - b.Length) <= allowed && Distance(a, b) <= allowed);
    }

    private static string Normalise(string column) =>
        new(column.Trim().ToLowerInvariant().Where(c => c is not ('_' or '-' or ' ' or '.')).ToArray());

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

    private static bool TryRead(CsvReader csv, LedgerDiagnostics diagnostics, out bool more)
    {
        try
        {
            more = csv.Read();
            return true;
        }
        catch (DecoderFallbackException)
        {
            diagnostics.Error(csv.Parser.RawRow, null, null, "text in one encoding; bytes here are not valid in the encoding the start of the file was read in (UTF-8 or Windows-1252)");
        }
        catch (CsvHelperException e)
        {
            diagnostics.Error(csv.Parser.RawRow, null, null, "well-formed CSV: " + e.Message.Split('\n')[0]);
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
        if (value is not null && DateOnly.TryParseExact(value, dateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        d.Error(line, Column(field), value ?? "", $"a date as {string.Join(" or ", dateFormats)}");
        return null;
    }

    private decimal? ParseAmount(string? value, int field, int line, LedgerDiagnostics d)
    {
        if (value is not null)
        {
            var text = value.Contains(' ', StringComparison.Ordinal) || value.Contains('\u00A0', StringComparison.Ordinal)
                ? value.Replace(" ", "", StringComparison.Ordinal).Replace("\u00A0", "", StringComparison.Ordinal)
                : value;
            if (decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, numbers, out var amount) && decimal.Round(amount, 2) == amount)
            {
                return amount;
            }
        }

        d.Error(line, Column(field), value ?? "", $"an amount with '{profile.DecimalSeparator}' as decimal separator and at most 2 decimals");
        return null;
    }

    private string Column(int field) => profile.ColumnFor(CsvProfile.Fields[field]);

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
