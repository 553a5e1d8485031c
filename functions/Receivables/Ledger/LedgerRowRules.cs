using System.Globalization;
using Receivables.Common;
using Receivables.Storage;

namespace Receivables.Ledger;

/// <summary>
/// What the rest of the product can hold, checked on every row a parser produced (CSV, SAF-T, EHF) before anything is
/// stored: ids that can name table keys, blobs and evidence folders (<see cref="StorageIds"/>), lengths within the
/// configured maxima, email addresses that cannot carry a header, dates between the configured bounds, active ISO 4217
/// currencies and amounts up to the configured maximum. Errors reject the file with line and field; a malformed (but
/// harmless) email address is dropped with a warning for its debtor.
/// </summary>
public sealed class LedgerRowRules(LedgerOptions options)
{
    /// <summary>Checks <paramref name="rows"/> as they stream past; yields the rows without errors (emails dropped where warned).</summary>
    /// <param name="column">The file's name of a canonical field (<see cref="CsvProfile.Fields"/>), for reports.</param>
    /// <param name="wholeLedger">Whether the file is the whole ledger (then a ledger in which no debtor has an email is warned about).</param>
    public IEnumerable<LedgerRow> Check(IEnumerable<LedgerRow> rows, Func<string, string> column, LedgerDiagnostics diagnostics, bool wholeLedger = true)
    {
        var count = 0;
        var withEmail = 0;
        LedgerRow? previous = null;
        string? previousEmailProblem = null;
        foreach (var row in rows)
        {
            count++;
            var errors = diagnostics.ErrorCount;
            var line = row.Line;
            var debtorLine = row.DebtorLine > 0 ? row.DebtorLine : row.Line;
            var sameDebtor = previous is not null && ReferenceEquals(previous.DebtorId, row.DebtorId) && ReferenceEquals(previous.Name, row.Name)
                && ReferenceEquals(previous.Email, row.Email) && ReferenceEquals(previous.OrgNumber, row.OrgNumber) && ReferenceEquals(previous.Phone, row.Phone);
            Id(row.DebtorId, "customer_id", debtorLine, column, diagnostics);
            Id(row.InvoiceNumber, "invoice_number", line, column, diagnostics);
            if (!sameDebtor)
            {
                Text(row.Name, "customer_name", options.MaxNameLength, debtorLine, column, diagnostics);
                Text(row.OrgNumber, "org_number", options.MaxOrgNumberLength, debtorLine, column, diagnostics);
                Text(row.Phone, "customer_phone", options.MaxPhoneLength, debtorLine, column, diagnostics);
            }

            if (row.Kid is { } kid && (kid.Length > 25 || !kid.All(c => char.IsAsciiDigit(c) || c == '-')))
            {
                diagnostics.Error(line, column("kid"), kid, "a KID: at most 25 digits (MOD11 may end in '-')");
            }

            Dates(row, column, diagnostics);
            if (!Iso4217.IsActive(row.Currency))
            {
                diagnostics.Error(line, column("currency"), row.Currency, "an active ISO 4217 currency code such as NOK, EUR or USD");
            }

            Amount(row.Amount, "amount", line, column, diagnostics);
            Amount(row.OpenAmount, "open_amount", line, column, diagnostics);
            if (diagnostics.ErrorCount != errors)
            {
                previous = null;
                continue;
            }

            var email = row.Email;
            var emailProblem = sameDebtor ? previousEmailProblem : EmailProblem(email, debtorLine, column, diagnostics);
            previousEmailProblem = emailProblem;
            previous = row;
            if (diagnostics.ErrorCount != errors)
            {
                previous = null;
                continue;
            }

            if (emailProblem is not null)
            {
                if (!sameDebtor)
                {
                    diagnostics.Warning(debtorLine, column("customer_email"), email, $"an email address ({emailProblem}); it was dropped, so customer '{row.DebtorId}' gets no email until it is corrected");
                }

                yield return row with { Email = null };
                continue;
            }

            if (email is not null)
            {
                withEmail++;
            }

            yield return row;
        }

        if (wholeLedger && count > 0 && withEmail == 0 && !diagnostics.HasErrors)
        {
            diagnostics.Warning(0, column("customer_email"), null, $"NO DEBTOR HAS AN EMAIL ADDRESS in this ledger ({count:N0} rows): no reminder can be sent by email. Is the email column missing or misnamed ('{column("customer_email")}' is read)?");
        }
    }

