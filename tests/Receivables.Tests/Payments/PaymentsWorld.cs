using System.Globalization;
using System.Text;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Receivables.Actions;
using Receivables.Dunning;
using Receivables.Email;
using Receivables.Ledger;
using Receivables.Ledger.Storage;
using Receivables.Local.Bench;
using Receivables.Local.Hosting;
using Receivables.Payments;
using Receivables.Storage;
using Receivables.Tests.Dunning;
using Receivables.Tests.Infrastructure;

namespace Receivables.Tests.Payments;

/// <summary>A local host on Azurite with a recording sender: upload ledgers and bank files, run cycles.</summary>
internal sealed class PaymentsWorld(LocalHost host, RecordingSender sender) : IAsyncDisposable
{
    public const string Header = "customer_id,customer_name,customer_email,customer_type,org_number,invoice_number,invoice_date,due_date,currency,amount,open_amount,kid";

    public LocalHost Host { get; } = host;

    public RecordingSender Sender { get; } = sender;

    public static async Task<PaymentsWorld> StartAsync(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var sender = new RecordingSender();
        var host = await TestHost.StartHostAsync(settings, s =>
        {
            services?.Invoke(s);
            s.RemoveAll<IEmailSender>();
            s.AddSingleton<IEmailSender>(sender);
            s.RemoveAll<IMessageRenderer>();
            s.AddSingleton<IMessageRenderer, RecordingRenderer>();
        }, TestHost.ClockAt("2026-01-20T05:00:00Z"));
        return new PaymentsWorld(host, sender);
    }

    public static string Line(string debtor, string name, string invoice, decimal amount, decimal open, string due = "2026-01-15") =>
        string.Create(CultureInfo.InvariantCulture, $"{debtor},{name},{debtor.ToLowerInvariant()}@example.no,consumer,,{invoice},2026-01-01,{due},NOK,{amount:0.00},{open:0.00},{Kid.WithMod10(invoice)}");

    public async Task LedgerAsync(string name, string takenOn, params string[] rows)
    {
        var blob = Host.Get<StorageClients>().Container(StorageNames.Containers.Ledger).GetBlobClient("acme/" + name);
        var metadata = new Dictionary<string, string> { [AzureLedgerStore.TakenAtMetadata] = takenOn + "T05:00:00Z" };
        await blob.UploadAsync(new BinaryData(Encoding.UTF8.GetBytes(Header + "\n" + string.Join("\n", rows) + "\n")), new BlobUploadOptions { Metadata = metadata });
        await Host.Get<LedgerWatcher>().ScanAsync(CancellationToken.None);
        await Host.Get<QueueConsumers>().DrainAllAsync(CancellationToken.None);
    }

    public Task<PaymentImportOutcome> BankFileAsync(string name, string content) => ImportAsync(Host, content, name);

    /// <summary>Uploads a bank file to the payments container and runs what Event Grid and the queue trigger do.</summary>
    public static async Task<PaymentImportOutcome> ImportAsync(LocalHost host, string content, string name = "bank.txt")
    {
        var blob = host.Get<StorageClients>().Container(StorageNames.Containers.Payments).GetBlobClient("acme/" + name);
        var uploaded = await blob.UploadAsync(new BinaryData(Encoding.Latin1.GetBytes(content)), overwrite: true);
        await host.Get<PaymentsWatcher>().ScanAsync(CancellationToken.None);
        await host.Get<QueueConsumers>().DrainAllAsync(CancellationToken.None);
        return (await host.Get<IPaymentStore>().GetOutcomeAsync("acme/" + name, uploaded.Value.ETag.ToString(), CancellationToken.None)).ShouldNotBeNull();
    }

    public async Task CycleAsync(string date)
    {
        await Host.Get<DunningCycle>().RunAsync(DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture));
        await Host.Get<QueueConsumers>().DrainAllAsync(CancellationToken.None);
    }

    public async Task<List<WorkTask>> TasksAsync(string kind)
    {
        var found = new List<WorkTask>();
        await foreach (var task in Host.Get<ITaskStore>().ListAsync(TestSettings.Creditor, openOnly: false))
        {
            if (task.Kind == kind)
            {
                found.Add(task);
            }
        }

        return found;
    }

    public Task<DebtorLedger?> OpenItemsAsync(string debtorId) => Host.Get<ILedgerReader>().GetDebtorAsync(TestSettings.Creditor, debtorId);

    public List<string> SentTo(string debtorId) => [.. Sender.Sends.Where(s => s.CustomArgs[EmailCustomArgs.Debtor] == debtorId).Select(s => s.CustomArgs["level"])];

    public static string Ocr(params GeneratedPayment[] payments) => BankFileGenerator.Ocr(payments);

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
