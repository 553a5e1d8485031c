using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Receivables.Storage;

namespace Receivables.Dunning.Storage;

/// <summary>
/// Cases in the <see cref="StorageNames.Tables.Cases"/> table: partition = creditor, row = debtor id; the ladder's
/// per-invoice state as JSON; <c>NextAction</c> as a sortable date so the daily cycle queries only due cases.
/// Index partitions <c>~token</c> and <c>~email</c> (never a creditor id) find a case from a reply.
/// </summary>
internal sealed class TableCaseStore(StorageClients storage) : ICaseStore
{
    private const string TokenPartition = "~token";
    private const string EmailPartition = "~email";
    private const string RunRow = "dunning-state";
    private const int ChunkChars = 30_000;

    private TableClient Cases => storage.Table(StorageNames.Tables.Cases);

    private TableClient Runs => storage.Table(StorageNames.Tables.Runs);

    public DunningCase New(string creditorId, string debtorId) => new()
    {
        CreditorId = creditorId,
        DebtorId = debtorId,
        CaseId = DunningCase.CaseIdFor(creditorId, debtorId),
        ReplyToken = DunningCase.NewReplyToken(),
    };

    public async Task<DunningCase?> GetAsync(string creditorId, string debtorId, CancellationToken cancellationToken = default)
    {
        var response = await Cases.GetEntityIfExistsAsync<TableEntity>(creditorId, TableKeys.Escape(debtorId), cancellationToken: cancellationToken);
        return response.HasValue ? ToCase(response.Value!) : null;
    }

    public async Task SaveAsync(DunningCase c, CancellationToken cancellationToken = default)
    {
        var reindex = c.DebtorEmail is { Length: > 0 } && !string.Equals(c.IndexedEmail, c.DebtorEmail, StringComparison.OrdinalIgnoreCase);
        if (reindex)
        {
            // The email index is a lookup aid written before the case; FindByEmail re-checks the case's current address.
            await Cases.UpsertEntityAsync(new TableEntity(EmailPartition, EmailRow(c.DebtorEmail!, c.CreditorId, c.DebtorId)) { ["CreditorId"] = c.CreditorId, ["DebtorId"] = c.DebtorId }, TableUpdateMode.Replace, cancellationToken);
        }

        var entity = ToEntity(c);
        try
        {
            if (c.Version is null)
            {
                await Cases.UpsertEntityAsync(new TableEntity(TokenPartition, c.ReplyToken) { ["CreditorId"] = c.CreditorId, ["DebtorId"] = c.DebtorId }, TableUpdateMode.Replace, cancellationToken);
                var added = await Cases.AddEntityAsync(entity, cancellationToken);
                c.Version = added.Headers.ETag?.ToString();
            }
            else
            {
                var updated = await Cases.UpdateEntityAsync(entity, new ETag(c.Version), TableUpdateMode.Replace, cancellationToken);
                c.Version = updated.Headers.ETag?.ToString();
            }
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            throw new CaseConflictException(c.CreditorId, c.DebtorId);
        }

        c.IndexedEmail = c.DebtorEmail;
    }

    public async Task InsertManyAsync(IReadOnlyList<DunningCase> newCases, CancellationToken cancellationToken = default)
    {
        foreach (var chunk in newCases.Chunk(100))
        {
            await SubmitAsync(chunk.Select(c => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(TokenPartition, c.ReplyToken) { ["CreditorId"] = c.CreditorId, ["DebtorId"] = c.DebtorId })), cancellationToken);
            await SubmitAsync(
                chunk.Where(c => c.DebtorEmail is { Length: > 0 })
                    .DistinctBy(c => EmailRow(c.DebtorEmail!, c.CreditorId, c.DebtorId))
                    .Select(c => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(EmailPartition, EmailRow(c.DebtorEmail!, c.CreditorId, c.DebtorId)) { ["CreditorId"] = c.CreditorId, ["DebtorId"] = c.DebtorId })),
                cancellationToken);
            foreach (var c in chunk)
            {
                c.IndexedEmail = c.DebtorEmail;
            }

