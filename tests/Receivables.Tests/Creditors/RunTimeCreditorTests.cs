using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Receivables.Creditors;
using Receivables.Dunning;
using Receivables.Email;
using Receivables.Ledger;
using Receivables.Local.Bench;
using Receivables.Local.Hosting;
using Receivables.Payments;
using Receivables.Tests.Dunning;
using Receivables.Tests.Infrastructure;
using Receivables.Tests.Ledger;

namespace Receivables.Tests.Creditors;

/// <summary>
/// A creditor added at run time (the creditor registry, not app settings) is served like a configured one everywhere,
/// not only by the daily cycle: its bank files are imported, its letters are built with the dunning policy the registry
/// names for it, and the work around its cases (acknowledgements, plans, hand-over, evidence) finds it.
/// </summary>
public sealed class RunTimeCreditorTests
{
    private static readonly DateOnly Monday = new(2026, 3, 2);

    /// <summary>A consumer ladder of its own: a purring with a reminder fee and interest first (no friendly step), then a person.</summary>
    private static readonly Dictionary<string, string?> PurringFirst = new()
    {
        ["Receivables:Dunning:Policies:b2c-purring:Levels:0:Stage"] = CaseStages.Reminder,
        ["Receivables:Dunning:Policies:b2c-purring:Levels:0:Template"] = MessageTemplates.Reminder,
        ["Receivables:Dunning:Policies:b2c-purring:Levels:0:DaysAfterDue"] = "14",
        ["Receivables:Dunning:Policies:b2c-purring:Levels:0:Fee"] = "Reminder",
        ["Receivables:Dunning:Policies:b2c-purring:Levels:0:Interest"] = "true",
        ["Receivables:Dunning:Policies:b2c-purring:Levels:0:DeadlineDays"] = "14",
        ["Receivables:Dunning:Policies:b2c-purring:Levels:1:Stage"] = CaseStages.Manual,
        ["Receivables:Dunning:Policies:b2c-purring:Levels:1:DaysAfterPrevious"] = "15",
    };

    private static async Task<(LocalHost Host, RecordingSender Sender)> StartAsync()
    {
        var sender = new RecordingSender();
        var host = await TestHost.StartHostAsync(PurringFirst, s =>
        {
            s.RemoveAll<IEmailSender>();
            s.AddSingleton<IEmailSender>(sender);
            s.RemoveAll<IMessageRenderer>();
            s.AddSingleton<IMessageRenderer, RecordingRenderer>();
        }, TestHost.ClockAt("2026-03-02T07:00:00Z"));
        return (host, sender);
    }

    private static string Ledger(string prefix) => LedgerKit.Canonical([.. Enumerable.Range(1, 2)
        .Select(i => string.Create(CultureInfo.InvariantCulture, $"{prefix}{i:D4},Kunde {i},kunde{i}@example.no,consumer,,F-{i:D5},2026-01-10,2026-02-09,NOK,1000.00,1000.00,{Kid.WithMod10("7" + i.ToString("D4", CultureInfo.InvariantCulture))}"))]);

    [Fact]
    public async Task A_creditor_added_at_run_time_gets_letters_under_the_policy_the_registry_names_and_its_bank_files_imported()
    {
        var (host, sender) = await StartAsync();
        await using var _ = host;
        await host.Get<CreditorRegistry>().AddAsync("nordfisk", new CreditorChange(Name: "Nordfisk AS", Email: "regnskap@nordfisk.example", OrgNumber: "912345678", BankAccount: "12345678903", ConsumerPolicy: "b2c-purring"));
        (await LedgerKit.DropAsync(host, "nordfisk/ledger.csv", Ledger("N"), new DateTimeOffset(2026, 3, 2, 5, 0, 0, TimeSpan.Zero))).Result.ShouldBe(LedgerUploadResult.Accepted);

        await host.Get<IDunningCycle>().RunAsync(Monday);
        await host.Get<QueueConsumers>().DrainAllAsync(CancellationToken.None);

        // The cycle decided a purring under the registry's policy; the letter is built under the same policy: the fee, and
        // the late-payment interest that policy's first step charges (the default consumer ladder's first step does not).
        var fee = host.Get<DunningPolicies>().Rates.ReminderFeeOn(Monday);
        var letters = sender.Sends.Where(s => s.ReplyTo!.EndsWith("@nordfisk.example", StringComparison.Ordinal)).ToList();
        letters.Count.ShouldBe(2);
        foreach (var letter in letters)
        {
            letter.Subject.ShouldStartWith($"[{MessageTemplates.Reminder}] Nordfisk AS: ");
            var total = decimal.Parse(letter.Subject.Split(": ")[1].Split(' ')[0], CultureInfo.InvariantCulture);
            total.ShouldBeGreaterThan(1000m + fee, "the purring asks for the invoice, the reminder fee and interest for 21 days, as the registry's policy says");
            total.ShouldBeLessThan(1000m + fee + 10m, "interest on 1,000 kroner for three weeks is a few kroner");
        }

        // A bank file in its folder is imported (not refused as an unknown creditor) and places the payment by KID.
        var kid = Kid.WithMod10("70001");
        var outcome = await PaymentsImportAsync(host, "nordfisk/camt.xml", BankFileGenerator.Camt054([new GeneratedPayment(1000m, Monday, Kid: kid, Payer: "Kunde 1")]));
        outcome.Result.ShouldBe(PaymentImportResult.Accepted, outcome.Message);
        outcome.Matched.ShouldBe(1);
    }

    private static async Task<PaymentImportOutcome> PaymentsImportAsync(LocalHost host, string name, string content)
    {
        var blob = host.Get<Receivables.Storage.StorageClients>().Container(Receivables.Storage.StorageNames.Containers.Payments).GetBlobClient(name);
        var uploaded = await blob.UploadAsync(new BinaryData(System.Text.Encoding.UTF8.GetBytes(content)));
        await host.Get<PaymentsWatcher>().ScanAsync(CancellationToken.None);
        await host.Get<QueueConsumers>().DrainAllAsync(CancellationToken.None);
        return (await host.Get<IPaymentStore>().GetOutcomeAsync(name, uploaded.Value.ETag.ToString(), CancellationToken.None)).ShouldNotBeNull();
    }
}
