using System.Text.Json;
using Receivables.Actions;
using Receivables.Dunning;
using Receivables.Email;
using Receivables.Escalation;
using Receivables.Evidence;
using Receivables.Handover;
using Receivables.Tests.Infrastructure;

namespace Receivables.Tests.Dunning;

/// <summary>
/// Norwegian fees and the § 3a compensation are NOK amounts, also on an invoice in another currency (issue #20,
/// defect 3): through the real import, cycle, renderer, claim statement and hand-over on Azurite.
/// </summary>
public sealed class ForeignCurrencyChargesTests
{
    private const string Business = "B-400,Nordic Freight AS,ap@nordicfreight.example,business,912345678,4001,2025-12-22,2026-01-05,USD,12500.00,12500.00,40016";

    [Fact]
    public async Task A_usd_invoice_states_its_fee_and_compensation_in_kroner_with_a_separate_nok_total_in_the_letter_the_claim_and_the_handover()
    {
        await using var world = await LeversWorld.StartAsync("2026-01-06");
        await world.UploadAsync(Business);

        await world.RunUntilAsync("2026-01-31");

        var reminder = world.Sender.Sends.Single(e => e.Subject.StartsWith("Purring", StringComparison.Ordinal));
        reminder.TextBody.ShouldContain("37,50 kr (1/20 av inkassosatsen på 750 kr");
        reminder.TextBody.ShouldContain("Standardkompensasjon, faktura 4001: 422,50 kr");
        reminder.TextBody.ShouldNotContain("37,50 USD");
        reminder.TextBody.ShouldNotContain("422,50 USD");
        reminder.TextBody.ShouldContain("Å betale i tillegg, i norske kroner: 460,00 kr");
        reminder.TextBody.ShouldContain("er ikke regnet om til USD");
        reminder.Subject.ShouldMatch(@"^Purring: 12[\u00A0 ][0-9]{3},[0-9]{2} USD \+ 460,00 kr til ");
        var usdTotal = System.Text.RegularExpressions.Regex.Match(reminder.TextBody, @"Å betale: (12[\u00A0 ][0-9]{3},[0-9]{2}) USD").Groups[1].Value;
        var interest = System.Text.RegularExpressions.Regex.Match(reminder.TextBody, @"Forsinkelsesrente, faktura 4001: ([0-9]+,[0-9]{2}) USD").Groups[1].Value;
        decimal.Parse(usdTotal.Replace('\u00A0', ' ').Replace(" ", "", StringComparison.Ordinal).Replace(',', '.'), System.Globalization.CultureInfo.InvariantCulture)
            .ShouldBe(12_500m + decimal.Parse(interest.Replace(',', '.'), System.Globalization.CultureInfo.InvariantCulture), "the USD total is principal and interest only: no kroner added to dollars");
        reminder.HtmlBody.ShouldContain("37,50 kr</td>");
        reminder.HtmlBody.ShouldContain("Å betale i tillegg, i norske kroner</td><td class=\"n\">460,00 kr</td>");

        var found = (await world.Get<ICaseActions>().GetAsync(TestSettings.Creditor, "B-400")).ShouldNotBeNull();
        var entries = await world.Get<IEvidenceReader>().ReadCaseAsync(new EvidenceCaseRef(TestSettings.Creditor, "B-400", found.CaseId));
        var decision = entries.Last(e => e.Entry.Title.StartsWith("Decision: reminder", StringComparison.Ordinal));
        using (var json = JsonDocument.Parse(await world.Get<IEvidenceReader>().ReadItemAsync(decision.Entry.ItemPath)))
        {
            var fee = json.RootElement.GetProperty("charges").EnumerateArray().First(c => c.GetProperty("kind").GetString() == ReminderContent.FeeCharge);
            fee.GetProperty("currency").GetString().ShouldBe("NOK", "the letter's evidence records the fee in kroner");
        }

        var claim = (await world.Get<IClaimStatements>().GetAsync(TestSettings.Creditor, "B-400", world.Today)).ShouldNotBeNull();
        claim.Totals.Select(t => t.Currency).ShouldBe(["USD", "NOK"]);
        claim.Totals[1].Amount.ShouldBe(460m);
        claim.Total.ShouldBe(claim.Principal + claim.Interest);

        await world.RunUntilAsync("2026-03-31");
        var task = await FirstAsync(world, TaskKinds.DecideEscalation);
        await world.Get<TaskOutcomes>().CompleteAsync(TestSettings.Creditor, task.TaskId, new TaskOutcome(EscalationOutcomes.Collection, null, null, Actors.Person("ola")));
        var (_, _, content) = await world.Get<HandoverExporter>().ExportAsync(TestSettings.Creditor, "B-400", Path.Combine(world.Host.DataPath, "handover"));

        content.Currency.ShouldBe("USD");
        content.ChargesCurrency.ShouldBe("NOK");
        content.Claims.Single().Fees.ShouldAllBe(f => f.Currency == "NOK");
        content.Totals.Total.ShouldBe(content.Totals.Principal + content.Totals.Interest);
        content.Totals.ByCurrency.Single(t => t.Currency == "NOK").Amount.ShouldBe(content.Totals.Fees + content.Totals.Compensation);
    }

    private static async Task<WorkTask> FirstAsync(LeversWorld world, string kind)
    {
        await foreach (var task in world.Get<ITaskStore>().ListAsync(TestSettings.Creditor, openOnly: false))
        {
            if (task.Kind == kind)
            {
                return task;
            }
        }

        throw new InvalidOperationException("no " + kind + " task");
    }
}
