using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Receivables.Storage;

namespace Receivables.Actions.Storage;

/// <summary>
/// Tasks in the <see cref="StorageNames.Tables.Tasks"/> table: partition = creditor, row = task id. Each open task also
/// has a row in the <see cref="TodayIndexTable"/>, added before the task is written and removed after it is completed,
/// so that Today reads one page of the open tasks, most urgent first, instead of all of them. Each task of a debtor
/// also has a row in the <see cref="TaskDebtorsTable"/>, written before the task and never removed, so that a debtor's
/// tasks (and, for a batch of call tasks, many debtors' at once) are a range query and point reads.
/// </summary>
public sealed class TableTaskStore(StorageClients storage, TaskFactsSource factsSource, TimeProvider time, ILogger<TableTaskStore> logger) : ITaskStore
{
    private TableClient Table => storage.Table(StorageNames.Tables.Tasks);

    private readonly TodayIndexTable today = new(storage.Table(StorageNames.Tables.TodayIndex));

    private readonly TaskDebtorsTable debtors = new(storage.Table(StorageNames.Tables.TaskDebtors));

    public Task<WorkTask> OpenAsync(string creditorId, string kind, string? debtorId, string? caseId, string title, string details, string idempotencyKey, CancellationToken cancellationToken = default, TaskFacts? facts = null) =>
        OpenAsync(creditorId, kind, debtorId, caseId, title, details, idempotencyKey, null, cancellationToken, facts);

    private async Task<WorkTask> OpenAsync(string creditorId, string kind, string? debtorId, string? caseId, string title, string details, string idempotencyKey, string? firstItem, CancellationToken cancellationToken, TaskFacts? facts)
    {
        var taskId = TaskIdFor(idempotencyKey);
        if (await GetAsync(creditorId, taskId, cancellationToken) is { } existing)
        {
            return existing;
        }

        return await CreateAsync(creditorId, taskId, kind, debtorId, caseId, title, details, firstItem, cancellationToken, facts);
    }

    public async Task<DebtorTaskOpening> OpenUnlessOpenAsync(string creditorId, string kind, string debtorId, string? caseId, string title, string details, string idempotencyKey, Func<WorkTask, bool> blocking, CancellationToken cancellationToken = default, TaskFacts? facts = null)
    {
        var taskId = TaskIdFor(idempotencyKey);
        return OpeningIn(await DebtorTasksAsync(creditorId, debtorId, cancellationToken), taskId, blocking)
            ?? new DebtorTaskOpening(await CreateAsync(creditorId, taskId, kind, debtorId, caseId, title, details, null, cancellationToken, facts), Blocked: false);
    }

    /// <summary>
    /// What the debtor's tasks already decide: an open <paramref name="blocking"/> task stands in the way, or the task of
    /// the id exists (the debtor's row of a task is written before the task and never removed, so it is in the list).
    /// Null: the task is to be opened.
    /// </summary>
    private static DebtorTaskOpening? OpeningIn(IReadOnlyList<WorkTask> tasks, string taskId, Func<WorkTask, bool> blocking) =>
        tasks.FirstOrDefault(t => t.IsOpen && blocking(t)) is { } open ? new DebtorTaskOpening(open, Blocked: true)
        : tasks.FirstOrDefault(t => t.TaskId == taskId) is { } existing ? new DebtorTaskOpening(existing, Blocked: false)
        : null;

