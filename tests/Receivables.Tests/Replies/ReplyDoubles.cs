using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Receivables.Common;
using Receivables.Dunning;
using Receivables.Email;
using Receivables.Evidence;
using Receivables.Ledger;

namespace Receivables.Tests.Replies;

// Recording doubles of the OTHER features' contracts (dunning, evidence, email, ledger) until their implementations
// land on main. The replies feature's own storage in these tests is real Azurite.

internal sealed class RecordingCases : ICaseActions
{
    public readonly ConcurrentDictionary<string, CaseView> Cases = new();
    public readonly ConcurrentDictionary<string, string> MessageIds = new();
    public readonly ConcurrentQueue<string> Calls = new();
    private readonly ConcurrentDictionary<string, bool> keys = new();

    public CaseView Add(string debtorId, string email, string token)
    {
        var view = new CaseView(TestData.Creditor, debtorId, "C-" + debtorId, token, CaseStages.Friendly, email, null, null, []);
        Cases[debtorId] = view;
        return view;
    }

    public Task<CaseView?> GetAsync(string creditorId, string debtorId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Cases.GetValueOrDefault(debtorId));

    public Task<CaseView?> FindByReplyTokenAsync(string replyToken, CancellationToken cancellationToken = default) =>
        Task.FromResult(Cases.Values.FirstOrDefault(c => c.ReplyToken == replyToken));

    public Task<CaseView?> FindByMessageIdAsync(string messageId, CancellationToken cancellationToken = default) =>
        Task.FromResult(MessageIds.TryGetValue(messageId, out var debtor) ? Cases.GetValueOrDefault(debtor) : null);

    public Task<IReadOnlyList<CaseView>> FindByEmailAsync(string email, CancellationToken cancellationToken = default)
    {
        var exact = Cases.Values.Where(c => string.Equals(c.DebtorEmail, email, StringComparison.OrdinalIgnoreCase)).ToList();
        if (exact.Count == 0)
        {
            var domain = email[(email.IndexOf('@') + 1)..];
            exact = Cases.Values.Where(c => c.DebtorEmail?.EndsWith("@" + domain, StringComparison.OrdinalIgnoreCase) == true).ToList();
        }

        return Task.FromResult<IReadOnlyList<CaseView>>(exact);
    }

    public Task PauseAsync(string creditorId, string debtorId, PauseReason reason, DateOnly? until, IReadOnlyList<string>? invoiceNumbers, string actor, string note, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        Record(idempotencyKey + ":pause", $"pause {debtorId} {reason} until={until:yyyy-MM-dd} invoices={string.Join("|", invoiceNumbers ?? [])} by {actor}");
        return Task.CompletedTask;
    }

    public Task ResumeAsync(string creditorId, string debtorId, PauseReason reason, string actor, string note, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        Record(idempotencyKey + ":resume", $"resume {debtorId} {reason} by {actor}");
        return Task.CompletedTask;
    }

    public Task RestartFriendlyStepAsync(string creditorId, string debtorId, string actor, string note, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        Record(idempotencyKey + ":restart", $"restart-friendly {debtorId} by {actor}");
        return Task.CompletedTask;
    }

    public Task ResolveDisputeAsync(string creditorId, string debtorId, DisputeResolution resolution, string actor, string note, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        Record(idempotencyKey + ":resolve", $"resolve-dispute {debtorId} credit-to={resolution.CreditTo} by {actor}");
        return Task.CompletedTask;
    }

    public Task ReleaseHoldAsync(string creditorId, string debtorId, string actor, string note, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        Record(idempotencyKey + ":release", $"release-hold {debtorId} by {actor}");
        return Task.CompletedTask;
    }

    public Task ReleaseInvoiceAsync(string creditorId, string debtorId, string invoiceNumber, string actor, string note, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        Record(idempotencyKey + ":release-invoice", $"release-invoice {debtorId} {invoiceNumber} by {actor}");
        return Task.CompletedTask;
    }

    public Task SetNeverAutomaticAsync(string creditorId, string debtorId, bool neverAutomatic, string actor, string note, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        Record(idempotencyKey + ":never-automatic", $"never-automatic={neverAutomatic} {debtorId} by {actor}");
        return Task.CompletedTask;
    }

    private void Record(string key, string call)
    {
        if (keys.TryAdd(key, true))
        {
            Calls.Enqueue(call);
        }
    }
}

internal sealed class RecordingArchive : IEvidenceArchive
{
    public readonly ConcurrentDictionary<string, EvidenceItem> Items = new();

