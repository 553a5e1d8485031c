using System.Globalization;
using System.Text;

namespace Receivables.Local.Demo;

/// <summary>
/// The demo's story: one creditor's open receivables over eight simulated weeks in autumn 2026, as the ledger
/// exports of each week would show them (canonical CSV). Payments appear as lower open amounts or vanished
/// invoices; replies come from the debtors at the points the story needs them.
/// </summary>
internal static class DemoScenario
{
    public const string Creditor = "demo";

    /// <summary>The first simulated day (a Monday) and how many days the demo runs.</summary>
    public static readonly DateOnly Start = new(2026, 10, 5);
    public const int Days = 63;

    internal sealed record Line(string DebtorId, string Name, string Email, string Type, string? OrgNumber, string Invoice, DateOnly InvoiceDate, DateOnly DueDate, decimal Amount, decimal Open, string Kid);

    public static readonly Line[] Opening =
    [
        // Silent consumer: goes the whole ladder.
        new("K-1001", "Kari Nordmann", "kari.nordmann@example.no", "consumer", null, "F-24017", new(2026, 9, 8), new(2026, 9, 22), 1_250.00m, 1_250.00m, Kid("2401700")),
        // Business with a liquidity problem: asks for an arrangement, gets a plan.
        new("K-2002", "Bergen Bygg og Anlegg AS", "post@bergenbygg.example.no", "business", "987654321", "F-24021", new(2026, 9, 1), new(2026, 9, 15), 48_500.00m, 48_500.00m, Kid("2402100")),
        new("K-2002", "Bergen Bygg og Anlegg AS", "post@bergenbygg.example.no", "business", "987654321", "F-24033", new(2026, 9, 12), new(2026, 9, 26), 12_000.00m, 12_000.00m, Kid("2403300")),
        // Consumer who promises to pay, then pays.
        new("K-3003", "Ola Hansen", "ola.hansen@example.no", "consumer", null, "F-24025", new(2026, 9, 10), new(2026, 9, 24), 890.00m, 890.00m, Kid("2402500")),
        // Business that disputes the delivery.
        new("K-4004", "Fjord Fisk AS", "faktura@fjordfisk.example.no", "business", "976543210", "F-24029", new(2026, 9, 14), new(2026, 9, 28), 15_000.00m, 15_000.00m, Kid("2402900")),
        // Business whose credit note covers its debt: gets nothing.
        new("K-5005", "Trondheim Tre AS", "regnskap@trondheimtre.example.no", "business", "965432109", "F-24011", new(2026, 9, 1), new(2026, 9, 15), 4_000.00m, 4_000.00m, Kid("2401100")),
        new("K-5005", "Trondheim Tre AS", "regnskap@trondheimtre.example.no", "business", "965432109", "K-24002", new(2026, 9, 20), new(2026, 9, 20), -4_000.00m, -4_000.00m, Kid("2400200")),
        // Consumer who says it is already paid; the next ledger confirms.
        new("K-6006", "Lise Berg", "lise.berg@example.no", "consumer", null, "F-24031", new(2026, 9, 11), new(2026, 9, 25), 2_400.00m, 2_400.00m, Kid("2403100")),
        // A current customer: nothing due yet.
        new("K-7007", "Stavanger Sko AS", "okonomi@stavangersko.example.no", "business", "954321098", "F-24041", new(2026, 10, 1), new(2026, 10, 31), 7_800.00m, 7_800.00m, Kid("2404100")),
        // Large claim: a person calls before the formal reminder; a promise, broken, then a credit hold until it pays.
        new("K-8008", "Nordlys Catering AS", "faktura@nordlyscatering.example.no", "business", "943210987", "F-24019", new(2026, 9, 4), new(2026, 9, 18), 24_000.00m, 24_000.00m, Kid("2401900")),
        // Business that pays by KID the morning its reminder would go out: the bank file arrives before the ledger shows it.
        new("K-9009", "Tromsø Tak AS", "post@tromsotak.example.no", "business", "932109876", "F-24045", new(2026, 10, 2), new(2026, 10, 16), 6_250.00m, 6_250.00m, Kid("2404500")),
    ];

    /// <summary>The phone numbers the ERP has (the optional customer_phone column); a person calling sees them on the task.</summary>
    public static readonly IReadOnlyDictionary<string, string> Phones = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["K-1001"] = "+47 912 34 567",
        ["K-2002"] = "+47 55 20 30 40",
        ["K-4004"] = "+47 57 71 20 00",
        ["K-8008"] = "+47 77 60 50 40",
    };

    public static string Csv(IEnumerable<Line> lines)
    {
        var text = new StringBuilder("customer_id,customer_name,customer_email,customer_type,org_number,invoice_number,invoice_date,due_date,currency,amount,open_amount,kid,customer_phone\n");
        foreach (var l in lines)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"{l.DebtorId},{Quote(l.Name)},{l.Email},{l.Type},{l.OrgNumber},{l.Invoice},{l.InvoiceDate:yyyy-MM-dd},{l.DueDate:yyyy-MM-dd},NOK,{l.Amount:0.00},{l.Open:0.00},{l.Kid},{Phones.GetValueOrDefault(l.DebtorId)}\n");
        }

        return text.ToString();
    }

    /// <summary>A KID with its MOD10 (Luhn) check digit.</summary>
    public static string Kid(string digits) => Receivables.Ledger.Kid.WithMod10(digits);

    private static string Quote(string value) => value.Contains(',', StringComparison.Ordinal) ? $"\"{value}\"" : value;
}
