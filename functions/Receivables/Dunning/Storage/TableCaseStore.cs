using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Receivables.Common;
using Receivables.Storage;

namespace Receivables.Dunning.Storage;

/// <summary>
/// Cases in the creditor's own table (<see cref="StorageNames.Tables.CasesOf"/>), partitioned so that no partition
/// carries a whole large creditor's day: partition <c>creditor|b</c> (b = the top hex digit of the debtor id's hash, 16 per creditor), row
/// <c>c&lt;hash&gt;&lt;debtor&gt;</c> (so a shard's cases are one row-key range), and in the same partition a due-index row
/// <c>d&lt;yyyy-MM-dd&gt;&lt;hash&gt;&lt;debtor&gt;</c> per case with a next action date, written in the same entity-group
/// transaction as the case. The daily cycle reads due cases by a row-key range over the index (never a scan of every
/// case). The due row carries a copy of the case (when its state is at most <see cref="CopyChars"/> characters) and is
/// rewritten on every save, so its version changes whenever the case's does: the cycle works a due case from the index
/// read alone and saves it guarded by the due row's version (one transaction per due case, no case read). A journal row <c>j&lt;yyyy-MM-dd&gt;&lt;hash&gt;&lt;debtor&gt;</c> per case (the UTC date of its last save, with stage,
/// pause and next action) moves in the same transaction, so what changed since a date is read without every case.
/// In the shared <see cref="StorageNames.Tables.CaseIndex"/> table, partitions <c>~token|n</c> and
/// <c>~email|n</c> (4 each) find a case from a reply.
/// </summary>
internal sealed class TableCaseStore(StorageClients storage, CaseTables tables, TimeProvider time) : ICaseStore
{
    private const string TokenPartition = "~token";
    private const string EmailPartition = "~email";
    private const int IndexPartitions = 4;
    private const string RunRow = "dunning-state";
    private const int ChunkChars = 30_000;

    /// <summary>A case whose state is at most this long is copied onto its due-index row (most cases: a few hundred characters).</summary>
    private const int CopyChars = 16_000;

    private const string Carries = "Carries";

    private TableClient Runs => storage.Table(StorageNames.Tables.Runs);

    public DunningCase New(string creditorId, string debtorId) => new()
    {
        CreditorId = creditorId,
        DebtorId = debtorId,
        CaseId = DunningCase.CaseIdFor(creditorId, debtorId),
        ReplyToken = DunningCase.NewReplyToken(),
    };

    public async Task<int> SizeAsync(string creditorId, int partitions, CancellationToken cancellationToken = default) =>
        (await tables.ForWritingAsync(creditorId, partitions, cancellationToken)).Partitions;

    public async Task<DunningCase?> GetAsync(string creditorId, string debtorId, CancellationToken cancellationToken = default)
    {
        var table = await tables.ForCreditorAsync(creditorId, cancellationToken);
        var response = await table.Client.GetEntityIfExistsAsync<TableEntity>(PartitionOf(table, creditorId, debtorId), CaseRow(debtorId), cancellationToken: cancellationToken);
        return response.HasValue ? ToCase(response.Value!) : null;
    }

    public async Task SaveAsync(DunningCase c, CancellationToken cancellationToken = default)
    {
        try
        {
            await SaveCoreAsync(c, cancellationToken);
        }
        catch (RequestFailedException e) when (StorageFaults.IsRefused(e))
        {
            throw Refused(c, e);
        }
    }

    private static CaseNotStorableException Refused(DunningCase c, RequestFailedException e) =>
        new(c.CreditorId, c.DebtorId, $"the table storage refused it ({e.Status} {e.ErrorCode}; debtor id {c.DebtorId.Length:N0} characters, name {c.DebtorName.Length:N0}, email {c.DebtorEmail?.Length ?? 0:N0})", e);

