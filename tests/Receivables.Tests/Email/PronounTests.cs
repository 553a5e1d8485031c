using System.Text.RegularExpressions;
using Receivables.Email;
using Receivables.Tests.Infrastructure;

namespace Receivables.Tests.Email;

/// <summary>Businesses are addressed as "dere", consumers as "du", in every shipped template (messages and fragments).</summary>
public sealed partial class PronounTests
{
    [GeneratedRegex(@"\b(du|deg|din|ditt|dine)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Singular();

    [GeneratedRegex(@"\b(dere|deres)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Plural();

    /// <summary>Every value a template may print, so every branch renders; no value holds a pronoun itself.</summary>
    private static readonly Dictionary<string, string> Everything = new()
    {
        ["Message"] = "Betalingen er registrert 03.11.2026.",
        ["Schedule"] = "1  01.12.2026  1 000,00 kr",
        ["Terms"] = "Avdrag 1 000,00 kr hver måned.",
        ["Plan"] = "P0000000001",
        ["Claim"] = "3 000,00 kr",
        ["StartDate"] = "01.11.2026",
        ["Invoices"] = "F-1, F-2",
        ["Principal"] = "2 900,00 kr",
        ["Fees"] = "35,00 kr",
        ["Interest"] = "20,00 kr",
        ["Compensation"] = "45,00 kr",
        ["PlanInterest"] = "10,00 kr",
        ["FeesWaived"] = "35,00 kr",
        ["CompensationWaived"] = "45,00 kr",
        ["InterestWaived"] = "yes",
        ["AnyWaived"] = "yes",
        ["Total"] = "3 010,00 kr",
        ["Count"] = "3",
        ["FirstAmount"] = "1 000,00 kr",
        ["FirstDate"] = "01.12.2026",
        ["LastDate"] = "01.02.2027",
        ["GraceDays"] = "5",
        ["Tolerance"] = "1",
        ["Kid"] = "900000000000011",
        ["Account"] = "1234.56.78903",
        ["Settlement"] = "2 500,00 kr",
        ["SettlementBy"] = "15.11.2026",
        ["Security"] = "yes",
        ["AnswerBy"] = "15.11.2026",
        ["ResumeAfter"] = "1",
        ["PayAmount"] = "1 000,00 kr",
        ["PayBy"] = "01.12.2026",
        ["Balance"] = "2 010,00 kr",
        ["Installment"] = "2",
        ["InstallmentAmount"] = "1 000,00 kr",
        ["InstallmentDue"] = "01.12.2026",
        ["LastChance"] = "yes",
        ["AwaitingSecurity"] = "yes",
    };

    private static ReminderDocument Document(string template, bool business) => new(
        template, "nb", TestSettings.Creditor, "Acme Verktøy AS", "999888777", "regnskap@acme.example", "+47 22 33 44 55", "12345678903", "Storgata 1, 0155 Oslo",
        "K-1", business ? "Bergen Bygg AS" : "Kari Nordmann", "post@example.no", business, "acme/K-1/c", "regnskap+t@acme.example", "NOK",
        [new ReminderInvoice("F-1", new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 15), 2900m, 2900m, "0010231000016", 17)],
        [new ReminderCharge("reminder-fee", "Gebyr", 37.5m, "1/20")], 2900m, 2937.5m, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 15), "0010231000016", Everything);

    [Fact]
    public async Task Every_Norwegian_template_says_dere_to_a_business_and_du_to_a_consumer()
    {
        await using var host = await TestHost.StartHostAsync();
        var renderer = host.Get<IMessageRenderer>();
        var templates = Receivables.Email.LiquidMessageRenderer.Defaults()
            .Select(t => t.Name)
            .Where(n => n.EndsWith(".nb.liquid", StringComparison.Ordinal) && !n.StartsWith("layout.", StringComparison.Ordinal))
            .Select(n => n[..^".nb.liquid".Length])
            .ToList();
        templates.Count.ShouldBeGreaterThan(10);
        var problems = new List<string>();
        foreach (var template in templates)
        {
            foreach (var business in new[] { true, false })
            {
                var document = Document(template, business);
                var parts = await renderer.RenderPartsAsync(document);
                var text = parts.ContainsKey("subject")
                    ? (await renderer.RenderAsync(document)).Text
                    : string.Join("\n", parts.Values);
                var wrong = business ? Singular().Matches(text) : Plural().Matches(text);
                foreach (Match match in wrong)
                {
                    var at = Math.Max(0, match.Index - 40);
                    problems.Add($"{template} ({(business ? "business" : "consumer")}): \"{match.Value}\" in \"…{text.Substring(at, Math.Min(80, text.Length - at)).ReplaceLineEndings(" ")}…\"");
                }

                if (parts.ContainsKey("subject"))
                {
                    (business ? Plural() : Singular()).IsMatch(text).ShouldBeTrue($"{template} addresses the {(business ? "business" : "consumer")} somewhere");
                }
            }
        }

        problems.ShouldBeEmpty();
    }
}