    /// <summary>Writes a task not found under its id (indexed first); one written meanwhile by another try is returned as stored.</summary>
    private async Task<WorkTask> CreateAsync(string creditorId, string taskId, string kind, string? debtorId, string? caseId, string title, string details, string? firstItem, CancellationToken cancellationToken, TaskFacts? facts)
    {
        var complete = await factsSource.CompleteAsync(creditorId, kind, debtorId, facts, cancellationToken);
        var entity = ToEntity(creditorId, taskId, kind, debtorId, caseId, title, details, complete);
        if (firstItem is not null)
        {
            entity["Count"] = 1;
            entity["BaseTitle"] = title;
            entity["FoldedItems"] = firstItem;
        }

        // Indexed first: a crash between the two writes leaves a row whose task is missing (skipped by Today, written by the retry), never an open task Today does not show.
        var todayKey = TodayIndexTable.RowKey(TaskUrgency.SortKey(ToTask(entity)), taskId);
        entity["TodayKey"] = todayKey;
        if (debtorId is not null)
        {
            await debtors.AddAsync(creditorId, debtorId, taskId, cancellationToken);
        }

        await today.AddAsync(creditorId, todayKey, cancellationToken);
        try
        {
            await Table.AddEntityAsync(entity, cancellationToken);
            logger.LogInformation("Opened task {TaskId} ({Kind}) for {CreditorId}/{DebtorId}", taskId, kind, creditorId, debtorId);
            return ToTask(entity); // as stored: not read back
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Already opened by an earlier try of the same work, maybe at another moment (another key): only its own row stays.
            var stored = (await Table.GetEntityAsync<TableEntity>(creditorId, taskId, cancellationToken: cancellationToken)).Value;
            if (TodayKeyOf(stored) != todayKey)
            {
                await today.RemoveAsync(creditorId, todayKey, cancellationToken);
            }
        }

        return (await GetAsync(creditorId, taskId, cancellationToken))!;
    }

    public async Task<int> OpenManyAsync(string creditorId, IReadOnlyList<NewTask> tasks, CancellationToken cancellationToken = default)
    {
        var entities = new List<TableEntity>(tasks.Count);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var task in tasks)
        {
            var taskId = TaskIdFor(task.IdempotencyKey);
            if (ids.Add(taskId))
            {
                entities.Add(await NewEntityAsync(creditorId, taskId, task, cancellationToken));
            }
        }