    private async Task SaveCoreAsync(DunningCase c, CancellationToken cancellationToken)
    {
        var cases = await tables.ForWritingAsync(c.CreditorId, null, cancellationToken);
        var reindex = c.DebtorEmail is { Length: > 0 } && !string.Equals(c.IndexedEmail, c.DebtorEmail, StringComparison.OrdinalIgnoreCase);
        if (reindex)
        {
            // The email index is a lookup aid written before the case; FindByEmail re-checks the case's current address.
            await (await tables.IndexAsync(cancellationToken)).UpsertEntityAsync(EmailEntity(c), TableUpdateMode.Replace, cancellationToken);
        }

        var today = Today;
        var entity = ToEntity(c, PartitionOf(cases, c.CreditorId, c.DebtorId), today);
        var stored = c.Version is not null || c.DueVersion is not null;

        // Read from its due row's copy (no case read): the save is guarded by that row's version instead of the case's.
        ETag? guard = c.Version is null && c.DueVersion is { } dueVersion ? new ETag(dueVersion) : null;
        var actions = new List<TableTransactionAction>();
        if (!stored)
        {
            await (await tables.IndexAsync(cancellationToken)).UpsertEntityAsync(TokenEntity(c), TableUpdateMode.Replace, cancellationToken);
            actions.Add(new TableTransactionAction(TableTransactionActionType.Add, entity));
        }
        else
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, c.Version is null ? ETag.All : new ETag(c.Version)));
        }

        // The case and its due-index row move together (one entity-group transaction, one round trip). The due row
        // carries a copy of the case and is rewritten on every save, so its version changes whenever the case does.
        var was = stored ? c.StoredNextAction : null;
        if (was is { } old && old != c.NextAction)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(entity.PartitionKey, DueRow(old, c.DebtorId)), guard ?? ETag.All));
        }

        if (c.NextAction is { } next)
        {
            actions.Add(guard is { } version && next == was
                ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, DueEntity(entity, next, c.DebtorId), version)
                : new TableTransactionAction(TableTransactionActionType.UpsertReplace, DueEntity(entity, next, c.DebtorId)));
        }

        // The journal row (what the workspace index reads instead of every case) moves to today, in the same transaction.
        if (stored && c.StoredJournalDate is { } journaled && journaled != today)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(entity.PartitionKey, JournalRow(journaled, c.DebtorId)), ETag.All));
        }

        actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, JournalEntity(entity.PartitionKey, today, c)));

        try
        {
            var response = await cases.Client.SubmitTransactionAsync(actions, cancellationToken);
            c.Version = response.Value[0].Headers.ETag?.ToString();
        }
        catch (TableTransactionFailedException e) when (e.Status is 409 or 412 || (e.Status == 404 && !actions.Any(IsUnguardedDelete)))
        {
            // Changed meanwhile (the case's or its due row's version), or the row it was read from is gone: read it again.
            throw new CaseConflictException(c.CreditorId, c.DebtorId);
        }
        catch (TableTransactionFailedException e) when (e.Status == 404)
        {
            // An old index or journal row is already gone (written before it existed): save without deleting it. Still
            // not found: the guarded due row is gone, a conflict.
            actions.RemoveAll(IsUnguardedDelete);
            try
            {
                var response = await cases.Client.SubmitTransactionAsync(actions, cancellationToken);
                c.Version = response.Value[0].Headers.ETag?.ToString();
            }
            catch (TableTransactionFailedException again) when (again.Status is 404 or 409 or 412)
            {
                throw new CaseConflictException(c.CreditorId, c.DebtorId);
            }
        }

        c.DueVersion = null;
        c.StoredNextAction = c.NextAction;
        c.StoredJournalDate = today;
        c.IndexedEmail = c.DebtorEmail;
    }

    private static bool IsUnguardedDelete(TableTransactionAction action) =>
        action.ActionType == TableTransactionActionType.Delete && action.ETag == ETag.All;

    private DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    public async Task<IReadOnlyList<CaseNotStorableException>> InsertManyAsync(IReadOnlyList<DunningCase> newCases, CancellationToken cancellationToken = default)
    {
        var refused = new Dictionary<DunningCase, CaseNotStorableException>(ReferenceEqualityComparer.Instance);
        if (newCases.Count == 0)
        {
            return [];
        }

        var index = await tables.IndexAsync(cancellationToken);

        // Index rows first (lookup aids, re-checked against the case), 100 per transaction per index partition.
        foreach (var tokens in newCases.GroupBy(c => TokenPartitionOf(c.ReplyToken)))
        {
            foreach (var chunk in tokens.Chunk(100))
            {
                await SubmitAsync(index, [.. chunk.Select(c => (c, TokenEntity(c)))], refused, cancellationToken);
            }
        }

        var emails = newCases.Where(c => c.DebtorEmail is { Length: > 0 } && !refused.ContainsKey(c)).Select(c => (Case: c, Entity: EmailEntity(c)));
        foreach (var partition in emails.DistinctBy(e => e.Entity.PartitionKey + "/" + e.Entity.RowKey).GroupBy(e => e.Entity.PartitionKey))
        {
            foreach (var chunk in partition.Chunk(100))
            {
                await SubmitAsync(index, chunk, refused, cancellationToken);
            }
        }

        foreach (var c in newCases)
        {
            c.IndexedEmail = c.DebtorEmail;
        }

        // A case, its due row and its journal row share a partition: up to 33 cases (99 entities) per transaction.
        var today = Today;
        foreach (var creditor in newCases.Where(c => !refused.ContainsKey(c)).GroupBy(c => c.CreditorId, StringComparer.Ordinal))
        {
            var cases = await tables.ForWritingAsync(creditor.Key, null, cancellationToken);
            foreach (var group in creditor.GroupBy(c => PartitionOf(cases, c.CreditorId, c.DebtorId), StringComparer.Ordinal).SelectMany(p => p.Chunk(33)))
            {
                var actions = new List<TableTransactionAction>();
                var caseAt = new List<int>();
                foreach (var c in group)
                {
                    caseAt.Add(actions.Count);
                    var entity = ToEntity(c, PartitionOf(cases, c.CreditorId, c.DebtorId), today);
                    actions.Add(new TableTransactionAction(TableTransactionActionType.Add, entity));
                    if (c.NextAction is { } next)
                    {
                        actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, DueEntity(entity, next, c.DebtorId)));
                    }

                    actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, JournalEntity(entity.PartitionKey, today, c)));
                }

                try
                {
                    var response = await cases.Client.SubmitTransactionAsync(actions, cancellationToken);
                    for (var i = 0; i < group.Length; i++)
                    {
                        group[i].Version = response.Value[caseAt[i]].Headers.ETag?.ToString();
                        group[i].StoredNextAction = group[i].NextAction;
                        group[i].StoredJournalDate = today;
                    }
                }
                catch (RequestFailedException e) when (e is TableTransactionFailedException || StorageFaults.IsRefused(e))
                {
                    // Some already exist (an earlier run stopped half-way), or the storage refused one entity of the
                    // batch: insert one by one, keeping what is stored and setting aside what cannot be.
                    foreach (var c in group)
                    {
                        try
                        {
                            await SaveAsync(c, cancellationToken);
                        }
                        catch (CaseConflictException)
                        {
                            c.Version = null;
                        }
                        catch (CaseNotStorableException refusal)
                        {
                            c.Version = null;
                            refused[c] = refusal;
                        }
                    }
                }
            }
        }

        return [.. refused.Values];
    }

    /// <summary>Index rows of many cases in one transaction; when the storage refuses it, row by row, so that only the cases it cannot hold are set aside.</summary>
    private static async Task SubmitAsync(TableClient index, IReadOnlyList<(DunningCase Case, TableEntity Entity)> rows, Dictionary<DunningCase, CaseNotStorableException> refused, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        try
        {
            await index.SubmitTransactionAsync(rows.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r.Entity)), cancellationToken);
        }
        catch (RequestFailedException e) when (StorageFaults.IsRefused(e))
        {
            foreach (var (c, entity) in rows)
            {
                try
                {
                    await index.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
                }
                catch (RequestFailedException one) when (StorageFaults.IsRefused(one))
                {
                    refused[c] = Refused(c, one);
                }
            }
        }
    }

    public async IAsyncEnumerable<DunningCase> DueAsync(string creditorId, DateOnly asOf, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var due in DueCasesAsync(creditorId, 0, 1, asOf, cancellationToken))
        {
            if ((due.Case ?? await GetAsync(creditorId, due.DebtorId, cancellationToken)) is { } found)
            {
                yield return found;
            }
        }
    }

    public async IAsyncEnumerable<DueCase> DueCasesAsync(string creditorId, int shard, int shards, DateOnly asOf, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var e in DueRowsAsync(creditorId, shard, shards, asOf, null, cancellationToken))
        {
            yield return new DueCase(e.GetString("DebtorId")!, e.GetBoolean(Carries) == true ? ToCase(e, fromDueRow: true) : null);
        }
    }

    public async IAsyncEnumerable<string> DueDebtorsAsync(string creditorId, int shard, int shards, DateOnly asOf, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var e in DueRowsAsync(creditorId, shard, shards, asOf, ["RowKey", "DebtorId"], cancellationToken))
        {
            yield return e.GetString("DebtorId")!;
        }
    }

    /// <summary>The shard's due-index rows up to <paramref name="asOf"/>: one range query per table partition it touches.</summary>
    private async IAsyncEnumerable<TableEntity> DueRowsAsync(string creditorId, int shard, int shards, DateOnly asOf, string[]? select, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (from, to) = DebtorShards.Range(shard, shards);
        var upTo = "d" + TableKeys.Date(asOf.AddDays(1));
        var cases = await tables.ForCreditorAsync(creditorId, cancellationToken);
        foreach (var bucket in cases.PartitionBucketsOf(shard, shards))
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition(creditorId, bucket)} and RowKey ge {"d"} and RowKey lt {upTo}");
            await foreach (var e in cases.Client.QueryAsync<TableEntity>(filter, select: select, cancellationToken: cancellationToken))
            {
                var hash = ulong.Parse(e.RowKey.AsSpan(11, 8), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);
                if (hash >= from && hash < to && e.GetString("DebtorId") is not null)
                {
                    yield return e;
                }
            }
        }
    }

    public IAsyncEnumerable<CaseSummary> SummariesAsync(string creditorId, CancellationToken cancellationToken = default) =>
        SummariesAsync(creditorId, 0, 1, cancellationToken);

    public async IAsyncEnumerable<CaseSummary> SummariesAsync(string creditorId, int shard, int shards, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var (from, to) = DebtorShards.Range(shard, shards);
        var low = "c" + from.ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
        var high = to > uint.MaxValue ? "d" : "c" + to.ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
        var cases = await tables.ForCreditorAsync(creditorId, cancellationToken);
        foreach (var bucket in cases.PartitionBucketsOf(shard, shards))
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition(creditorId, bucket)} and RowKey ge {low} and RowKey lt {high}");
            await foreach (var e in cases.Client.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: ["DebtorId", "Stage", "LedgerHash", "NextAction", "Pause", "HasPending"], cancellationToken: cancellationToken))
            {
                yield return new CaseSummary(e.GetString("DebtorId") ?? "", e.GetString("Stage") ?? CaseStages.Current, e.GetString("LedgerHash"), TableKeys.ParseDate(e.GetString("NextAction")), e.GetString("Pause") is { Length: > 0 }, e.GetBoolean("HasPending") ?? false, Enum.TryParse<PauseReason>(e.GetString("Pause"), out var reason) ? reason : null);
            }
        }
    }

    public async IAsyncEnumerable<CaseSummary> SavedSinceAsync(string creditorId, DateOnly since, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var cases = await tables.ForCreditorAsync(creditorId, cancellationToken);
        foreach (var bucket in cases.AllPartitionBuckets())
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition(creditorId, bucket)} and RowKey ge {"j" + TableKeys.Date(since)} and RowKey lt {"k"}");
            await foreach (var e in cases.Client.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: ["DebtorId", "Stage", "Pause", "NextAction"], cancellationToken: cancellationToken))
            {
                var pause = Enum.TryParse<PauseReason>(e.GetString("Pause"), out var reason) ? reason : (PauseReason?)null;
                yield return new CaseSummary(e.GetString("DebtorId") ?? "", e.GetString("Stage") ?? CaseStages.Current, null, TableKeys.ParseDate(e.GetString("NextAction")), pause is not null, false, pause);
            }
        }
    }

    private static string Partition(string creditorId, int bucket) => creditorId + "|" + bucket.ToString("x", System.Globalization.CultureInfo.InvariantCulture);

    private static string PartitionOf(CaseTable table, string creditorId, string debtorId) => Partition(creditorId, table.PartitionBucket(DebtorShards.BucketOf(debtorId)));

    private static string CaseRow(string debtorId) => "c" + DebtorShards.HashKey(debtorId) + TableKeys.Escape(debtorId);

    private static string DueRow(DateOnly date, string debtorId) => "d" + TableKeys.Date(date) + DebtorShards.HashKey(debtorId) + TableKeys.Escape(debtorId);

    /// <summary>
    /// The due-index row of a case, with a copy of the case's columns when its state fits in <see cref="CopyChars"/>
    /// (marked <c>Carries</c>): the cycle then works the case from the index read alone. A larger case is read itself.
    /// </summary>
    private static TableEntity DueEntity(TableEntity caseEntity, DateOnly date, string debtorId)
    {
        var due = new TableEntity(caseEntity.PartitionKey, DueRow(date, debtorId)) { ["DebtorId"] = debtorId };
        if (caseEntity.GetInt32("StateChunks") is not { } chunks || chunks > 1 || (caseEntity.GetString("State0")?.Length ?? 0) > CopyChars)
        {
            return due;
        }

        CaseTables.CopyColumns(caseEntity, due);
        due[Carries] = true;
        return due;
    }

    private static string JournalRow(DateOnly date, string debtorId) => "j" + TableKeys.Date(date) + DebtorShards.HashKey(debtorId) + TableKeys.Escape(debtorId);

    private static TableEntity JournalEntity(string partition, DateOnly date, DunningCase c) => new(partition, JournalRow(date, c.DebtorId))
    {
        ["DebtorId"] = c.DebtorId,
        ["Stage"] = c.Stage,
        ["Pause"] = c.Pause?.ToString(),
        ["NextAction"] = TableKeys.Date(c.NextAction),
    };

    private static string TokenPartitionOf(string token) =>
        TokenPartition + "|" + (token.Length == 0 ? 0 : token[0] % IndexPartitions).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static TableEntity TokenEntity(DunningCase c) => new(TokenPartitionOf(c.ReplyToken), c.ReplyToken) { ["CreditorId"] = c.CreditorId, ["DebtorId"] = c.DebtorId };

    private static string EmailPartitionOf(string email)
    {
        var lower = email.Trim().ToLowerInvariant();
        var domain = lower[(lower.LastIndexOf('@') + 1)..];
        return EmailPartition + "|" + (DebtorShards.Hash(domain) % IndexPartitions).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static TableEntity EmailEntity(DunningCase c) =>
        new(EmailPartitionOf(c.DebtorEmail!), EmailRow(c.DebtorEmail!, c.CreditorId, c.DebtorId)) { ["CreditorId"] = c.CreditorId, ["DebtorId"] = c.DebtorId };

    public async Task<(string CreditorId, string DebtorId)?> FindByTokenAsync(string token, CancellationToken cancellationToken = default)
    {
        var lower = token.ToLowerInvariant();
        var index = await tables.IndexAsync(cancellationToken);
        var response = await index.GetEntityIfExistsAsync<TableEntity>(TokenPartitionOf(lower), lower, cancellationToken: cancellationToken);
        return response.HasValue ? (response.Value!.GetString("CreditorId")!, response.Value!.GetString("DebtorId")!) : null;
    }

    public async Task<IReadOnlyList<(string CreditorId, string DebtorId)>> FindByEmailAsync(string email, CancellationToken cancellationToken = default)
    {
        var partition = EmailPartitionOf(email);
        var exact = await RangeAsync(partition, EmailPrefix(email), cancellationToken);
        if (exact.Count > 0)
        {
            return exact;
        }

        var at = email.LastIndexOf('@');
        return at < 0 ? [] : await RangeAsync(partition, TableKeys.Escape(email.Trim()[(email.Trim().LastIndexOf('@') + 1)..].ToLowerInvariant()) + "|", cancellationToken);
    }

    public async Task<DunningRunState?> GetRunStateAsync(string creditorId, CancellationToken cancellationToken = default)
    {
        var response = await Runs.GetEntityIfExistsAsync<TableEntity>(creditorId, RunRow, cancellationToken: cancellationToken);
        if (!response.HasValue)
        {
            return null;
        }

        var e = response.Value!;
        return new DunningRunState(creditorId, e.GetString("LastSnapshotId"), TableKeys.ParseDate(e.GetString("LastCycleDate")), e.GetBoolean("Stale") ?? false, e.GetString("StaleReason"), e.ETag.ToString());
    }

    public async Task SaveRunStateAsync(DunningRunState state, CancellationToken cancellationToken = default) =>
        await Runs.UpsertEntityAsync(RunStateEntity(state), TableUpdateMode.Replace, cancellationToken);

    public async Task<bool> TrySaveRunStateAsync(DunningRunState state, string version, CancellationToken cancellationToken = default)
    {
        try
        {
            await Runs.UpdateEntityAsync(RunStateEntity(state), new ETag(version), TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return false;
        }
    }

    private static TableEntity RunStateEntity(DunningRunState state) => new(state.CreditorId, RunRow)
    {
        ["LastSnapshotId"] = state.LastSnapshotId,
        ["LastCycleDate"] = state.LastCycleDate is null ? null : TableKeys.Date(state.LastCycleDate),
        ["Stale"] = state.Stale,
        ["StaleReason"] = state.StaleReason,
    };

    private async Task<List<(string, string)>> RangeAsync(string partition, string prefix, CancellationToken cancellationToken)
    {
        var found = new List<(string, string)>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {prefix} and RowKey lt {prefix + "~"}");
        var index = await tables.IndexAsync(cancellationToken);
        await foreach (var e in index.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            found.Add((e.GetString("CreditorId")!, e.GetString("DebtorId")!));
        }

        return found;
    }

    private static string EmailPrefix(string email)
    {
        var lower = email.Trim().ToLowerInvariant();
        var at = lower.LastIndexOf('@');
        return at < 0 ? TableKeys.Escape(lower) + "|" : TableKeys.Escape(lower[(at + 1)..]) + "|" + TableKeys.Escape(lower[..at]) + "|";
    }

    private static string EmailRow(string email, string creditorId, string debtorId) =>
        EmailPrefix(email) + TableKeys.Escape(creditorId) + "|" + TableKeys.Escape(debtorId);

    private sealed record StateDocument(
        Dictionary<string, InvoiceProgress> Invoices,
        List<PendingMessage> Pending,
        List<string> Held,
        List<string> AppliedKeys,
        AwaitedCredit? AwaitedCredit = null);

    private static TableEntity ToEntity(DunningCase c, string partition, DateOnly journalDate)
    {
        var entity = new TableEntity(partition, CaseRow(c.DebtorId))
        {
            ["CreditorId"] = c.CreditorId,
            ["DebtorId"] = c.DebtorId,
            ["CaseId"] = c.CaseId,
            ["ReplyToken"] = c.ReplyToken,
            ["Stage"] = c.Stage,
            ["DebtorEmail"] = c.DebtorEmail,
            ["IndexedEmail"] = c.DebtorEmail is { Length: > 0 } ? c.DebtorEmail : c.IndexedEmail,
            ["DebtorName"] = c.DebtorName,
            ["IsBusiness"] = c.IsBusiness,
            ["NeverAutomatic"] = c.NeverAutomatic,
            ["Pause"] = c.Pause?.ToString(),
            ["PausedUntil"] = c.PausedUntil is null ? null : TableKeys.Date(c.PausedUntil),
            ["NextAction"] = TableKeys.Date(c.NextAction),
            ["LedgerHash"] = c.LedgerHash,
            ["LastEvaluated"] = c.LastEvaluated is null ? null : TableKeys.Date(c.LastEvaluated),
            ["HasPending"] = c.Pending.Count > 0,
            ["JournalDate"] = TableKeys.Date(journalDate),
        };
        var json = JsonSerializer.Serialize(new StateDocument(c.Invoices, c.Pending, c.HeldInvoices, c.AppliedKeys, c.AwaitedCredit), Json.Options);
        var chunks = 0;
        for (var offset = 0; offset < json.Length; offset += ChunkChars)
        {
            entity["State" + chunks++] = json.Substring(offset, Math.Min(ChunkChars, json.Length - offset));
        }

        entity["StateChunks"] = chunks;
        return entity;
    }

    /// <summary>The case of a case row, or of a due-index row's copy (<paramref name="fromDueRow"/>: its save is guarded by the due row's version).</summary>
    private static DunningCase ToCase(TableEntity e, bool fromDueRow = false)
    {
        var chunks = e.GetInt32("StateChunks") ?? 0;
        var json = string.Concat(Enumerable.Range(0, chunks).Select(i => e.GetString("State" + i)));
        var state = json.Length == 0 ? null : JsonSerializer.Deserialize<StateDocument>(json, Json.Options);
        return new DunningCase
        {
            CreditorId = e.GetString("CreditorId") ?? e.PartitionKey[..e.PartitionKey.LastIndexOf('|')],
            DebtorId = e.GetString("DebtorId") ?? e.RowKey,
            CaseId = e.GetString("CaseId") ?? "",
            ReplyToken = e.GetString("ReplyToken") ?? "",
            Stage = e.GetString("Stage") ?? CaseStages.Current,
            DebtorEmail = e.GetString("DebtorEmail"),
            IndexedEmail = e.GetString("IndexedEmail"),
            DebtorName = e.GetString("DebtorName") ?? "",
            IsBusiness = e.GetBoolean("IsBusiness") ?? false,
            NeverAutomatic = e.GetBoolean("NeverAutomatic") ?? false,
            Pause = Enum.TryParse<PauseReason>(e.GetString("Pause"), out var pause) ? pause : null,
            PausedUntil = TableKeys.ParseDate(e.GetString("PausedUntil")),
            NextAction = TableKeys.ParseDate(e.GetString("NextAction")),
            StoredNextAction = TableKeys.ParseDate(e.GetString("NextAction")),
            StoredJournalDate = TableKeys.ParseDate(e.GetString("JournalDate")),
            LedgerHash = e.GetString("LedgerHash"),
            LastEvaluated = TableKeys.ParseDate(e.GetString("LastEvaluated")),
            Invoices = new Dictionary<string, InvoiceProgress>(state?.Invoices ?? [], StringComparer.Ordinal),
            Pending = state?.Pending ?? [],
            HeldInvoices = state?.Held ?? [],
            AppliedKeys = state?.AppliedKeys ?? [],
            AwaitedCredit = state?.AwaitedCredit,
            Version = fromDueRow ? null : e.ETag.ToString(),
            DueVersion = fromDueRow ? e.ETag.ToString() : null,
        };
    }
}
