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

    [Theory]
    [InlineData(2, int.MaxValue)] // dies after the reversed payment is marked, before the reversal itself is stored
    [InlineData(int.MaxValue, 1)] // dies right after the first of the payment's applied amounts is taken back
    public async Task A_reversal_whose_import_dies_half_way_is_finished_by_the_retry_without_a_false_task(int crashAfter, int removalsBeforeCrash)
    {
        CrashingPaymentStore? crashing = null;
        await using var world = await StartAsync(services: s =>
        {
            s.RemoveAll<IPaymentStore>();
            s.AddSingleton<IPaymentStore>(sp => crashing = new CrashingPaymentStore(ActivatorUtilities.CreateInstance<AzurePaymentStore>(sp), crashAfter, removalsBeforeCrash));
        });

        // Kari owes 1,000 on invoice 1001 and 500 on 1002; one payment of 1,500 with the KID of 1001 pays both (two applied amounts, the rest going to her other invoice), and
        // the bank reverses it the next day. The ledger never showed the payment, so nothing is for a person to do.
        await world.LedgerAsync("w1.csv", "2026-01-20", Line("C-200", "Kari Nordmann", "1001", 1000m, 1000m), Line("C-200", "Kari Nordmann", "1002", 500m, 500m));
        var paid = await world.BankFileAsync("pay.txt", Ocr(new GeneratedPayment(1500m, PaidOn, Kid: Kid.WithMod10("1001"))));
        paid.Matched.ShouldBe(1);
        (await world.OpenItemsAsync("C-200"))!.Invoices.Sum(i => i.OpenAmount).ShouldBe(0m);

        var file = BankFileGenerator.Ocr([new GeneratedPayment(1500m, PaidOn.AddDays(1), Kid: Kid.WithMod10("1001"), Reversal: true)], transmission: 2);
        var blob = world.Host.Get<StorageClients>().Container(StorageNames.Containers.Payments).GetBlobClient("acme/reversal.txt");
        var eTag = (await blob.UploadAsync(new BinaryData(System.Text.Encoding.Latin1.GetBytes(file)))).Value.ETag.ToString();
        var importer = world.Host.Get<PaymentImporter>();

        await Should.ThrowAsync<IOException>(() => importer.ImportAsync("acme/reversal.txt", eTag, CancellationToken.None));
        crashing.ShouldNotBeNull().Crashed.ShouldBeTrue();

        var outcome = await importer.ImportAsync("acme/reversal.txt", eTag, CancellationToken.None);

        outcome.Result.ShouldBe(PaymentImportResult.Accepted);
        outcome.Reversals.ShouldBe(1);
        outcome.Lines!.ShouldContain(l => l.Contains("reverses the payment of record 3 in acme/pay.txt"));
        outcome.Lines!.ShouldNotContain(l => l.Contains("already shows"));
        (await world.TasksAsync(PaymentTaskKinds.UnplacedReversal)).ShouldBeEmpty("the reversal found its payment, and the ledger never showed it as paid");
        var store = world.Host.Get<IPaymentStore>();
        (await store.GetAllocationsAsync(TestSettings.Creditor, null, CancellationToken.None)).ShouldBeEmpty();
        (await world.OpenItemsAsync("C-200"))!.Invoices.Sum(i => i.OpenAmount).ShouldBe(1500m, "both invoices are open again");
    }

    [Fact]
    public async Task A_second_reversal_of_the_same_amount_does_not_undo_an_already_reversed_payment_again()
    {
        await using var world = await StartAsync();
        await world.LedgerAsync("w1.csv", "2026-01-20", Line("C-200", "Kari Nordmann", "1001", 1000m, 1000m));
        await world.BankFileAsync("pay.txt", Ocr(new GeneratedPayment(1000m, PaidOn, Kid: Kid.WithMod10("1001"))));
        (await world.BankFileAsync("reversal.txt", BankFileGenerator.Ocr([new GeneratedPayment(1000m, PaidOn.AddDays(1), Kid: Kid.WithMod10("1001"), Reversal: true)], transmission: 2)))
            .Lines!.ShouldContain(l => l.Contains("reverses the payment of record 3 in acme/pay.txt"));

        var again = await world.BankFileAsync("reversal-2.txt", BankFileGenerator.Ocr([new GeneratedPayment(1000m, PaidOn.AddDays(2), Kid: Kid.WithMod10("1001"), Reversal: true)], transmission: 3));

        again.Lines!.ShouldContain(l => l.Contains("no stored payment with this amount"));
        (await world.TasksAsync(PaymentTaskKinds.UnplacedReversal)).ShouldHaveSingleItem().Title.ShouldContain("could not place");
        (await world.OpenItemsAsync("C-200"))!.Invoices.Single().OpenAmount.ShouldBe(1000m);
    }
}
