using System.Text;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Receivables.Dunning;
using Receivables.Email;
using Receivables.Ledger.Storage;
using Receivables.Local.Hosting;
using Receivables.Storage;
using Receivables.Tests.Infrastructure;
using static Receivables.Tests.Dunning.LadderWorld;

namespace Receivables.Tests.Dunning;

/// <summary>End to end through the real ledger import: upload a CSV, run the cycle, drain the queues.</summary>
public sealed class LedgerToReminderTests
{
    private const string Header = "customer_id,customer_name,customer_email,customer_type,org_number,invoice_number,invoice_date,due_date,currency,amount,open_amount,kid";

    private static async Task UploadAsync(LocalHost host, string name, DateOnly takenOn, params string[] rows)
    {
        var blob = host.Get<StorageClients>().Container(StorageNames.Containers.Ledger).GetBlobClient("acme/" + name);
        var metadata = new Dictionary<string, string> { [AzureLedgerStore.TakenAtMetadata] = new DateTimeOffset(takenOn.ToDateTime(new TimeOnly(5, 0)), TimeSpan.Zero).ToString("O", System.Globalization.CultureInfo.InvariantCulture) };
        await blob.UploadAsync(new BinaryData(Encoding.UTF8.GetBytes(Header + "\n" + string.Join("\n", rows) + "\n")), new BlobUploadOptions { Metadata = metadata });
        await host.Get<LedgerWatcher>().ScanAsync(CancellationToken.None);
        await host.Get<QueueConsumers>().DrainAllAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Uploaded_ledgers_drive_the_ladder_week_by_week_and_a_partial_payment_reanchors_it()
    {
        var sender = new RecordingSender();
        await using var host = await TestHost.StartHostAsync(services: s =>
        {
            s.RemoveAll<IEmailSender>();
            s.AddSingleton<IEmailSender>(sender);
            s.RemoveAll<IMessageRenderer>();
            s.AddSingleton<IMessageRenderer, RecordingRenderer>();
        }, time: TestHost.ClockAt("2026-01-20T05:00:00Z"));
        var cycle = host.Get<DunningCycle>();
        const string kari = "C-200,Kari Nordmann,kari@example.no,consumer,,1001,2026-01-01,2026-01-15,NOK,1000.00,{0},10013";

        await UploadAsync(host, "w1.csv", D("2026-01-20"), string.Format(System.Globalization.CultureInfo.InvariantCulture, kari, "1000.00"));
        await cycle.RunAsync(D("2026-01-20"));
        await host.Get<QueueConsumers>().DrainAllAsync(CancellationToken.None);

        await UploadAsync(host, "w2.csv", D("2026-02-02"), string.Format(System.Globalization.CultureInfo.InvariantCulture, kari, "400.00"));
        await cycle.RunAsync(D("2026-02-03"));
        await host.Get<QueueConsumers>().DrainAllAsync(CancellationToken.None);

        await UploadAsync(host, "w3.csv", D("2026-02-16"), string.Format(System.Globalization.CultureInfo.InvariantCulture, kari, "400.00"), "C-300,Per Olsen,per@example.no,consumer,,1002,2026-02-10,2026-03-15,NOK,200.00,200.00,10021");
        await cycle.RunAsync(D("2026-02-16"));
        await host.Get<QueueConsumers>().DrainAllAsync(CancellationToken.None);
        await cycle.RunAsync(D("2026-02-17"));
        await host.Get<QueueConsumers>().DrainAllAsync(CancellationToken.None);

        // Friendly on 20 Jan; 600 paid, seen on 3 Feb: the reminder waits 14 days from then (17 Feb), for the 400 left.
        sender.Sends.Select(e => e.CustomArgs["level"]).ShouldBe(["1", "2"]);
        sender.Sends.Last().IdempotencyKey.ShouldEndWith("2026-02-17");
        sender.Sends.Last().Subject.ShouldStartWith("[reminder]");
        sender.Sends.Last().TextBody.ShouldContain("1001");
    }
}
