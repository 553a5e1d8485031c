using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Receivables.Common;
using Receivables.Dunning;
using Receivables.Evidence;
using Receivables.Ledger;
using Receivables.Plans;
using Receivables.Storage;

namespace Receivables.CreditHold;

/// <summary>A debtor's credit-hold state as stored (<see cref="StorageNames.Tables.CreditHolds"/>: partition creditor, row debtor).</summary>
public sealed record CreditHoldState(string CreditorId, string DebtorId, string HoldId, bool Held, DateOnly RaisedOn, DateOnly? LiftedOn, string Reason, decimal OverdueAmount, string Currency);

/// <summary>
/// Raises a credit hold when a debtor reaches the configured stage or overdue amount, and lifts it when the ledger shows
/// nothing overdue or a plan is in force. The state row (ETag) decides first; then the signal goes to the
/// <see cref="StorageNames.Queues.CreditHold"/> queue and, when configured, the ERP's webhook. Each signal is delivered
/// once: the row records what was queued and posted, and a later evaluation finishes what a crash or a failed POST left.
/// </summary>
public sealed class CreditHolds(
    StorageClients storage,
    IMessageQueue queue,
    IHttpClientFactory http,
    IPlanFacts plans,
    ICaseActions cases,
    ILedgerReader ledger,
    IEvidenceArchive archive,
    IOptions<CreditHoldOptions> options,
    BusinessClock clock,
    ILogger<CreditHolds> logger) : IDunningStepObserver, IOpenItemsObserver
{
    public const string HttpClientName = "credit-hold";

    private static readonly string[] StageOrder = [CaseStages.Current, CaseStages.Friendly, CaseStages.Reminder, CaseStages.CollectionNotice, CaseStages.Manual];

    private TableClient Table => storage.Table(StorageNames.Tables.CreditHolds);

    public async Task OnStepAsync(DunningStep step, CancellationToken cancellationToken)
    {
        // Most steps cannot raise a hold: skip them without a read. Lifts are the post-run pass's work
        // (OnCreditorRunAsync looks at every held debtor after each run).
        var (overdue, currency) = Overdue(step.Lines, step.Date);
        if (HoldReason(step.Stage, overdue, currency, planInForce: false, options.Value) is null)
        {
            return;
        }

        var planInForce = PlanAllowsDeliveries(step.Pause, await plans.GetAsync(step.CreditorId, step.DebtorId, cancellationToken));
        await EvaluateAsync(step.Lines, step.Stage, step.CaseId, planInForce, step.Date, cancellationToken);
    }

    /// <summary>After each cycle: looks again at every held debtor (a plan may have come into force without a ledger change).</summary>
    public async Task OnCreditorRunAsync(string creditorId, DateOnly date, CancellationToken cancellationToken)
    {
        await foreach (var row in Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {creditorId}"), cancellationToken: cancellationToken))
        {
            await ReviewAsync(row, date, cancellationToken);
        }
    }

    /// <summary>
    /// Bank payments applied the same day: each held debtor among <paramref name="debtorIds"/> is looked at again at once
    /// with the lines the ledger reader now shows (payments taken off), by the same rules as after a cycle, so a hold
    /// lifts the moment the money is there rather than at the next cycle.
    /// </summary>
    public async Task OnOpenItemsAdjustedAsync(string creditorId, IReadOnlyCollection<string> debtorIds, CancellationToken cancellationToken)
    {
        // One read of the creditor's hold rows (few), not one per paying debtor (a bank file may reach thousands).
        var paying = debtorIds.ToHashSet(StringComparer.Ordinal);
        await foreach (var row in Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {creditorId}"), cancellationToken: cancellationToken))
        {
            if (paying.Contains(row.RowKey))
            {
                await ReviewAsync(row, clock.Today, cancellationToken);
            }
        }
    }

    /// <summary>A debtor with a hold row: decides again unless it is lifted and its lift delivered.</summary>
    private async Task ReviewAsync(TableEntity row, DateOnly date, CancellationToken cancellationToken)
    {
        var state = ToState(row);
        if (!state.Held && row.GetBoolean("LiftQueued") == true && (options.Value.WebhookUrl.Length == 0 || row.GetBoolean("LiftPosted") == true))
        {
            return;
        }

        var creditorId = state.CreditorId;
        var found = await cases.GetAsync(creditorId, state.DebtorId, cancellationToken);
        var lines = await ledger.GetDebtorAsync(creditorId, state.DebtorId, cancellationToken)
            ?? new DebtorLedger(new Debtor(creditorId, state.DebtorId, row.GetString("DebtorName") ?? state.DebtorId, null, CustomerType.Business, row.GetString("OrgNumber")), []);
        var planInForce = PlanAllowsDeliveries(found?.Pause, await plans.GetAsync(creditorId, state.DebtorId, cancellationToken));
        await EvaluateAsync(lines, found?.Stage ?? CaseStages.Current, found?.CaseId, planInForce, date, cancellationToken);
    }

    public async Task<CreditHoldState?> GetAsync(string creditorId, string debtorId, CancellationToken cancellationToken = default)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(creditorId, debtorId, cancellationToken: cancellationToken);
        return response.HasValue ? ToState(response.Value!) : null;
    }

    public async IAsyncEnumerable<CreditHoldState> ListAsync(string creditorId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var row in Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {creditorId}"), cancellationToken: cancellationToken))
        {
            yield return ToState(row);
        }
    }

    /// <summary>Decides hold or lift for the debtor and delivers any signal not yet delivered. Idempotent.</summary>
    public async Task EvaluateAsync(DebtorLedger lines, string stage, string? caseId, bool planInForce, DateOnly date, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var debtor = lines.Debtor;
        var (overdue, currency) = Overdue(lines, date);
        for (var attempt = 1; ; attempt++)
        {
            var response = await Table.GetEntityIfExistsAsync<TableEntity>(debtor.CreditorId, debtor.DebtorId, cancellationToken: cancellationToken);
            var row = response.HasValue ? response.Value! : null;
            var held = row?.GetBoolean("Held") == true;
            try
            {
                if (!held)
                {
                    var why = HoldReason(stage, overdue, currency, planInForce, o);
                    if (why is null)
                    {
                        if (row is not null)
                        {
                            await DeliverAsync(row, CreditHoldSignals.Lifted, debtor, stage, caseId, cancellationToken);
                        }

                        return;
                    }

                    var count = (row?.GetInt32("Holds") ?? 0) + 1;
                    var holdId = string.Create(CultureInfo.InvariantCulture, $"{debtor.DebtorId}-{date:yyyyMMdd}-{count}");
                    var entity = new TableEntity(debtor.CreditorId, debtor.DebtorId)
                    {
                        ["HoldId"] = holdId,
                        ["Held"] = true,
                        ["Holds"] = count,
                        ["RaisedOn"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        ["RaisedAt"] = clock.Now,
                        ["LiftedOn"] = null,
                        ["Reason"] = why,
                        ["LiftReason"] = null,
                        ["OverdueAmount"] = overdue.ToString(CultureInfo.InvariantCulture),
                        ["Currency"] = currency,
                        ["DebtorName"] = debtor.Name,
                        ["OrgNumber"] = debtor.OrgNumber,
                        ["HoldQueued"] = false,
                        ["HoldPosted"] = false,
                        ["LiftQueued"] = false,
                        ["LiftPosted"] = false,
                    };
                    if (row is null)
                    {
                        await Table.AddEntityAsync(entity, cancellationToken);
                    }
                    else
                    {
                        await Table.UpdateEntityAsync(entity, row.ETag, TableUpdateMode.Replace, cancellationToken);
                    }

                    logger.LogInformation("Credit hold {HoldId} raised for {CreditorId}/{DebtorId}: {Reason}", holdId, debtor.CreditorId, debtor.DebtorId, why);
                    row = (await Table.GetEntityAsync<TableEntity>(debtor.CreditorId, debtor.DebtorId, cancellationToken: cancellationToken)).Value;
                    await DeliverAsync(row, CreditHoldSignals.Hold, debtor, stage, caseId, cancellationToken);
                    return;
                }

                var lift = overdue <= 0m ? "the ledger shows nothing overdue" : planInForce ? "a repayment plan is in force" : null;
                if (lift is null)
                {
                    await DeliverAsync(row!, CreditHoldSignals.Hold, debtor, stage, caseId, cancellationToken);
                    return;
                }

                row!["Held"] = false;
                row["LiftedOn"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                row["LiftReason"] = lift;
                row["LiftedAt"] = clock.Now;
                row["OverdueAmount"] = overdue.ToString(CultureInfo.InvariantCulture);
                await Table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
                logger.LogInformation("Credit hold {HoldId} lifted for {CreditorId}/{DebtorId}: {Reason}", row.GetString("HoldId"), debtor.CreditorId, debtor.DebtorId, lift);
                row = (await Table.GetEntityAsync<TableEntity>(debtor.CreditorId, debtor.DebtorId, cancellationToken: cancellationToken)).Value;
                await DeliverAsync(row, CreditHoldSignals.Lifted, debtor, stage, caseId, cancellationToken);
                return;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && attempt < 5)
            {
                // Another evaluation changed the row meanwhile: read it again.
            }
        }
    }

    /// <summary>What is overdue on <paramref name="date"/>, net of credit notes and unapplied payments, and its currency.</summary>
    private static (decimal Overdue, string Currency) Overdue(DebtorLedger lines, DateOnly date)
    {
        var open = lines.Invoices.Where(i => i.OpenAmount != 0m).ToList();
        var overdue = Math.Max(0m, open.Where(i => i.OpenAmount > 0m && i.DueDate < date).Sum(i => i.OpenAmount) + open.Where(i => i.OpenAmount < 0m).Sum(i => i.OpenAmount));
        return (overdue, open.Select(i => i.Currency).FirstOrDefault() ?? "NOK");
    }

    /// <summary>
    /// A stored plan in force decides by its delivery condition (installments paid); a case paused for a plan that the
    /// plans feature does not know (set by a person) counts as in force.
    /// </summary>
    private static bool PlanAllowsDeliveries(PauseReason? pause, PlanFacts facts) =>
        facts.HasPlanInForce ? facts.DeliveriesMayResume : pause == PauseReason.PlanInForce;

    private static string? HoldReason(string stage, decimal overdue, string currency, bool planInForce, CreditHoldOptions o)
    {
        if (overdue <= 0m || planInForce)
        {
            return null;
        }

        var reached = Array.IndexOf(StageOrder, stage);
        if (o.Stage.Length > 0 && reached >= 0 && reached >= Array.IndexOf(StageOrder, o.Stage))
        {
            return stage == o.Stage ? $"reached the {stage} stage (Receivables:CreditHold:Stage)" : $"reached the {stage} stage, at or past {o.Stage} (Receivables:CreditHold:Stage)";
        }

        return o.MinimumOverdue > 0m && overdue >= o.MinimumOverdue
            ? string.Create(CultureInfo.InvariantCulture, $"{overdue:0.00} {currency} overdue, at least {o.MinimumOverdue:0.00} (Receivables:CreditHold:MinimumOverdue)")
            : null;
    }

    private async Task DeliverAsync(TableEntity row, string signal, Debtor debtor, string stage, string? caseId, CancellationToken cancellationToken)
    {
        var prefix = signal == CreditHoldSignals.Hold ? "Hold" : "Lift";
        if (signal == CreditHoldSignals.Lifted && row.GetString("LiftedOn") is null)
        {
            return;
        }

        var queued = row.GetBoolean(prefix + "Queued") == true;
        var posted = row.GetBoolean(prefix + "Posted") == true || options.Value.WebhookUrl.Length == 0;
        if (queued && posted)
        {
            return;
        }

        var holdId = row.GetString("HoldId") ?? "";
        var asOf = DateOnly.ParseExact(signal == CreditHoldSignals.Hold ? row.GetString("RaisedOn")! : row.GetString("LiftedOn")!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var message = new CreditHoldMessage(
            CreditHoldSignals.Schema,
            holdId + ":" + signal,
            signal,
            holdId,
            debtor.CreditorId,
            debtor.DebtorId,
            row.GetString("DebtorName") ?? debtor.Name,
            row.GetString("OrgNumber") ?? debtor.OrgNumber,
            (signal == CreditHoldSignals.Hold ? row.GetString("Reason") : row.GetString("LiftReason")) ?? "",
            stage,
            decimal.Parse(row.GetString("OverdueAmount") ?? "0", CultureInfo.InvariantCulture),
            row.GetString("Currency") ?? "NOK",
            asOf,
            (signal == CreditHoldSignals.Hold ? row.GetDateTimeOffset("RaisedAt") : row.GetDateTimeOffset("LiftedAt")) ?? clock.Now);
        var body = JsonSerializer.SerializeToUtf8Bytes(message);

        if (caseId is not null)
        {
            await archive.AppendAsync(new EvidenceItem(
                debtor.CreditorId, debtor.DebtorId, caseId, EvidenceKinds.Decision, signal == CreditHoldSignals.Hold ? "Credit hold raised" : "Credit hold lifted", "application/json",
                body, Actors.Rule, "credit-hold:" + message.SignalId, clock.Now,
                new Dictionary<string, string> { [EvidenceMetadata.Summary] = $"Credit hold {signal}: {message.Reason}", ["creditHold"] = signal }), cancellationToken);
        }

        if (!queued)
        {
            await queue.SendAsync(StorageNames.Queues.CreditHold, message, cancellationToken: cancellationToken);
            row = await SaveFlagAsync(row, prefix + "Queued", cancellationToken);
        }

        if (!posted)
        {
            try
            {
                await PostAsync(body, message.SignalId, cancellationToken);
                await SaveFlagAsync(row, prefix + "Posted", cancellationToken);
            }
            catch (HttpRequestException e)
            {
                logger.LogWarning(e, "Credit-hold webhook refused signal {SignalId}; it is posted again at the next evaluation", message.SignalId);
            }
        }
    }

    private async Task PostAsync(byte[] body, string signalId, CancellationToken cancellationToken)
    {
        var o = options.Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, o.WebhookUrl) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add("X-Receivables-Signal-Id", signalId);
        if (o.WebhookSecret.Length > 0)
        {
            request.Headers.Add(o.SignatureHeader, Signature(o.WebhookSecret, body));
        }

        using var response = await http.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    /// <summary><c>sha256=</c> + lower-case hex HMAC-SHA256 of the exact body bytes.</summary>
    public static string Signature(string secret, byte[] body) =>
        "sha256=" + Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body)).ToLowerInvariant();

    private async Task<TableEntity> SaveFlagAsync(TableEntity row, string flag, CancellationToken cancellationToken)
    {
        // Only the flag: a concurrent decision on the same row keeps its columns.
        row[flag] = true;
        await Table.UpdateEntityAsync(new TableEntity(row.PartitionKey, row.RowKey) { [flag] = true }, ETag.All, TableUpdateMode.Merge, cancellationToken);
        return row;
    }

    private static CreditHoldState ToState(TableEntity e) => new(
        e.PartitionKey,
        e.RowKey,
        e.GetString("HoldId") ?? "",
        e.GetBoolean("Held") == true,
        DateOnly.ParseExact(e.GetString("RaisedOn") ?? "0001-01-01", "yyyy-MM-dd", CultureInfo.InvariantCulture),
        e.GetString("LiftedOn") is { } lifted ? DateOnly.ParseExact(lifted, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
        e.GetString("Reason") ?? "",
        decimal.Parse(e.GetString("OverdueAmount") ?? "0", CultureInfo.InvariantCulture),
        e.GetString("Currency") ?? "NOK");
}
