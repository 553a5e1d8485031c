using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Azure.Storage.Blobs.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using Receivables.Dunning;
using Receivables.Ledger.Storage;
using Receivables.Local.Hosting;
using Receivables.Storage;
using Receivables.Tests.Infrastructure;

namespace Receivables.Tests.DebtorPage;

/// <summary>
/// A creditor's world for the debtor's page: the real local host on Azurite with the real outbox sender (letters are
/// .eml files), the page served over HTTP on 127.0.0.1 by the same endpoints as <c>./receivables serve</c>, and a fake
/// clock that the daily cycle follows.
/// </summary>
internal sealed partial class DebtorPageWorld : IAsyncDisposable
{
    public const string Header = "customer_id,customer_name,customer_email,customer_type,org_number,invoice_number,invoice_date,due_date,currency,amount,open_amount,kid";
    public const string SigningKey = "test-signing-key-for-the-debtor-page-0123456789";

    private readonly WebApplication server;

    private DebtorPageWorld(LocalHost host, WebApplication server, FakeTimeProvider clock, string baseAddress, DateOnly today)
    {
        Host = host;
        this.server = server;
        Clock = clock;
        BaseAddress = baseAddress;
        Today = today;
    }

    public LocalHost Host { get; }

    public FakeTimeProvider Clock { get; }

    /// <summary>http://127.0.0.1:port</summary>
    public string BaseAddress { get; }

    public DateOnly Today { get; private set; }

    public string Outbox => Path.Combine(Host.DataPath, "outbox");

    public static async Task<DebtorPageWorld> StartAsync(string firstDay, IDictionary<string, string?>? settings = null)
    {
        var port = FreePort();
        var baseAddress = $"http://127.0.0.1:{port}";
        var all = new Dictionary<string, string?>
        {
            ["Receivables:Dunning:MaxLedgerAgeDays"] = "400",
            ["Receivables:Email:Mode"] = "Outbox",
            ["Receivables:DebtorPage:SigningKey"] = SigningKey,
            ["Receivables:DebtorPage:BaseUrl"] = baseAddress + "/api/debtor/",
            ["Receivables:DebtorPage:RequestsPerMinute"] = "1000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var clock = TestHost.ClockAt(firstDay + "T06:00:00Z");
        var host = await TestHost.StartHostAsync(all, time: clock);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(baseAddress);
        var server = builder.Build();
        server.MapDebtorPage(host.Services);
        await server.StartAsync();
        return new DebtorPageWorld(host, server, clock, baseAddress, DateOnly.Parse(firstDay, CultureInfo.InvariantCulture));
    }

    public T Get<T>()
        where T : notnull => Host.Get<T>();

    /// <summary>Uploads a ledger export taken now (rows in <see cref="Header"/> order) and imports it.</summary>
    public async Task UploadAsync(params string[] rows)
    {
        var name = $"acme/ledger-{Today:yyyy-MM-dd}-{Guid.NewGuid():N}.csv";
        var blob = Host.Get<StorageClients>().Container(StorageNames.Containers.Ledger).GetBlobClient(name);
        var metadata = new Dictionary<string, string> { [AzureLedgerStore.TakenAtMetadata] = Clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture) };
        await blob.UploadAsync(new BinaryData(Encoding.UTF8.GetBytes(Header + "\n" + string.Join("\n", rows) + "\n")), new BlobUploadOptions { Metadata = metadata });
        await DrainAsync();
    }

    /// <summary>Runs the daily cycle on each day up to and including <paramref name="last"/>, draining queued work.</summary>
    public async Task RunUntilAsync(string last)
    {
        var end = DateOnly.Parse(last, CultureInfo.InvariantCulture);
        for (; Today <= end; Today = Today.AddDays(1))
        {
            var morning = new DateTimeOffset(Today.ToDateTime(new TimeOnly(6, 0)), TimeSpan.Zero);
            if (morning > Clock.GetUtcNow())
            {
                Clock.SetUtcNow(morning);
            }

            await Host.Get<DunningCycle>().RunAsync(Today);
            await DrainAsync();
        }

        Today = end;
    }

    public void SetDay(string day)
    {
        Today = DateOnly.Parse(day, CultureInfo.InvariantCulture);
        Clock.SetUtcNow(new DateTimeOffset(Today.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero));
    }

    public async Task DrainAsync()
    {
        await Host.Get<LedgerWatcher>().ScanAsync(CancellationToken.None);
        await Host.Get<QueueConsumers>().DrainAllAsync(CancellationToken.None);
    }

    /// <summary>Every message in the outbox, oldest first, as the mail program would read it.</summary>
    public IReadOnlyList<MimeMessage> Letters() =>
        Directory.Exists(Outbox)
            ? [.. Directory.GetFiles(Outbox, "*.eml").Select(f => (File: f, Message: MimeMessage.Load(f))).OrderBy(m => m.Message.Date).ThenBy(m => File.GetLastWriteTimeUtc(m.File)).Select(m => m.Message)]
            : [];

    public IReadOnlyList<MimeMessage> LettersTo(string address) =>
        [.. Letters().Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase)))];

    /// <summary>The page link printed in a letter's plain text.</summary>
    public static string LinkIn(MimeMessage letter)
    {
        var match = Link().Match(letter.TextBody ?? "");
        return match.Success ? match.Value : throw new InvalidOperationException("No page link in the letter '" + letter.Subject + "':\n" + letter.TextBody);
    }

    public async ValueTask DisposeAsync()
    {
        await server.StopAsync();
        await server.DisposeAsync();
        await Host.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/api/debtor/[A-Za-z0-9_-]+")]
    private static partial Regex Link();
}