    private void Id(string value, string field, int line, Func<string, string> column, LedgerDiagnostics diagnostics)
    {
        if (StorageIds.Problem(value, options.MaxIdLength) is { } problem)
        {
            diagnostics.Error(line, column(field), value, $"an id of at most {options.MaxIdLength} characters without {StorageIds.ForbiddenText} ({problem})");
        }
    }

    private static void Text(string? value, string field, int max, int line, Func<string, string> column, LedgerDiagnostics diagnostics)
    {
        if (value is null)
        {
            return;
        }

        if (value.Length > max)
        {
            diagnostics.Error(line, column(field), value, string.Create(CultureInfo.InvariantCulture, $"at most {max:N0} characters; this value has {value.Length:N0}"));
        }
        else if (IndexOfControl(value) is var at && at >= 0)
        {
            diagnostics.Error(line, column(field), value, $"text without control characters (found {StorageIds.Describe(value[at])} at position {at + 1})");
        }
    }

    private static int IndexOfControl(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsControl(value[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// Null when <paramref name="email"/> is absent or one plain address. A control character (CR, LF: a header could be
    /// injected) is an error; anything else that is not one address (no '@', spaces, several addresses) is returned as
    /// the reason to drop it with a warning.
    /// </summary>
    private string? EmailProblem(string? email, int line, Func<string, string> column, LedgerDiagnostics diagnostics)
    {
        if (email is null)
        {
            return null;
        }

        var control = IndexOfControl(email);
        if (control >= 0)
        {
            diagnostics.Error(line, column("customer_email"), email, $"one email address without line breaks or control characters (found {StorageIds.Describe(email[control])} at position {control + 1}: a mail header could be injected)");
            return null;
        }

        if (email.Length > options.MaxEmailLength)
        {
            diagnostics.Error(line, column("customer_email"), email, string.Create(CultureInfo.InvariantCulture, $"an email address of at most {options.MaxEmailLength} characters; this one has {email.Length:N0}"));
            return null;
        }

        var at = email.IndexOf('@', StringComparison.Ordinal);
        if (at < 0)
        {
            return "no '@'";
        }

        if (email.AsSpan().IndexOfAny(" \u00A0<>()[],;:\"\\") is var bad && bad >= 0)
        {
            return $"{StorageIds.Describe(email[bad])} at position {bad + 1}: one plain address such as ola@example.no is expected";
        }

        var domain = email[(at + 1)..];
        if (at == 0 || domain.Contains('@', StringComparison.Ordinal) || !domain.Contains('.', StringComparison.Ordinal) || domain.StartsWith('.') || domain.EndsWith('.') || domain.Contains("..", StringComparison.Ordinal))
        {
            return "not of the form name@domain.tld";
        }

        return null;
    }

    private void Dates(LedgerRow row, Func<string, string> column, LedgerDiagnostics diagnostics)
    {
        foreach (var (date, field) in new[] { (row.InvoiceDate, "invoice_date"), (row.DueDate, "due_date") })
        {
            if (date < options.EarliestDate || date > options.LatestDate)
            {
                diagnostics.Error(row.Line, column(field), date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), $"a date between {options.EarliestDate:yyyy-MM-dd} and {options.LatestDate:yyyy-MM-dd} ({LedgerOptions.Section}:EarliestDate/LatestDate)");
            }
        }

        if (options.InterestRatesFrom is { } from && row.OpenAmount > 0m && from.DayNumber - row.DueDate.DayNumber > 1 && row.DueDate >= options.EarliestDate)
        {
            diagnostics.Warning(row.Line, column("due_date"), row.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), $"a due date from {DateOnly.FromDayNumber(from.DayNumber - 1):yyyy-MM-dd}: the first late-payment rate (Receivables:Dunning:Rates) is from {from:yyyy-MM-dd}, so interest and compensation for this open invoice cannot be computed until older rate rows are added");
        }
    }

    private void Amount(decimal amount, string field, int line, Func<string, string> column, LedgerDiagnostics diagnostics)
    {
        if (Math.Abs(amount) > options.MaxAmount)
        {
            diagnostics.Error(line, column(field), amount.ToString(CultureInfo.InvariantCulture), string.Create(CultureInfo.InvariantCulture, $"an amount of at most {options.MaxAmount:0.##} per invoice ({LedgerOptions.Section}:MaxAmount)"));
        }
    }
}
