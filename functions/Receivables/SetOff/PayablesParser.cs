using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Receivables.Common;

namespace Receivables.SetOff;

/// <summary>
/// Reads a payables CSV (<c>supplier_id,supplier_name,org_number,invoice_number,invoice_date,due_date,currency,amount,open_amount</c>;
/// comma, dates yyyy-MM-dd, amounts with '.' decimals). Any bad value rejects the whole file with its file, line and field.
/// </summary>
public static class PayablesParser
{
    public static readonly IReadOnlyList<string> Fields =
        ["supplier_id", "supplier_name", "org_number", "invoice_number", "invoice_date", "due_date", "currency", "amount", "open_amount"];

    public static IReadOnlyList<PayableInvoice> Parse(TextReader reader, string file)
    {
        var problems = new List<string>();
        var rows = new List<PayableInvoice>();
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = true,
            IgnoreBlankLines = true,
            TrimOptions = TrimOptions.Trim,
            MissingFieldFound = null,
            BadDataFound = args => problems.Add($"{file} line {args.Context.Parser?.RawRow}: a malformed CSV field ({args.Field})"),
        };
        using var csv = new CsvReader(reader, config);
        if (!csv.Read() || !csv.ReadHeader())
        {
            throw new ReceivablesException($"{file} line 1: a header row ({string.Join(",", Fields)}) and rows were expected; the file is empty.");
        }

        var header = csv.HeaderRecord!.Select(h => h.Trim().TrimStart('\uFEFF')).ToArray();
        var missing = Fields.Where(f => !header.Contains(f, StringComparer.OrdinalIgnoreCase)).ToList();
        if (missing.Count > 0)
        {
            throw new ReceivablesException($"{file} line 1: column(s) {string.Join(", ", missing)} missing; the header must name {string.Join(",", Fields)}.");
        }

        while (csv.Read())
        {
            var line = csv.Parser.RawRow;
            string Get(string field) => csv.GetField(Array.FindIndex(header, h => string.Equals(h, field, StringComparison.OrdinalIgnoreCase)))?.Trim() ?? "";
            string Required(string field)
            {
                var value = Get(field);
                if (value.Length == 0)
                {
                    problems.Add($"{file} line {line} field {field}: a value is required");
                }

                return value;
            }

            DateOnly Date(string field)
            {
                var value = Required(field);
                if (value.Length > 0 && !DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    problems.Add($"{file} line {line} field {field}: '{value}' is not a date yyyy-MM-dd");
                    return default;
                }

                return value.Length == 0 ? default : DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            }

            decimal Amount(string field)
            {
                var value = Required(field);
                if (value.Length > 0 && !decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
                {
                    problems.Add($"{file} line {line} field {field}: '{value}' is not an amount such as 1250.00");
                    return 0m;
                }

                return value.Length == 0 ? 0m : decimal.Parse(value, CultureInfo.InvariantCulture);
            }

            var currency = Required("currency").ToUpperInvariant();
            if (currency.Length > 0 && (currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper)))
            {
                problems.Add($"{file} line {line} field currency: '{currency}' is not a three-letter currency code such as NOK");
            }

            var org = Get("org_number").Replace(" ", "", StringComparison.Ordinal);
            if (org.Length > 0 && (org.Length != 9 || !org.All(char.IsAsciiDigit)))
            {
                problems.Add($"{file} line {line} field org_number: '{org}' is not a nine-digit organisation number");
            }

            var row = new PayableInvoice(Required("supplier_id"), Required("supplier_name"), org.Length == 0 ? null : org, Required("invoice_number"),
                Date("invoice_date"), Date("due_date"), currency, Amount("amount"), Amount("open_amount"), line);
            if (row.OpenAmount < 0m || (row.Amount > 0m && row.OpenAmount > row.Amount))
            {
                problems.Add($"{file} line {line} field open_amount: {row.OpenAmount} must be between 0 and the amount {row.Amount}");
            }

            rows.Add(row);
        }

        if (problems.Count > 0)
        {
            throw new ReceivablesException($"Payables file rejected, nothing changed ({problems.Count} problem(s)):{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", problems.Take(50)));
        }

        return rows;
    }
}
