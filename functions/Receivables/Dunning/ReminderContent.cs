using System.Globalization;
using Receivables.Common;
using Receivables.Email;
using Receivables.Ledger;
using Receivables.Messaging;

namespace Receivables.Dunning;

/// <summary>
/// Builds what a reminder states (invoices, fees, interest, compensation, total, deadline, reply address) from the
/// case, the ledger and the decided message. Pure: the same inputs give the same document.
/// </summary>
public static class ReminderContent
{
    public const string FeeCharge = "reminder-fee";
    public const string PaymentDemandCharge = "payment-demand-fee";
    public const string InterestCharge = "interest";
    public const string CompensationCharge = "compensation";

    /// <summary>Extra key of a document whose interest is provisional: the half-years that had no rate row.</summary>
    public const string ProvisionalRateKey = "ProvisionalRate";

    /// <summary>The document for <paramref name="message"/>, or null when nothing it concerned is still unpaid.</summary>
    public static ReminderDocument? Build(
        DunningCase state,
        DebtorLedger ledger,
        PendingMessage message,
        string creditorId,
        CreditorOptions creditor,
        PolicyOptions policy,
        RateTables rates)
    {
        var english = string.Equals(ledger.Debtor.Language ?? creditor.Language, "en", StringComparison.OrdinalIgnoreCase);
        var listed = ledger.Invoices
            .Where(i => message.InvoiceNumbers.Contains(i.InvoiceNumber, StringComparer.Ordinal) && i.OpenAmount > 0m)
            .OrderBy(i => i.DueDate).ThenBy(i => i.InvoiceNumber, StringComparer.Ordinal)
            .ToList();
        if (listed.Count == 0 || string.IsNullOrWhiteSpace(ledger.Debtor.Email))
        {
            return null;
        }

        var credits = ledger.Invoices.Where(i => i.OpenAmount < 0m).OrderBy(i => i.InvoiceNumber, StringComparer.Ordinal).ToList();
        var lines = listed.Concat(credits)
            .Select(i => new ReminderInvoice(i.InvoiceNumber, i.InvoiceDate, i.DueDate, i.Amount, i.OpenAmount, i.Kid, Math.Max(0, message.CycleDate.DayNumber - i.DueDate.DayNumber)))
            .ToList();

        var level = policy.Levels[Math.Clamp(message.Level, 1, policy.Levels.Count) - 1];

        // The fee of an inkassovarsel is "Gebyr for inkassovarsel", not "Purregebyr" (the notice must not be called a purring).
        bool IsNotice(ChargedFee fee) => fee.Level >= 1 && fee.Level <= policy.Levels.Count && policy.Levels[fee.Level - 1].Stage == CaseStages.CollectionNotice;
        var charges = new List<ReminderCharge>();
        var provisional = new SortedSet<DateOnly>();
        foreach (var invoice in listed)
        {
            var claim = ClaimLine.For(invoice, state.Invoices.GetValueOrDefault(invoice.InvoiceNumber), message.CycleDate, rates);
            foreach (var fee in claim.Fees)
            {
                var sats = rates.InkassosatsOn(fee.Date);

                // Fees are NOK amounts (inkassoforskriften), also on an invoice in another currency: stated in NOK, never relabelled.
                charges.Add((fee.Kind == FeeKind.PaymentDemand
                    ? new ReminderCharge(PaymentDemandCharge, Text(english, $"Gebyr betalingsoppfordring, faktura {invoice.InvoiceNumber} ({fee.Date:dd.MM.yyyy})", $"Payment demand fee, invoice {invoice.InvoiceNumber} ({fee.Date:yyyy-MM-dd})"), fee.Amount, Basis(english, "3/20", sats, "§ 1-2"))
                    : new ReminderCharge(FeeCharge, IsNotice(fee)
                        ? Text(english, $"Gebyr for inkassovarsel, faktura {invoice.InvoiceNumber} ({fee.Date:dd.MM.yyyy})", $"Collection notice fee, invoice {invoice.InvoiceNumber} ({fee.Date:yyyy-MM-dd})")
                        : Text(english, $"Purregebyr, faktura {invoice.InvoiceNumber} ({fee.Date:dd.MM.yyyy})", $"Reminder fee, invoice {invoice.InvoiceNumber} ({fee.Date:yyyy-MM-dd})"), fee.Amount, Basis(english, "1/20", sats, "§ 1-1")))
                    with
                { Currency = RateTables.Currency });
            }

            if (level.Interest)
            {
                foreach (var (balance, period) in claim.Interest)
                {
                    if (period.Provisional)
                    {
                        provisional.Add(RateTables.HalfYearOf(period.From));
                    }

                    charges.Add(new ReminderCharge(
                        InterestCharge,
                        Text(english, $"Forsinkelsesrente, faktura {invoice.InvoiceNumber}", $"Late-payment interest, invoice {invoice.InvoiceNumber}"),
                        period.Amount,
                        InterestBasis(english, balance, period, rates.DayBasis)));
                }
            }

            if (claim.CompensationNet > 0m)
            {
                charges.Add(new ReminderCharge(
                    CompensationCharge,
                    Text(english, $"Standardkompensasjon, faktura {invoice.InvoiceNumber}", $"Standard compensation, invoice {invoice.InvoiceNumber}"),
                    claim.CompensationNet,
                    string.Create(CultureOf(english), $"{claim.CompensationClaimed:N2} − {claim.FeesTotal:N2} {(english ? "fees charged" : "gebyr")} (forsinkelsesrenteloven § 3a)"))
                {
                    // EUR 40 set in NOK per half-year: a NOK amount whatever the invoice's currency.
                    Currency = RateTables.Currency,
                });
            }
        }

        var extra = new Dictionary<string, string>
        {
            ["Level"] = message.Level.ToString(CultureInfo.InvariantCulture),
            ["Stage"] = level.Stage,
            ["IdempotencyKey"] = message.Key,
        };
        if (provisional.Count > 0)
        {
            // Recorded with the decision (the letter's evidence record): these figures used an earlier half-year's rate.
            extra[ProvisionalRateKey] = string.Join(", ", provisional.Select(h => string.Create(CultureInfo.InvariantCulture, $"{h:yyyy-MM-dd} (no rate row; {rates.RateOn(h).Rate:0.00} % from {rates.RateOn(h).From:yyyy-MM-dd} used)")));
        }

        return CaseDocuments.Create(
            message.Template,
            english ? "en" : "nb",
            creditorId,
            creditor,
            ledger.Debtor,
            state.CaseId,
            ReplyAddress(creditor.Email, state.ReplyToken),
            listed[0].Currency,
            lines,
            charges,
            message.CycleDate,
            message.Deadline,
            extra);
    }