    public Task<EvidenceReceipt> AppendAsync(EvidenceItem item, CancellationToken cancellationToken = default)
    {
        var added = Items.TryAdd(item.IdempotencyKey, item);
        return Task.FromResult(new EvidenceReceipt(item.IdempotencyKey, "", Items.Count, !added));
    }

    public IReadOnlyList<EvidenceItem> OfKind(string kind) => Items.Values.Where(i => i.Kind == kind).ToList();
}

internal sealed class RecordingSender : IEmailSender
{
    public readonly ConcurrentDictionary<string, OutboundEmail> Sent = new();

    public Task<SentEmail> SendAsync(OutboundEmail email, CancellationToken cancellationToken = default)
    {
        Sent.TryAdd(email.IdempotencyKey, email);
        return Task.FromResult(new SentEmail("<" + email.IdempotencyKey + "@test>", "test", Encoding.UTF8.GetBytes(email.TextBody), null));
    }

    public Task<SentEmail?> FindSentAsync(string idempotencyKey, CancellationToken cancellationToken = default) =>
        Task.FromResult(Sent.TryGetValue(idempotencyKey, out var e) ? new SentEmail("<" + idempotencyKey + "@test>", "test", Encoding.UTF8.GetBytes(e.TextBody), null) : null);
}

internal sealed class PlainRenderer : IMessageRenderer
{
    public Task<RenderedMessage> RenderAsync(ReminderDocument document, CancellationToken cancellationToken = default)
    {
        var lines = string.Join("\n", document.Invoices.Select(i => $"{i.InvoiceNumber} {i.OpenAmount:0.00}"));
        var text = $"{document.Template} {string.Join(",", (document.Extra ?? new Dictionary<string, string>()).Select(kv => kv.Key + "=" + kv.Value))}\n{lines}";
        return Task.FromResult(new RenderedMessage(document.Template, text, "<p>" + text + "</p>"));
    }

    public Task<IReadOnlyDictionary<string, string>> RenderPartsAsync(ReminderDocument document, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string> { ["terms"] = document.Template });
}

internal sealed class FixedLedger : ILedgerReader
{
    public readonly ConcurrentDictionary<string, DebtorLedger> Debtors = new();

    public void Set(string debtorId, string email, params (string Number, decimal Open)[] invoices) =>
        Debtors[debtorId] = new DebtorLedger(
            new Debtor(TestData.Creditor, debtorId, "Debitor " + debtorId, email, CustomerType.Business, null, "nb"),
            invoices.Select(i => new OpenInvoice(i.Number, new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 15), "NOK", i.Open, i.Open, "1234567890", "ledger.csv", 2)).ToList());

    public Task<SnapshotInfo?> GetLatestSnapshotAsync(string creditorId, CancellationToken cancellationToken = default) => Task.FromResult<SnapshotInfo?>(null);

    public async IAsyncEnumerable<DebtorLedger> ReadDebtorsAsync(string creditorId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var d in Debtors.Values.OrderBy(d => d.Debtor.DebtorId, StringComparer.Ordinal))
        {
            await Task.Yield();
            yield return d;
        }
    }

    public Task<DebtorLedger?> GetDebtorAsync(string creditorId, string debtorId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Debtors.GetValueOrDefault(debtorId));

    public async IAsyncEnumerable<LedgerChange> ReadChangesAsync(string creditorId, string snapshotId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask;
        yield break;
    }
}

/// <summary>The doubles registered together on a test host.</summary>
internal sealed class ReplyWorld
{
    public RecordingCases Cases { get; } = new();

    public RecordingArchive Archive { get; } = new();

    public RecordingSender Sender { get; } = new();

    public FixedLedger Ledger { get; } = new();

    public void Register(IServiceCollection services)
    {
        services.AddSingleton<ICaseActions>(Cases);
        services.AddSingleton<IEvidenceArchive>(Archive);
        services.AddSingleton<IEmailSender>(Sender);
        services.AddSingleton<IMessageRenderer>(new PlainRenderer());
        services.AddSingleton<ILedgerReader>(Ledger);
    }
}

internal static class TestData
{
    public const string Creditor = Infrastructure.TestSettings.Creditor;

    public const string Secret = "s3cret-path-token-for-tests-0123456789";

    public static readonly Dictionary<string, string?> Settings = new()
    {
        ["Receivables:Replies:Secret"] = Secret,
        ["Receivables:Replies:BasicAuthUser"] = "sendgrid",
        ["Receivables:Replies:BasicAuthPassword"] = "p4ss",
    };
}