            var byPartition = chunk.GroupBy(c => c.CreditorId);
            foreach (var group in byPartition)
            {
                var entities = group.Select(ToEntity).ToList();
                try
                {
                    var response = await Cases.SubmitTransactionAsync(entities.Select(e => new TableTransactionAction(TableTransactionActionType.Add, e)), cancellationToken);
                    var cases = group.ToList();
                    for (var i = 0; i < cases.Count; i++)
                    {
                        cases[i].Version = response.Value[i].Headers.ETag?.ToString();
                    }
                }
                catch (TableTransactionFailedException)
                {
                    // Some already exist (an earlier run stopped half-way): insert one by one, keeping what is stored.
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
                    }
                }
            }
        }
    }

    private async Task SubmitAsync(IEnumerable<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        var list = actions.ToList();
        if (list.Count > 0)
        {
            await Cases.SubmitTransactionAsync(list, cancellationToken);
        }
    }

    public async IAsyncEnumerable<DunningCase> DueAsync(string creditorId, DateOnly asOf, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {creditorId} and NextAction le {TableKeys.Date(asOf)}");
        await foreach (var entity in Cases.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            yield return ToCase(entity);
        }
    }

    public async IAsyncEnumerable<CaseSummary> SummariesAsync(string creditorId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {creditorId}");
        await foreach (var e in Cases.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: ["DebtorId", "Stage", "LedgerHash", "NextAction", "Pause", "HasPending"], cancellationToken: cancellationToken))
        {
            yield return new CaseSummary(e.GetString("DebtorId") ?? "", e.GetString("Stage") ?? CaseStages.Current, e.GetString("LedgerHash"), TableKeys.ParseDate(e.GetString("NextAction")), e.GetString("Pause") is { Length: > 0 }, e.GetBoolean("HasPending") ?? false, Enum.TryParse<PauseReason>(e.GetString("Pause"), out var reason) ? reason : null);
        }
    }

    public async Task<(string CreditorId, string DebtorId)?> FindByTokenAsync(string token, CancellationToken cancellationToken = default)
    {
        var response = await Cases.GetEntityIfExistsAsync<TableEntity>(TokenPartition, token.ToLowerInvariant(), cancellationToken: cancellationToken);
        return response.HasValue ? (response.Value!.GetString("CreditorId")!, response.Value!.GetString("DebtorId")!) : null;
    }

    public async Task<IReadOnlyList<(string CreditorId, string DebtorId)>> FindByEmailAsync(string email, CancellationToken cancellationToken = default)
    {
        var exact = await RangeAsync(EmailPrefix(email), cancellationToken);
        if (exact.Count > 0)
        {
            return exact;
        }

        var at = email.LastIndexOf('@');
        return at < 0 ? [] : await RangeAsync(TableKeys.Escape(email[(at + 1)..].ToLowerInvariant()) + "|", cancellationToken);
    }

    public async Task<DunningRunState?> GetRunStateAsync(string creditorId, CancellationToken cancellationToken = default)
    {
        var response = await Runs.GetEntityIfExistsAsync<TableEntity>(creditorId, RunRow, cancellationToken: cancellationToken);
        if (!response.HasValue)
        {
            return null;
        }

        var e = response.Value!;
        return new DunningRunState(creditorId, e.GetString("LastSnapshotId"), TableKeys.ParseDate(e.GetString("LastCycleDate")), e.GetBoolean("Stale") ?? false, e.GetString("StaleReason"));
    }

    public async Task SaveRunStateAsync(DunningRunState state, CancellationToken cancellationToken = default) =>
        await Runs.UpsertEntityAsync(
            new TableEntity(state.CreditorId, RunRow)
            {
                ["LastSnapshotId"] = state.LastSnapshotId,
                ["LastCycleDate"] = state.LastCycleDate is null ? null : TableKeys.Date(state.LastCycleDate),
                ["Stale"] = state.Stale,
                ["StaleReason"] = state.StaleReason,
            },
            TableUpdateMode.Replace,
            cancellationToken);

    private async Task<List<(string, string)>> RangeAsync(string prefix, CancellationToken cancellationToken)
    {
        var found = new List<(string, string)>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {EmailPartition} and RowKey ge {prefix} and RowKey lt {prefix + "~"}");
        await foreach (var e in Cases.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
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
        List<string> AppliedKeys);

    private static TableEntity ToEntity(DunningCase c)
    {
        var entity = new TableEntity(c.CreditorId, TableKeys.Escape(c.DebtorId))
        {
            ["DebtorId"] = c.DebtorId,
            ["CaseId"] = c.CaseId,
            ["ReplyToken"] = c.ReplyToken,
            ["Stage"] = c.Stage,
            ["DebtorEmail"] = c.DebtorEmail,
            ["IndexedEmail"] = c.DebtorEmail is { Length: > 0 } ? c.DebtorEmail : c.IndexedEmail,
            ["DebtorName"] = c.DebtorName,
            ["IsBusiness"] = c.IsBusiness,
            ["Pause"] = c.Pause?.ToString(),
            ["PausedUntil"] = c.PausedUntil is null ? null : TableKeys.Date(c.PausedUntil),
            ["NextAction"] = TableKeys.Date(c.NextAction),
            ["LedgerHash"] = c.LedgerHash,
            ["LastEvaluated"] = c.LastEvaluated is null ? null : TableKeys.Date(c.LastEvaluated),
            ["HasPending"] = c.Pending.Count > 0,
        };
        var json = JsonSerializer.Serialize(new StateDocument(c.Invoices, c.Pending, c.HeldInvoices, c.AppliedKeys), Json.Options);
        var chunks = 0;
        for (var offset = 0; offset < json.Length; offset += ChunkChars)
        {
            entity["State" + chunks++] = json.Substring(offset, Math.Min(ChunkChars, json.Length - offset));
        }

        entity["StateChunks"] = chunks;
        return entity;
    }

    private static DunningCase ToCase(TableEntity e)
    {
        var chunks = e.GetInt32("StateChunks") ?? 0;
        var json = string.Concat(Enumerable.Range(0, chunks).Select(i => e.GetString("State" + i)));
        var state = json.Length == 0 ? null : JsonSerializer.Deserialize<StateDocument>(json, Json.Options);
        return new DunningCase
        {
            CreditorId = e.PartitionKey,
            DebtorId = e.GetString("DebtorId") ?? e.RowKey,
            CaseId = e.GetString("CaseId") ?? "",
            ReplyToken = e.GetString("ReplyToken") ?? "",
            Stage = e.GetString("Stage") ?? CaseStages.Current,
            DebtorEmail = e.GetString("DebtorEmail"),
            IndexedEmail = e.GetString("IndexedEmail"),
            DebtorName = e.GetString("DebtorName") ?? "",
            IsBusiness = e.GetBoolean("IsBusiness") ?? false,
            Pause = Enum.TryParse<PauseReason>(e.GetString("Pause"), out var pause) ? pause : null,
            PausedUntil = TableKeys.ParseDate(e.GetString("PausedUntil")),
            NextAction = TableKeys.ParseDate(e.GetString("NextAction")),
            LedgerHash = e.GetString("LedgerHash"),
            LastEvaluated = TableKeys.ParseDate(e.GetString("LastEvaluated")),
            Invoices = new Dictionary<string, InvoiceProgress>(state?.Invoices ?? [], StringComparer.Ordinal),
            Pending = state?.Pending ?? [],
            HeldInvoices = state?.Held ?? [],
            AppliedKeys = state?.AppliedKeys ?? [],
            Version = e.ETag.ToString(),
        };
    }
}
