using System.Globalization;
using Receivables.Local.Bench;
using Receivables.Local.Hosting;
using Receivables.Payments;
using Receivables.Storage;

namespace Receivables.Local.Demo;

/// <summary>
/// The bank file in the demo: Tromsø Tak AS pays by KID on the morning its reminder would go out. The bank's Nets OCR
/// file arrives after that morning's ledger export (which still shows the invoice open), so the same day's cycle sends
/// it nothing; the next morning's ledger shows the payment and nothing more happens.
/// </summary>
internal sealed partial class DemoStory
{
    public static readonly DateOnly TromsoPays = new(2026, 11, 2);

    public List<PaymentImportOutcome> BankFiles { get; } = [];

    private async Task PaymentsMorningAsync(DateOnly day, CancellationToken cancellationToken)
    {
        if (day != TromsoPays)
        {
            return;
        }

        var invoice = DemoScenario.Opening.Single(l => l.DebtorId == "K-9009");
        var ocr = BankFileGenerator.Ocr([new GeneratedPayment(invoice.Open, day, Kid: invoice.Kid, PayerAccount: "15030012345")], transmission: 1102);
        var name = $"{DemoScenario.Creditor}/ocr-{day:yyyy-MM-dd}.txt";
        var blob = host.Get<StorageClients>().Container(StorageNames.Containers.Payments).GetBlobClient(name);
        var uploaded = await blob.UploadAsync(BinaryData.FromString(ocr), overwrite: true, cancellationToken);
        await host.Get<PaymentsWatcher>().ScanAsync(cancellationToken);
        await host.Get<QueueConsumers>().DrainAllAsync(cancellationToken);
        var outcome = await host.Get<IPaymentStore>().GetOutcomeAsync(name, uploaded.Value.ETag.ToString(), cancellationToken);
        if (outcome is not null)
        {
            BankFiles.Add(outcome);
        }

        Narrative.Add(string.Create(CultureInfo.InvariantCulture,
            $"{day:yyyy-MM-dd} bank file (Nets OCR, after the morning's ledger): {invoice.Name} paid {invoice.Invoice} ({invoice.Open:N2}) by KID {invoice.Kid}; the cycle that day sends it nothing, and the ledger of {day.AddDays(1):yyyy-MM-dd} shows the payment without changing anything further"));
        output.WriteLine($"  {day:yyyy-MM-dd} bank file: {outcome?.Message}");
    }
}