    /// <summary>Plus-addressing: <c>regnskap@acme.example</c> + token → <c>regnskap+token@acme.example</c>.</summary>
    public static string ReplyAddress(string creditorEmail, string token)
    {
        var at = creditorEmail.LastIndexOf('@');
        if (at <= 0)
        {
            return creditorEmail;
        }

        var local = creditorEmail[..at];
        var plus = local.IndexOf('+', StringComparison.Ordinal);
        if (plus >= 0)
        {
            local = local[..plus];
        }

        return local + "+" + token + creditorEmail[at..];
    }

    /// <summary>The token of a plus-addressed reply address, if any.</summary>
    public static string? TokenOf(string address)
    {
        var at = address.LastIndexOf('@');
        var local = at > 0 ? address[..at] : address;
        var plus = local.IndexOf('+', StringComparison.Ordinal);
        return plus >= 0 && plus < local.Length - 1 ? local[(plus + 1)..].ToLowerInvariant() : null;
    }

    private static string Text(bool english, string nb, string en) => english ? en : nb;

    /// <summary>Numbers in a basis are written as the letter's language writes them (nb: 48 500,00; en: 48,500.00).</summary>
    private static CultureInfo CultureOf(bool english) => LetterFormat.Culture(english ? "en" : "nb");

    private static string Basis(bool english, string fraction, decimal sats, string paragraph) =>
        english
            ? string.Create(CultureOf(true), $"{fraction} of the collection rate (inkassosats) of NOK {sats:#,0.##}, cf. inkassoforskriften {paragraph}")
            : string.Create(CultureOf(false), $"{fraction} av inkassosatsen på {sats:#,0.##} kr, jf. inkassoforskriften {paragraph}");

    /// <summary>How an interest line was computed: balance × rate × days / day basis, the period, the law.</summary>
    private static string InterestBasis(bool english, decimal balance, InterestPeriod period, int dayBasis) =>
        english
            ? string.Create(CultureOf(true), $"{balance:N2} × {period.RatePercent:N2} % × {period.Days}/{dayBasis} days, {period.From:yyyy-MM-dd} to {period.To:yyyy-MM-dd} (forsinkelsesrenteloven § 3)")
            : string.Create(CultureOf(false), $"{balance:N2} × {period.RatePercent:N2} % × {period.Days}/{dayBasis} dager, {period.From:dd.MM.yyyy}–{period.To:dd.MM.yyyy} (forsinkelsesrenteloven § 3)");
}
