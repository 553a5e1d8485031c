using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text;
using Receivables.Dunning;
using Receivables.Email;
using Receivables.Ledger;

namespace Receivables.Tests.Dunning;

// Recording doubles of OTHER features' collaborators (ledger reader, renderer, sender) while those features land; the dunning feature's own storage is the real Table Storage on Azurite.

/// <summary>A ledger of debtor lines set by the test, with one accepted snapshot whose id changes on every edit.</summary>
internal sealed class StubLedger : ILedgerReader
{
    private readonly Dictionary<string, DebtorLedger> debtors = new(StringComparer.Ordinal);
    private int version;

    public string CreditorId { get; init; } = "acme";

    public DateTimeOffset TakenAt { get; set; } = DateTimeOffset.Parse("2026-03-01T06:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    public int Reads { get; private set; }

    public void Set(DebtorLedger ledger)
    {
        debtors[ledger.Debtor.DebtorId] = ledger;
        version++;
    }

    public void Remove(string debtorId)
    {
        debtors.Remove(debtorId);
        version++;
    }

    public Task<SnapshotInfo?> GetLatestSnapshotAsync(string creditorId, CancellationToken cancellationToken = default) =>
        Task.FromResult<SnapshotInfo?>(creditorId == CreditorId && version > 0
            ? new SnapshotInfo(creditorId, "snap-" + version, "ledger.csv", TakenAt, TakenAt, debtors.Count, debtors.Values.Sum(d => d.Invoices.Count), "sha")
            : null);

    public async IAsyncEnumerable<DebtorLedger> ReadDebtorsAsync(string creditorId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        foreach (var debtor in debtors.Values.OrderBy(d => d.Debtor.DebtorId, StringComparer.Ordinal))
        {
            Reads++;
            yield return debtor;
        }
    }

    public Task<DebtorLedger?> GetDebtorAsync(string creditorId, string debtorId, CancellationToken cancellationToken = default)
    {
        Reads++;
        return Task.FromResult(debtors.GetValueOrDefault(debtorId));
    }

    public async IAsyncEnumerable<LedgerChange> ReadChangesAsync(string creditorId, string snapshotId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask;
        yield break;
    }
}

internal sealed class RecordingRenderer : IMessageRenderer
{
    public Task<RenderedMessage> RenderAsync(ReminderDocument document, CancellationToken cancellationToken = default) =>
        Task.FromResult(new RenderedMessage(
            $"[{document.Template}] {document.CreditorName}: {document.Total:0.00} {document.Currency}",
            $"{document.Template} for {document.DebtorName}: {string.Join(", ", document.Invoices.Select(i => i.InvoiceNumber))}; total {document.Total:0.00}; reply to {document.ReplyAddress}",
            "<p>" + document.Template + "</p>"));

    public Task<IReadOnlyDictionary<string, string>> RenderPartsAsync(ReminderDocument document, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string> { ["terms"] = document.Template });
}

/// <summary>Sends nothing; records each send by idempotency key, and answers FindSentAsync from that record (as the outbox file would).</summary>
internal sealed class RecordingSender : IEmailSender
{
    public ConcurrentQueue<OutboundEmail> Sends { get; } = new();

    private readonly ConcurrentDictionary<string, SentEmail> byKey = new(StringComparer.Ordinal);

    public Task<SentEmail> SendAsync(OutboundEmail email, CancellationToken cancellationToken = default)
    {
        Sends.Enqueue(email);
        var sent = new SentEmail($"<{Guid.NewGuid():N}@test.example>", "test", Encoding.UTF8.GetBytes("Subject: " + email.Subject + "\r\n\r\n" + email.TextBody), null);
        byKey[email.IdempotencyKey] = sent;
        return Task.FromResult(sent);
    }

    public Task<SentEmail?> FindSentAsync(string idempotencyKey, CancellationToken cancellationToken = default) =>
        Task.FromResult(byKey.GetValueOrDefault(idempotencyKey));
}

/// <summary>Crashes the send handler once at the named step.</summary>
internal sealed class CrashOnceAt(string step) : ISendStepHook
{
    public bool Crashed { get; private set; }

    public void Reached(string reached, string key)
    {
        if (reached == step && !Crashed)
        {
            Crashed = true;
            throw new InvalidOperationException("simulated crash at " + step);
        }
    }
}
