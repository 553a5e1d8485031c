using System.Globalization;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MimeKit;
using Receivables.Dunning;
using Receivables.Local.Hosting;
using Receivables.Storage;

namespace Receivables.Local.Demo;

/// <summary>
/// Runs the demo story on a fresh local host: each simulated business day the ERP uploads its ledger export, the
/// debtors' replies arrive, and the dunning cycle runs; queued work is processed as the Functions runtime would.
/// Prints what happened and where to look.
/// </summary>
internal sealed class DemoRunner(TextWriter output)
{
    private static readonly TimeZoneInfo Oslo = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");

    public async Task<int> RunAsync(string dataPath, CancellationToken cancellationToken)
    {
        if (Directory.Exists(dataPath))
        {
            Directory.Delete(dataPath, recursive: true);
        }

        var clock = new AdjustableClock(At(DemoScenario.Start, 5));
        await using var host = await LocalHost.StartAsync(new LocalHostSettings
        {
            DataPath = dataPath,
            MinimumLogLevel = Microsoft.Extensions.Logging.LogLevel.Error,
            Overrides = DemoStory.PlanSettings.Concat(DemoStory.PageSettings).Append(DemoInboundSecret()).ToDictionary(kv => kv.Key, kv => kv.Value),
            ConfigureServices = s =>
            {
                s.RemoveAll<TimeProvider>();
                s.AddSingleton<TimeProvider>(clock);
            },
        }, cancellationToken);

        output.WriteLine($"Demo: creditor '{DemoScenario.Creditor}', {DemoScenario.Start:yyyy-MM-dd} to {DemoScenario.Start.AddDays(DemoScenario.Days - 1):yyyy-MM-dd}, data in {dataPath}");
        var story = new DemoStory(host, clock, output);
        for (var day = DemoScenario.Start; day < DemoScenario.Start.AddDays(DemoScenario.Days); day = day.AddDays(1))
        {
            clock.SetUtcNow(At(day, 5));
            await story.MorningAsync(day, cancellationToken);
            clock.SetUtcNow(At(day, 7));
            var result = await host.Get<DunningCycle>().RunAsync(day, cancellationToken);
            await DrainAsync(host, cancellationToken);
            foreach (var note in result.Notes.Where(n => !n.Contains("not a business day", StringComparison.OrdinalIgnoreCase)))
            {
                output.WriteLine($"  {day:yyyy-MM-dd} cycle: {note}");
            }

            // Contact hours open at 08:00 on weekdays (09:00 on Saturdays): what was decided before goes out now.
            clock.SetUtcNow(At(day, day.DayOfWeek == DayOfWeek.Saturday ? 9 : 8));
            await DrainAsync(host, cancellationToken);

            clock.SetUtcNow(At(day, 12));
            await story.AfternoonAsync(day, cancellationToken);
        }

        await new DemoSummary(host, output).PrintAsync(story, cancellationToken);
        return 0;
    }

    /// <summary>
    /// The demo posts no inbound webhook, so it never depends on the configured secret: a random one stands in (a
    /// local.settings.json with a placeholder secret would otherwise stop the demo at start).
    /// </summary>
    private static KeyValuePair<string, string?> DemoInboundSecret() =>
        KeyValuePair.Create<string, string?>("Receivables:Replies:Secret", Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));

    public static DateTimeOffset At(DateOnly day, int hourOslo)
    {
        var local = day.ToDateTime(new TimeOnly(hourOslo, 0));
        return new DateTimeOffset(local, Oslo.GetUtcOffset(local));
    }

    public static async Task DrainAsync(LocalHost host, CancellationToken cancellationToken)
    {
        await host.Get<LedgerWatcher>().ScanAsync(cancellationToken);
        await host.Get<QueueConsumers>().DrainAllAsync(cancellationToken);
    }

    /// <summary>Uploads a ledger export as the ERP would, stamped with the time the data was taken.</summary>
    public static async Task UploadLedgerAsync(LocalHost host, DateOnly day, string csv, DateTimeOffset takenAt, CancellationToken cancellationToken)
    {
        var blob = host.Get<StorageClients>().Container(StorageNames.Containers.Ledger)
            .GetBlobClient($"{DemoScenario.Creditor}/reskontro-{day:yyyy-MM-dd}.csv");
        await blob.UploadAsync(BinaryData.FromString(csv), new BlobUploadOptions
        {
            Metadata = new Dictionary<string, string> { ["takenat"] = takenAt.ToString("O", CultureInfo.InvariantCulture) },
            HttpHeaders = new BlobHttpHeaders { ContentType = "text/csv" },
        }, cancellationToken);
        await DrainAsync(host, cancellationToken);
    }

    /// <summary>A debtor's reply to the last message we sent them, as their mail client would write it.</summary>
    public static MimeMessage Reply(string fromName, string fromAddress, string toAddress, string? inReplyTo, string subject, string body, DateTimeOffset date)
    {
        var message = new MimeMessage { Subject = "SV: " + subject, Date = date, MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("mail.example.no") };
        message.From.Add(new MailboxAddress(fromName, fromAddress));
        message.To.Add(MailboxAddress.Parse(toAddress));
        if (inReplyTo is not null)
        {
            message.InReplyTo = inReplyTo;
            message.References.Add(inReplyTo);
        }

        message.Body = new TextPart("plain") { Text = body };
        return message;
    }
}
