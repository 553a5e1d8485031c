namespace Receivables.Dunning;

/// <summary>Per-debtor case rows, their lookup indexes (reply token, email) and the per-creditor run state.</summary>
public interface ICaseStore
{
    /// <summary>
    /// Lays out the creditor's case storage for its size the first time (<paramref name="partitions"/>: 1, 2, 4, 8 or
    /// 16, see <see cref="Common.DebtorShards.PartitionsFor"/>); storage already laid out, or holding cases from before
    /// layouts, keeps its layout. Returns the layout in force.
    /// </summary>
    Task<int> SizeAsync(string creditorId, int partitions, CancellationToken cancellationToken = default);

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

    /// <summary>
    /// The due cases of shard <paramref name="shard"/> of <paramref name="shards"/> (next action on or before
    /// <paramref name="asOf"/>) from the same range read of the due index, each with its case when the index row carries
    /// a copy (every case small enough to copy): the cycle works them without reading the case rows.
    /// </summary>
    IAsyncEnumerable<DueCase> DueCasesAsync(string creditorId, int shard, int shards, DateOnly asOf, CancellationToken cancellationToken = default);

    IAsyncEnumerable<CaseSummary> SummariesAsync(string creditorId, CancellationToken cancellationToken = default);

    /// <summary>The case summaries of one shard (a row-key range per table partition it touches).</summary>
    IAsyncEnumerable<CaseSummary> SummariesAsync(string creditorId, int shard, int shards, CancellationToken cancellationToken = default);

    /// <summary>
    /// The cases of the creditor saved on or after <paramref name="since"/> (UTC date of the save), from the journal each
    /// save keeps in the case's own transaction: what changed, without reading every case.
    /// </summary>
    IAsyncEnumerable<CaseSummary> SavedSinceAsync(string creditorId, DateOnly since, CancellationToken cancellationToken = default);

    Task<(string CreditorId, string DebtorId)?> FindByTokenAsync(string token, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<(string CreditorId, string DebtorId)>> FindByEmailAsync(string email, CancellationToken cancellationToken = default);

    Task<DunningRunState?> GetRunStateAsync(string creditorId, CancellationToken cancellationToken = default);

    Task SaveRunStateAsync(DunningRunState state, CancellationToken cancellationToken = default);

    /// <summary>Replaces the run state if it is still at <paramref name="version"/>; false when it changed (or is gone) since.</summary>
    Task<bool> TrySaveRunStateAsync(DunningRunState state, string version, CancellationToken cancellationToken = default);
}
