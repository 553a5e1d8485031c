using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Receivables.Actions;
using Receivables.Ledger;
using Receivables.Local.Bench;
using Receivables.Payments;
using Receivables.Payments.Storage;
using Receivables.Storage;
using Receivables.Tests.Infrastructure;
using static Receivables.Tests.Payments.PaymentsWorld;

namespace Receivables.Tests.Payments;

/// <summary>A bank file whose import dies half-way, and the retry the queue makes: every payment counted once.</summary>
public sealed class PaymentsCrashTests
{
    private static readonly DateOnly PaidOn = new(2026, 2, 3);

    [Fact]
    public async Task A_crash_after_a_batch_applied_its_payments_but_before_its_decisions_then_the_retry_counts_each_payment_once()
    {
        CrashingPaymentStore? crashing = null;
        await using var world = await StartAsync(
            new Dictionary<string, string?> { ["Receivables:Payments:BatchSize"] = "10" },
            s =>
            {
                s.RemoveAll<IPaymentStore>();
                s.AddSingleton<IPaymentStore>(sp => crashing = new CrashingPaymentStore(ActivatorUtilities.CreateInstance<AzurePaymentStore>(sp), crashAfter: 10));
            });

        // 25 debtors with one invoice of 1,000 each; the file pays them all by KID (claimed in batches of 10), except that
        // the 13th pays 200 too much and the 15th names no invoice. The import dies after storing 10 decisions: payments
        // 11-25 are claimed and applied (the ledger reader already takes them off), their tasks open, not decided.
        var numbers = Enumerable.Range(1, 25).Select(i => (2000 + i).ToString(CultureInfo.InvariantCulture)).ToList();
        await world.LedgerAsync("w1.csv", "2026-02-02", [.. numbers.Select((n, i) => Line($"D{i + 1:00}", $"Kunde {i + 1}", n, 1000m, 1000m))]);
        var file = Ocr([.. numbers.Select((n, i) => i switch
        {
            12 => new GeneratedPayment(1200m, PaidOn, Kid: Kid.WithMod10(n)),
            14 => new GeneratedPayment(1000m, PaidOn, Text: "Innbetaling"),
            _ => new GeneratedPayment(1000m, PaidOn, Kid: Kid.WithMod10(n)),
        })]);
        var blob = world.Host.Get<StorageClients>().Container(StorageNames.Containers.Payments).GetBlobClient("acme/ocr-crash.txt");
        var eTag = (await blob.UploadAsync(new BinaryData(System.Text.Encoding.Latin1.GetBytes(file)))).Value.ETag.ToString();
        var importer = world.Host.Get<PaymentImporter>();

        await Should.ThrowAsync<IOException>(() => importer.ImportAsync("acme/ocr-crash.txt", eTag, CancellationToken.None));
        crashing.ShouldNotBeNull().Crashed.ShouldBeTrue();
        var store = world.Host.Get<IPaymentStore>();
        (await store.GetAllocationsAsync(TestSettings.Creditor, null, CancellationToken.None)).Count.ShouldBe(24, "the payments were applied before the process died");

        var outcome = await importer.ImportAsync("acme/ocr-crash.txt", eTag, CancellationToken.None);

        outcome.Result.ShouldBe(PaymentImportResult.Accepted);
        outcome.Overpaid.ShouldBe(200m);
        var applied = await store.GetAllocationsAsync(TestSettings.Creditor, null, CancellationToken.None);
        applied.GroupBy(a => a.InvoiceNumber).ToDictionary(g => g.Key, g => g.Sum(a => a.Amount))
            .ShouldBe(numbers.Where(n => n != "2015").ToDictionary(n => n, _ => 1000m));
        applied.Select(a => a.PaymentKey).Distinct().Count().ShouldBe(24);
        (await world.OpenItemsAsync("D15"))!.Invoices.ShouldHaveSingleItem().OpenAmount.ShouldBe(1000m);
        (await world.OpenItemsAsync("D13"))!.Invoices.ShouldBeEmpty();
        var overpaid = (await world.TasksAsync(PaymentTaskKinds.Overpayment)).ShouldHaveSingleItem();
        overpaid.DebtorId.ShouldBe("D13");
        overpaid.Facts.Amount.ShouldBe(200m);
        overpaid.Facts.Invoices.ShouldBe(["2013"]);
        (await world.TasksAsync(PaymentTaskKinds.UnplacedPayment)).ShouldHaveSingleItem().Title.ShouldContain("1000.00 NOK");

        // The same file uploaded again after all: nothing more.
        var again = await world.BankFileAsync("ocr-crash-again.txt", file);
        again.Result.ShouldBe(PaymentImportResult.Duplicate);
        (await store.GetAllocationsAsync(TestSettings.Creditor, null, CancellationToken.None)).Count.ShouldBe(applied.Count);
    }
}
