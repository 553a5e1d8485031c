using System.Globalization;
using System.Text;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using Receivables.Dunning;
using Receivables.Email;
using Receivables.Ledger.Storage;
using Receivables.Local.Hosting;
using Receivables.Replies;
using Receivables.Storage;
using Receivables.Tests.Dunning;
using Receivables.Tests.Infrastructure;

namespace Receivables.Tests.Infrastructure;

/// <summary>
/// A creditor's world for the levers: real host on Azurite, real ledger import, the real renderer, a recording email
/// sender; the days pass with a fake clock and the daily cycle runs each business day.
/// </summary>
internal sealed class LeversWorld : IAsyncDisposable
{
    public const string Header = "customer_id,customer_name,customer_email,customer_type,org_number,invoice_number,invoice_date,due_date,currency,amount,open_amount,kid";

    private LeversWorld(LocalHost host, FakeTimeProvider clock, RecordingSender sender)
    {
        Host = host;
        Clock = clock;
        Sender = sender;
    }

    public LocalHost Host { get; }

    public FakeTimeProvider Clock { get; }

    public RecordingSender Sender { get; }

    public DateOnly Today { get; private set; }

    public static async Task<LeversWorld> StartAsync(string firstDay, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null, bool workspace = false)
    {
        var sender = new RecordingSender();
        var all = new Dictionary<string, string?> { ["Receivables:Dunning:MaxLedgerAgeDays"] = "400" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var clock = TestHost.ClockAt(firstDay + "T06:00:00Z");
        var host = await TestHost.StartHostAsync(all, s =>
        {
            s.RemoveAll<IEmailSender>();
            s.AddSingleton<IEmailSender>(sender);
            services?.Invoke(s);
        }, clock, workspace: workspace);
        return new LeversWorld(host, clock, sender) { Today = DateOnly.Parse(firstDay, CultureInfo.InvariantCulture) };
    }

    public T Get<T>()
        where T : notnull => Host.Get<T>();

    /// <summary>Uploads a ledger export taken today (rows in <see cref="Header"/> order) and imports it.</summary>
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
            Clock.SetUtcNow(new DateTimeOffset(Today.ToDateTime(new TimeOnly(6, 0)), TimeSpan.Zero));
            await Host.Get<DunningCycle>().RunAsync(Today);
            await DrainAsync();
        }

        Today = end;
    }

    /// <summary>Moves the clock to <paramref name="day"/> without running the cycle (for uploads and replies on that day).</summary>
    public void SetDay(string day)
    {
        Today = DateOnly.Parse(day, CultureInfo.InvariantCulture);
        Clock.SetUtcNow(new DateTimeOffset(Today.ToDateTime(new TimeOnly(6, 0)), TimeSpan.Zero));
    }

    /// <summary>The debtor writes back to the case's reply address, as a mail client would.</summary>
    public async Task<string> ReplyAsync(string debtorId, string fromAddress, string text)
    {
        var found = await Host.Get<ICaseActions>().GetAsync(TestSettings.Creditor, debtorId) ?? throw new InvalidOperationException("no case for " + debtorId);
        var message = new MimeMessage { Subject = "SV: Påminnelse", Date = Clock.GetUtcNow(), MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("mail.example.no") };
        message.From.Add(MailboxAddress.Parse(fromAddress));
        message.To.Add(MailboxAddress.Parse(ReminderContent.ReplyAddress("regnskap@acme.example", found.ReplyToken)));
        message.Body = new TextPart("plain") { Text = text };
        using var stream = new MemoryStream();
        await message.WriteToAsync(stream);
        var payload = stream.ToArray();
        await Host.Get<ReplyIntake>().AcceptAsync("message/rfc822", payload, InboundParser.ParseMime(payload), CancellationToken.None);
        await DrainAsync();
        return message.MessageId;
    }

    public async Task DrainAsync()
    {
        await Host.Get<LedgerWatcher>().ScanAsync(CancellationToken.None);
        await Host.Get<QueueConsumers>().DrainAllAsync(CancellationToken.None);
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