        return await WriteManyAsync(creditorId, entities, cancellationToken);
    }

    public async Task<IReadOnlyList<DebtorTaskOpening>> OpenManyUnlessOpenAsync(string creditorId, IReadOnlyList<NewTask> tasks, Func<WorkTask, bool> blocking, CancellationToken cancellationToken = default)
    {
        var lists = await DebtorTasksAsync(creditorId, [.. tasks.Select(t => t.DebtorId ?? throw new ArgumentException($"Task '{t.Title}' names no debtor.", nameof(tasks)))], cancellationToken);
        var openings = new DebtorTaskOpening[tasks.Count];
        var fresh = new List<TableEntity>();
        var opening = new Dictionary<string, WorkTask>(StringComparer.Ordinal); // debtor → the task opened for it now
        for (var i = 0; i < tasks.Count; i++)
        {
            var (task, taskId) = (tasks[i], TaskIdFor(tasks[i].IdempotencyKey));
            if (OpeningIn(lists[task.DebtorId!], taskId, blocking) is { } decided)
            {
                openings[i] = decided;
            }
            else if (opening.TryGetValue(task.DebtorId!, out var sibling))
            {
                openings[i] = new DebtorTaskOpening(sibling, Blocked: sibling.TaskId != taskId);
            }
            else
            {
                var entity = await NewEntityAsync(creditorId, taskId, task, cancellationToken);
                fresh.Add(entity);
                opening[task.DebtorId!] = ToTask(entity);
                openings[i] = new DebtorTaskOpening(opening[task.DebtorId!], Blocked: false);
            }
        }

        if (fresh.Count > 0)
        {
            await WriteManyAsync(creditorId, fresh, cancellationToken);
        }

        return openings;
    }

    private async Task<TableEntity> NewEntityAsync(string creditorId, string taskId, NewTask task, CancellationToken cancellationToken)
    {
        var complete = await factsSource.CompleteAsync(creditorId, task.Kind, task.DebtorId, task.Facts, cancellationToken);
        return ToEntity(creditorId, taskId, task.Kind, task.DebtorId, task.CaseId, task.Title, task.Details, complete);
    }

    /// <summary>
    /// Writes new tasks in transactions of up to 100 (their Today rows and debtor rows first, as <see cref="CreateAsync"/>
    /// does). A transaction the storage refuses is written one task at a time: a task opened before (an earlier try) is
    /// left as it is, and one the storage refuses (too large) is logged and skipped, so it cannot sink the others.
    /// Returns how many were opened now.
    /// </summary>
    private async Task<int> WriteManyAsync(string creditorId, IReadOnlyList<TableEntity> entities, CancellationToken cancellationToken)
    {
        var opened = 0;
        foreach (var chunk in entities.Chunk(100))
        {
            // Indexed first, as OpenAsync does: Today and the debtor's list show every open task. Both indexes keep a
            // creditor in one partition, so the chunk's rows are one transaction in each (Today's with one counter).
            foreach (var entity in chunk)
            {
                entity["TodayKey"] = TodayIndexTable.RowKey(TaskUrgency.SortKey(ToTask(entity)), entity.RowKey);
            }

            await debtors.AddManyAsync(creditorId, chunk.Where(e => e.GetString("DebtorId") is not null).Select(e => (e.GetString("DebtorId")!, e.RowKey)), cancellationToken);
            await today.AddManyAsync(creditorId, chunk.Select(e => e.GetString("TodayKey")!), cancellationToken);

            try
            {
                await Table.SubmitTransactionAsync(chunk.Select(e => new TableTransactionAction(TableTransactionActionType.Add, e)), cancellationToken);
                opened += chunk.Length;
            }
            catch (Exception e) when (e is TableTransactionFailedException || (e is RequestFailedException r && StorageFaults.IsRefused(r)))
            {
                // Some were opened by an earlier try of the same work, or one is refused (the transaction changed nothing): one by one.
                foreach (var entity in chunk)
                {
                    try
                    {
                        await Table.AddEntityAsync(entity, cancellationToken);
                        opened++;
                    }
                    catch (RequestFailedException conflict) when (conflict.Status == 409)
                    {
                        // Already open (or done): left as it is, and only its own index row stays.
                        var stored = (await Table.GetEntityAsync<TableEntity>(creditorId, entity.RowKey, cancellationToken: cancellationToken)).Value;
                        if (TodayKeyOf(stored) != entity.GetString("TodayKey"))
                        {
                            await today.RemoveAsync(creditorId, entity.GetString("TodayKey")!, cancellationToken);
                        }
                    }
                    catch (RequestFailedException refused) when (StorageFaults.IsRefused(refused))
                    {
                        logger.LogError(refused, "Task {TaskId} ({Kind}) for {CreditorId}/{DebtorId} cannot be stored: the table storage refused it; it is not opened", entity.RowKey, entity.GetString("Kind"), creditorId, entity.GetString("DebtorId"));
                        await today.RemoveAsync(creditorId, entity.GetString("TodayKey")!, cancellationToken);
                    }
                }
            }
        }

        logger.LogInformation("Opened {Opened} of {Count} task(s) for {CreditorId}", opened, entities.Count, creditorId);
        return opened;
    }

    private TableEntity ToEntity(string creditorId, string taskId, string kind, string? debtorId, string? caseId, string title, string details, TaskFacts complete) => new(creditorId, taskId)
    {
        ["Kind"] = kind,
        ["DebtorId"] = debtorId,
        ["CaseId"] = caseId,
        ["Title"] = title,
        ["Details"] = Cut(details, MaxDetails),
        ["CreatedAt"] = time.GetUtcNow(),
        ["IsOpen"] = true,
        ["Amount"] = complete.Amount?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Currency"] = complete.Currency,
        ["DaysOverdue"] = complete.DaysOverdue,
        ["Invoices"] = complete.Invoices.Count == 0 ? null : string.Join(",", complete.Invoices),
        ["Phone"] = complete.Phone,
        ["Quote"] = Cut(complete.Quote, 4000),
        ["DueDate"] = complete.DueDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["Priority"] = complete.Priority,
        ["Thread"] = complete.Thread?.ToStored(),
        ["Reason"] = complete.Reason,
        ["Threshold"] = complete.Threshold?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["AboutDate"] = complete.AboutDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["Reference"] = complete.Reference,
        ["Subject"] = Cut(complete.Subject, 500),
        ["Grounds"] = complete.Grounds.Count == 0 ? null : string.Join("\n", complete.Grounds.Select(g => g.ReplaceLineEndings(" "))),
    };

    public async Task<WorkTask> OpenOrFoldAsync(string creditorId, string kind, string? debtorId, string? caseId, string title, string details, string groupKey, string itemKey, CancellationToken cancellationToken = default, TaskFacts? facts = null)
    {
        // Round n is the n-th task of the group: closed ones are passed over, the first open (or new) one takes the item.
        for (var round = 1; round <= MaxFoldRounds; round++)
        {
            var task = await OpenAsync(creditorId, kind, debtorId, caseId, title, details, groupKey + ":" + round, itemKey, cancellationToken, facts);
            if (task.IsOpen)
            {
                return await FoldAsync(creditorId, task.TaskId, title, details, itemKey, cancellationToken) ?? task;
            }
        }

        throw new InvalidOperationException($"More than {MaxFoldRounds} closed tasks for '{groupKey}'.");
    }

    private const int MaxFoldRounds = 10_000;

    /// <summary>The text, cut to <paramref name="max"/> characters and an ellipsis when longer.</summary>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(text))]
    private static string? Cut(string? text, int max) => text?.Length > max ? text[..max] + "…" : text;

    /// <summary>Details longer than this are cut (a table property holds 64 KiB: 32,768 UTF-16 characters).</summary>
    private const int MaxDetails = 30_000;

    private const string CountedOnly = "… (further replies are counted in the title; every one is kept in the inbound archive)";

    /// <summary>Beyond this many characters of details a folded occurrence is counted but not written out.</summary>
    private const int MaxFoldedDetails = 16_000;

    /// <summary>The item keys kept (for retries); beyond, occurrences are counted without one.</summary>
    private const int MaxFoldedItems = 1_000;

    /// <summary>Adds the item to the open task (ETag-checked; concurrent folds re-read and try again). Null when the task closed meanwhile.</summary>
    private async Task<WorkTask?> FoldAsync(string creditorId, string taskId, string title, string details, string itemKey, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var entity = (await Table.GetEntityAsync<TableEntity>(creditorId, taskId, cancellationToken: cancellationToken)).Value;
            if (entity.GetBoolean("IsOpen") != true)
            {
                return null;
            }

            var items = entity.GetString("FoldedItems") is { Length: > 0 } list ? list.Split('\n').ToList() : [];
            if (items.Contains(itemKey, StringComparer.Ordinal))
            {
                return ToTask(entity);
            }

            // The first occurrence is the task as opened (its own details); each further one adds a line.
            var next = (entity.GetInt32("Count") ?? 1) + 1;
            entity["Count"] = next;
            entity["Title"] = $"{entity.GetString("BaseTitle") ?? title} ({next} replies)";
            var current = entity.GetString("Details") ?? "";
            entity["Details"] = current.Length < MaxFoldedDetails
                ? current + $"\n\n[{next}] {time.GetUtcNow():yyyy-MM-dd HH:mm} UTC: {title}: {(details.Length <= 600 ? details : details[..600] + "…")}"
                : current.EndsWith(CountedOnly, StringComparison.Ordinal) ? current : current + "\n\n" + CountedOnly;

            if (items.Count < MaxFoldedItems)
            {
                items.Add(itemKey);
                entity["FoldedItems"] = string.Join("\n", items);
            }

            try
            {
                await Table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken);
                return ToTask(entity);
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                await Task.Delay(Random.Shared.Next(5, 25 + attempt * 10), cancellationToken);
            }
        }

        throw new InvalidOperationException($"Task {taskId}: too many concurrent changes; the occurrence is retried later.");
    }

    public async Task<WorkTask?> GetAsync(string creditorId, string taskId, CancellationToken cancellationToken = default)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(creditorId, taskId, cancellationToken: cancellationToken);
        return response.HasValue ? ToTask(response.Value!) : null;
    }

    public async IAsyncEnumerable<WorkTask> ListAsync(string? creditorId = null, bool openOnly = true, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default, string? debtorId = null)
    {
        if (creditorId is not null && debtorId is not null)
        {
            foreach (var task in await DebtorTasksAsync(creditorId, debtorId, cancellationToken))
            {
                if (!openOnly || task.IsOpen)
                {
                    yield return task;
                }
            }

            yield break;
        }

        await foreach (var entity in QueryAsync(creditorId, openOnly, debtorId, cancellationToken))
        {
            yield return ToTask(entity);
        }
    }

    /// <summary>One debtor's tasks, open and done: the ids from the debtor index (one range query), then those tasks only.</summary>
    private async Task<IReadOnlyList<WorkTask>> DebtorTasksAsync(string creditorId, string debtorId, CancellationToken cancellationToken) =>
        (await DebtorTasksAsync(creditorId, [debtorId], cancellationToken))[debtorId];

    /// <summary>
    /// Many debtors' tasks, open and done, in id order: the ids from the debtor index (a few queries, several debtors
    /// each), then those tasks only (each read once, a few at a time). Every debtor given has a list.
    /// </summary>
    private async Task<IReadOnlyDictionary<string, IReadOnlyList<WorkTask>>> DebtorTasksAsync(string creditorId, IReadOnlyList<string> debtorIds, CancellationToken cancellationToken)
    {
        await EnsureDebtorIndexAsync(creditorId, cancellationToken);
        var ids = await debtors.TaskIdsAsync(creditorId, debtorIds, cancellationToken);
        var found = new ConcurrentDictionary<string, WorkTask>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(
            ids.Values.SelectMany(i => i).Distinct(StringComparer.Ordinal),
            new ParallelOptions { MaxDegreeOfParallelism = ParallelReads, CancellationToken = cancellationToken },
            async (id, ct) =>
            {
                var response = await Table.GetEntityIfExistsAsync<TableEntity>(creditorId, id, cancellationToken: ct);
                if (response.HasValue)
                {
                    found[id] = ToTask(response.Value!);
                }
            });

        // A listed task not found is being opened (its row is written first), or its opening failed and is retried.
        return ids.ToDictionary(d => d.Key, d => (IReadOnlyList<WorkTask>)[.. d.Value.Where(found.ContainsKey).Select(id => found[id])], StringComparer.Ordinal);
    }

    /// <summary>Point reads of listed tasks at once, at most.</summary>
    private const int ParallelReads = 8;

    private IAsyncEnumerable<TableEntity> QueryAsync(string? creditorId, bool openOnly, string? debtorId, CancellationToken cancellationToken)
    {
        var filters = new List<string>();
        if (creditorId is not null)
        {
            filters.Add(TableClient.CreateQueryFilter($"PartitionKey eq {creditorId}"));
        }

        if (debtorId is not null)
        {
            filters.Add(TableClient.CreateQueryFilter($"DebtorId eq {debtorId}"));
        }

        if (openOnly)
        {
            filters.Add("IsOpen eq true");
        }

        var filter = filters.Count == 0 ? null : string.Join(" and ", filters);
        return Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Tasks of the creditor from before the debtor index (or its present layout, whose marker is new): added once (one
    /// read of the creditor's tasks, their rows in transactions of 100).
    /// </summary>
    private async Task EnsureDebtorIndexAsync(string creditorId, CancellationToken cancellationToken)
    {
        if (await debtors.IsBuiltAsync(creditorId, cancellationToken))
        {
            return;
        }

        var rows = new List<(string DebtorId, string TaskId)>();
        await foreach (var entity in Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {creditorId}"), select: ["RowKey", "DebtorId"], cancellationToken: cancellationToken))
        {
            if (entity.GetString("DebtorId") is { } debtorId)
            {
                rows.Add((debtorId, entity.RowKey));
            }
        }

        await debtors.AddManyAsync(creditorId, rows, cancellationToken);
        await debtors.MarkBuiltAsync(creditorId, cancellationToken);
        logger.LogInformation("Debtor index of the tasks of {CreditorId} built from {Tasks} task(s)", creditorId, rows.Count);
    }

    public async Task<WorkTask> CompleteAsync(string creditorId, string taskId, string outcome, string? note, CancellationToken cancellationToken = default)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(creditorId, taskId, cancellationToken: cancellationToken);
        if (!response.HasValue)
        {
            throw new Common.ReceivablesException($"No task '{taskId}' for creditor '{creditorId}'.");
        }

        var entity = response.Value!;
        entity["IsOpen"] = false;
        entity["Outcome"] = outcome;
        entity["Note"] = note;
        entity["CompletedAt"] = time.GetUtcNow();
        await Table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken);
        await today.RemoveAsync(creditorId, TodayKeyOf(entity), cancellationToken);
        return ToTask(entity);
    }

    public async Task<int> CountOpenAsync(string creditorId, CancellationToken cancellationToken = default)
    {
        var (count, built) = await today.CountAsync(creditorId, cancellationToken);
        if (built)
        {
            return count;
        }

        // Open tasks from before the index: added once (a row there already is left as it is).
        var added = 0;
        await foreach (var entity in Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {creditorId} and IsOpen eq true"), cancellationToken: cancellationToken))
        {
            await today.AddAsync(creditorId, TodayKeyOf(entity), cancellationToken);
            added++;
        }

        await today.MarkBuiltAsync(creditorId, cancellationToken);
        logger.LogInformation("Today index of {CreditorId} built from {Open} open task(s)", creditorId, added);
        return (await today.CountAsync(creditorId, cancellationToken)).Count;
    }

    public async Task<IReadOnlyList<WorkTask>> MostUrgentAsync(IReadOnlyList<string> creditorIds, int skip, int take, CancellationToken cancellationToken = default)
    {
        var index = today;
        var firsts = await Task.WhenAll(creditorIds.Select(c => index.FirstAsync(c, skip + take, cancellationToken)));

        // Across creditors: by sort key, then in the order the creditors were given, then by task id (as one stable sort of them all).
        var rows = firsts
            .SelectMany((keys, c) => keys.Select(key => (Creditor: c, Key: key)))
            .OrderBy(r => TodayIndexTable.SortKeyOf(r.Key), StringComparer.Ordinal)
            .ThenBy(r => r.Creditor)
            .ThenBy(r => TodayIndexTable.TaskIdOf(r.Key), StringComparer.Ordinal)
            .Skip(skip)
            .Take(take)
            .ToList();
        var found = await Task.WhenAll(rows.Select(r => Table.GetEntityIfExistsAsync<TableEntity>(creditorIds[r.Creditor], TodayIndexTable.TaskIdOf(r.Key), cancellationToken: cancellationToken)));
        var tasks = new List<WorkTask>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            if (!found[i].HasValue)
            {
                continue; // being opened (the row is written first), or its opening failed and is retried
            }

            var entity = found[i].Value!;
            if (entity.GetBoolean("IsOpen") != true || TodayKeyOf(entity) != rows[i].Key)
            {
                // Completed after a crash before its row was removed, or a second row of a task opened twice at once.
                await index.RemoveAsync(creditorIds[rows[i].Creditor], rows[i].Key, cancellationToken);
                continue;
            }

            tasks.Add(ToTask(entity));
        }

        return tasks;
    }

    /// <summary>The task's row in the Today index: as written when it opened, or (opened before the index) from its facts.</summary>
    private static string TodayKeyOf(TableEntity entity) =>
        entity.GetString("TodayKey") ?? TodayIndexTable.RowKey(TaskUrgency.SortKey(ToTask(entity)), entity.RowKey);

    private static string TaskIdFor(string idempotencyKey) =>
        "T" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(idempotencyKey)))[..10].ToLowerInvariant();

    private static WorkTask ToTask(TableEntity e) => new(
        e.PartitionKey,
        e.RowKey,
        e.GetString("Kind") ?? "",
        e.GetString("DebtorId"),
        e.GetString("CaseId"),
        e.GetString("Title") ?? "",
        e.GetString("Details") ?? "",
        e.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue,
        e.GetBoolean("IsOpen") ?? false,
        e.GetString("Outcome"),
        e.GetString("Note"),
        e.GetDateTimeOffset("CompletedAt"))
    {
        Facts = new TaskFacts
        {
            Amount = decimal.TryParse(e.GetString("Amount"), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var amount) ? amount : null,
            Currency = e.GetString("Currency"),
            DaysOverdue = e.GetInt32("DaysOverdue"),
            Invoices = e.GetString("Invoices") is { Length: > 0 } invoices ? invoices.Split(',') : [],
            Phone = e.GetString("Phone"),
            Quote = e.GetString("Quote"),
            DueDate = DateOnly.TryParseExact(e.GetString("DueDate"), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var due) ? due : null,
            Priority = e.GetString("Priority"),
            Thread = Email.ReplyThread.FromStored(e.GetString("Thread")),
            Reason = e.GetString("Reason"),
            Threshold = decimal.TryParse(e.GetString("Threshold"), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var threshold) ? threshold : null,
            AboutDate = DateOnly.TryParseExact(e.GetString("AboutDate"), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var about) ? about : null,
            Reference = e.GetString("Reference"),
            Subject = e.GetString("Subject"),
            Grounds = e.GetString("Grounds") is { Length: > 0 } grounds ? grounds.Split('\n') : [],
        },
        Count = e.GetInt32("Count") ?? 1,
    };
}
