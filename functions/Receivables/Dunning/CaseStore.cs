namespace Receivables.Dunning;

/// <summary>The case was changed by someone else since it was read (optimistic concurrency); re-read and retry.</summary>
public sealed class CaseConflictException(string creditorId, string debtorId)
    : Exception($"The case of {creditorId}/{debtorId} changed while it was being updated.");

/// <summary>The few columns the cycle needs to decide whether a case must be looked at.</summary>
public sealed record CaseSummary(string DebtorId, string Stage, string? LedgerHash, DateOnly? NextAction, bool Paused, bool HasPending, PauseReason? PauseReason = null);

/// <summary>What the cycle remembers per creditor between runs.</summary>
public sealed record DunningRunState(string CreditorId, string? LastSnapshotId, DateOnly? LastCycleDate, bool Stale, string? StaleReason);

/// <summary>Per-debtor case rows, their lookup indexes (reply token, email) and the per-creditor run state.</summary>
public interface ICaseStore
{
    Task<DunningCase?> GetAsync(string creditorId, string debtorId, CancellationToken cancellationToken = default);

    /// <summary>A new, unsaved case with its id and reply token (the token index is written when it is first saved).</summary>
    DunningCase New(string creditorId, string debtorId);

    /// <summary>
    /// Inserts (when <see cref="DunningCase.Version"/> is null) or replaces guarded by the version; throws
    /// <see cref="CaseConflictException"/>, or <see cref="CaseNotStorableException"/> when the storage refuses what the case holds.
    /// </summary>
    Task SaveAsync(DunningCase dunningCase, CancellationToken cancellationToken = default);

    /// <summary>
    /// Inserts new cases (and their index rows) in batches; a case that already exists is left as it is (its
    /// <see cref="DunningCase.Version"/> stays null). A batch the storage refuses is written one case at a time, so one
    /// case it cannot hold sinks nothing else: those cases are returned, not stored.
    /// </summary>
    Task<IReadOnlyList<CaseNotStorableException>> InsertManyAsync(IReadOnlyList<DunningCase> newCases, CancellationToken cancellationToken = default);

    /// <summary>Cases whose next action is on or before <paramref name="asOf"/> (one query, not a scan of every case's invoices).</summary>
    IAsyncEnumerable<DunningCase> DueAsync(string creditorId, DateOnly asOf, CancellationToken cancellationToken = default);

    /// <summary>The debtor ids of shard <paramref name="shard"/> of <paramref name="shards"/> whose next action is on or before <paramref name="asOf"/>: a range read of the due index, no case is scanned.</summary>
    IAsyncEnumerable<string> DueDebtorsAsync(string creditorId, int shard, int shards, DateOnly asOf, CancellationToken cancellationToken = default);

    IAsyncEnumerable<CaseSummary> SummariesAsync(string creditorId, CancellationToken cancellationToken = default);

    /// <summary>The case summaries of one shard (a row-key range per table partition it touches).</summary>
    IAsyncEnumerable<CaseSummary> SummariesAsync(string creditorId, int shard, int shards, CancellationToken cancellationToken = default);

    Task<(string CreditorId, string DebtorId)?> FindByTokenAsync(string token, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<(string CreditorId, string DebtorId)>> FindByEmailAsync(string email, CancellationToken cancellationToken = default);

    Task<DunningRunState?> GetRunStateAsync(string creditorId, CancellationToken cancellationToken = default);

    Task SaveRunStateAsync(DunningRunState state, CancellationToken cancellationToken = default);
}

/// <summary>States of an outbound message: intent is recorded before the provider is called.</summary>
public static class OutboundStates
{
    public const string Intended = "intended";
    public const string Sent = "sent";
    public const string Archived = "archived";
    public const string Cancelled = "cancelled";

    /// <summary>The message could not be sent (permanent failure): the case is held and a person decides.</summary>
    public const string Failed = "failed";
}

public sealed record OutboundRecord(
    string CreditorId,
    string Key,
    string DebtorId,
    string State,
    DateTimeOffset? ClaimedUntil,
    string? MessageId,
    string? Provider,
    string Version);

/// <summary>Another delivery of the same message is working on it right now; the runtime retries later.</summary>
public sealed class OutboundBusyException(string key) : Exception($"Message {key} is being sent by another delivery; retry later.");

/// <summary>The Outbound table: one row per decided message, guarded by ETags (intended → sent → archived).</summary>
public interface IOutboundStore
{
    Task<OutboundRecord?> GetAsync(string creditorId, string key, CancellationToken cancellationToken = default);

    /// <summary>Records the intent (or takes over an intent whose claim ran out, or that an earlier delivery of the same queue message (<paramref name="holder"/>) left after a crash). Throws <see cref="OutboundBusyException"/> while another delivery holds it.</summary>
    Task<OutboundRecord> ClaimAsync(string creditorId, string key, string debtorId, string holder, DateTimeOffset now, TimeSpan claim, CancellationToken cancellationToken = default);

    Task<OutboundRecord> MarkSentAsync(OutboundRecord record, string messageId, string provider, DateTimeOffset sentAt, CancellationToken cancellationToken = default);

    Task<OutboundRecord> MarkAsync(OutboundRecord record, string state, CancellationToken cancellationToken = default);

    Task<(string CreditorId, string DebtorId, string Key)?> FindByMessageIdAsync(string messageId, CancellationToken cancellationToken = default);
}
