using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Receivables.Actions;
using Receivables.Common;
using Receivables.Evidence;
using Receivables.Ledger;
using Receivables.Storage;

namespace Receivables.Dunning;

/// <summary>
/// A reminder that cannot be sent (an address MIME refuses, data the letter cannot be computed from, or the last try
/// of a delivery failing): the invoices go back to the level they stood at, so a level counts only once its message
/// went out; the case is held (<see cref="PauseReason.SendFailed"/>: no further step, no move towards collection); a
/// <see cref="TaskKinds.SendFailed"/> task tells a person why. The person records <c>retry</c> (the cause is fixed: the
/// ladder decides the step again) or <c>sent-other-channel --date</c> (the letter went by post or another way: the
/// level counts from that date; no fee is charged for a letter the system did not write).
/// </summary>
public sealed class SendFailures(
    ICaseStore cases,
    IOutboundStore outbound,
    ITaskStore tasks,
    IEvidenceArchive archive,
    IEvidenceReader evidence,
    DunningPolicies policies,
    BusinessClock clock,
    ILogger<SendFailures> logger) : ITaskOutcomeHandler
{
    public const string Retry = "retry";
    public const string SentOtherChannel = "sent-other-channel";

    /// <summary>Evidence metadata of a letter a person sent another way: the message key it stands for.</summary>
    public const string SentKeyMetadata = "sentKey";

    public string Kind => TaskKinds.SendFailed;

    public IReadOnlyList<string> Outcomes { get; } = [Retry, SentOtherChannel];

    /// <summary>
    /// A failure that no retry of the same message can cure: the letter's data (a missing rate, a date the rules cannot
    /// handle) or an address MIME refuses.
    /// </summary>
    public static bool IsPermanent(Exception error) =>
        error is ReceivablesException or FormatException or ArgumentException or MimeKit.ParseException or OverflowException;

    /// <summary>
    /// Holds the case for a message that cannot be sent. False when the message did go out (recorded as sent): then it is
    /// not a failed send, and the caller lets the runtime retry the rest.
    /// </summary>
    public async Task<bool> HoldAsync(SendReminderMessage message, Exception error, CancellationToken cancellationToken)
    {
        var record = await outbound.GetAsync(message.CreditorId, message.Key, cancellationToken);
        if (record?.State is OutboundStates.Sent or OutboundStates.Archived)
        {
            return false;
        }

        var reason = OneLine(error.Message);
        PendingMessage? failed = null;
        DunningCase? state = null;
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            state = await cases.GetAsync(message.CreditorId, message.DebtorId, cancellationToken);
            failed = state?.Pending.FirstOrDefault(p => p.Key == message.Key);
            if (state is null || failed is null)
            {
                break;
            }

            state.Pending.RemoveAll(p => p.Key == message.Key);
            foreach (var before in failed.Before)
            {
                if (state.Invoices.TryGetValue(before.InvoiceNumber, out var progress) && progress.Level == failed.Level)
                {
                    before.Restore(progress);
                }
            }

            if (await PolicyOfAsync(state, cancellationToken) is { } policy)
            {
                state.Stage = Ladder.StageOf(state, policy);
            }

            state.Pause = PauseReason.SendFailed;
            state.PausedUntil = null;
            state.NextAction = null;
            try
            {
                await cases.SaveAsync(state, cancellationToken);
                break;
            }
            catch (CaseConflictException) when (attempt < 5)
            {
                // Changed meanwhile: read again.
            }
        }

        if (record?.State == OutboundStates.Intended)
        {
            try
            {
                await outbound.MarkAsync(record, OutboundStates.Failed, cancellationToken);
            }
            catch (OutboundBusyException)
            {
                // Another delivery holds it; the case is held either way.
            }
        }

        if (state is null)
        {
            return true;
        }

        var level = failed?.Level ?? LevelOf(message.Key);
        var invoices = failed?.InvoiceNumbers ?? [];
        var name = state.DebtorName is { Length: > 0 } n ? n : message.DebtorId;
        var task = await tasks.OpenAsync(
            message.CreditorId,
            TaskKinds.SendFailed,
            message.DebtorId,
            state.CaseId,
            string.Create(CultureInfo.InvariantCulture, $"Reminder (level {level}) to {name} could not be sent"),
            string.Create(CultureInfo.InvariantCulture, $"The {failed?.Template ?? "reminder"} of {failed?.CycleDate:yyyy-MM-dd} (level {level}, invoice(s) {string.Join(", ", invoices)}) could not be sent: {reason}. ")
                + "The case is held: no further reminder goes out and it does not move towards collection until this is resolved; the level is not counted as reached. "
                + "Fix the cause (for example the debtor's email address or the invoice's dates in the ERP, then upload a new ledger) and record: tasks done <id> --outcome retry. "
                + "Or send the letter another way (post) and record: tasks done <id> --outcome sent-other-channel --date YYYY-MM-DD.",
            "send-failed:" + message.Key,
            cancellationToken,
            new TaskFacts
            {
                Reason = TaskReasons.SendFailed,
                Reference = failed?.Template,
                Threshold = level,
                AboutDate = failed?.CycleDate,
                Invoices = invoices,
                Grounds = ["error:" + reason],
            });
        await archive.AppendAsync(
            new EvidenceItem(
                message.CreditorId, message.DebtorId, state.CaseId, EvidenceKinds.Decision,
                string.Create(CultureInfo.InvariantCulture, $"Reminder level {level} could not be sent; case held"),
                "application/json",
                JsonSerializer.SerializeToUtf8Bytes(new { key = message.Key, level, template = failed?.Template, invoices, reason, task = task.TaskId }, Json.Indented),
                Actors.Rule, "send-failed|" + message.Key, clock.Now,
                new Dictionary<string, string>
                {
                    ["key"] = message.Key,
                    ["level"] = level.ToString(CultureInfo.InvariantCulture),
                    ["invoices"] = string.Join(",", invoices),
                    ["task"] = task.TaskId,
                    [EvidenceMetadata.Summary] = $"Not sent ({reason}); held for task {task.TaskId}",
                    [EvidenceMetadata.Timeline] = TimelineSections.Reminder,
                }),
            cancellationToken);
        logger.LogWarning("Reminder {Key} could not be sent ({Reason}); case {CaseId} held, task {TaskId} opened", message.Key, reason, state.CaseId, task.TaskId);
        return true;
    }

    public async Task<string> ApplyAsync(WorkTask task, TaskOutcome outcome, CancellationToken cancellationToken)
    {
        var debtorId = task.DebtorId ?? throw new ReceivablesException($"Task {task.TaskId} names no debtor.");
        var state = await cases.GetAsync(task.CreditorId, debtorId, cancellationToken)
            ?? throw new ReceivablesException($"No dunning case for debtor '{debtorId}'.");
        var failure = (await evidence.ReadCaseAsync(new EvidenceCaseRef(task.CreditorId, debtorId, state.CaseId), cancellationToken))
            .Select(e => e.Entry)
            .LastOrDefault(e => e.IdempotencyKey.StartsWith("send-failed|", StringComparison.Ordinal) && e.Metadata.GetValueOrDefault("task") == task.TaskId)
            ?? throw new ReceivablesException($"Task {task.TaskId}: the failed reminder it concerns is not in the case's evidence.");
        var key = failure.Metadata["key"];
        var level = int.Parse(failure.Metadata["level"], CultureInfo.InvariantCulture);
        var invoices = failure.Metadata.GetValueOrDefault("invoices", "").Split(',', StringSplitOptions.RemoveEmptyEntries);
        var date = outcome.Date ?? clock.Today;
        if (outcome.Outcome == SentOtherChannel && (outcome.Date is null || date > clock.Today))
        {
            throw new ReceivablesException("--outcome sent-other-channel needs --date yyyy-MM-dd: the day the letter was sent (not in the future).");
        }

        string effect = "";
        for (var attempt = 1; ; attempt++)
        {
            state = (await cases.GetAsync(task.CreditorId, debtorId, cancellationToken))!;
            if (state.AppliedKeys.Contains("send-failed:" + task.TaskId, StringComparer.Ordinal))
            {
                break;
            }

            var policy = await PolicyOfAsync(state, cancellationToken);
            if (outcome.Outcome == SentOtherChannel && policy is not null && level >= 1 && level <= policy.Levels.Count)
            {
                var deadline = NorwegianCalendar.OnOrNextBusinessDay(date.AddDays(policy.Levels[level - 1].DeadlineDays));
                foreach (var invoice in invoices)
                {
                    if (state.Invoices.TryGetValue(invoice, out var progress) && progress.Level == level - 1)
                    {
                        progress.Level = level;
                        progress.LastSent = date;
                        progress.Deadline = deadline;
                        progress.AnchoredOn = null;
                    }
                }

                state.Stage = Ladder.StageOf(state, policy);
                effect = string.Create(CultureInfo.InvariantCulture, $"level {level} counted as sent on {date:yyyy-MM-dd} by another channel (deadline {deadline:yyyy-MM-dd}, no fee); the case resumes");
            }
            else
            {
                effect = "the case resumes: the ladder decides the step again on the next cycle";
            }

            if (state.Pause == PauseReason.SendFailed)
            {
                state.Pause = null;
                state.PausedUntil = null;
            }

            state.NextAction = clock.Today;
            state.AppliedKeys.Add("send-failed:" + task.TaskId);
            try
            {
                await cases.SaveAsync(state, cancellationToken);
                break;
            }
            catch (CaseConflictException) when (attempt < 5)
            {
                // Changed meanwhile: read again.
            }
        }

        var metadata = new Dictionary<string, string>
        {
            [EvidenceMetadata.Summary] = $"send-failed task done ({outcome.Outcome}): {effect}",
            [EvidenceMetadata.Timeline] = TimelineSections.Reminder,
            ["outcome"] = outcome.Outcome,
        };
        if (outcome.Outcome == SentOtherChannel)
        {
            metadata[SentKeyMetadata] = key;
            metadata["level"] = level.ToString(CultureInfo.InvariantCulture);
            metadata["sentOn"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            metadata["channel"] = "other (recorded by a person)";
        }

        await archive.AppendAsync(
            new EvidenceItem(
                task.CreditorId, debtorId, state.CaseId, EvidenceKinds.Decision,
                outcome.Outcome == SentOtherChannel
                    ? string.Create(CultureInfo.InvariantCulture, $"Reminder level {level} sent by another channel on {date:yyyy-MM-dd} ({outcome.Actor})")
                    : $"Failed reminder level {level}: retry after the cause was fixed ({outcome.Actor})",
                "application/json",
                JsonSerializer.SerializeToUtf8Bytes(new { task = task.TaskId, key, level, outcome = outcome.Outcome, date, note = outcome.Note, actor = outcome.Actor, effect }, Json.Indented),
                outcome.Actor, "send-failed-done:" + task.TaskId, clock.Now, metadata),
            cancellationToken);
        return effect;
    }

    private Task<PolicyOptions?> PolicyOfAsync(DunningCase state, CancellationToken cancellationToken) =>
        policies.ForAsync(state.CreditorId, new Debtor(state.CreditorId, state.DebtorId, state.DebtorName, state.DebtorEmail, state.IsBusiness ? CustomerType.Business : CustomerType.Consumer, null), cancellationToken);

    private static int LevelOf(string key) =>
        key.Split('|').FirstOrDefault(p => p.Length > 1 && p[0] == 'L' && char.IsAsciiDigit(p[1])) is { } l && int.TryParse(l[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;

    /// <summary>An error message as one line (an address with CR/LF must not break the task's text).</summary>
    private static string OneLine(string text)
    {
        var line = string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return line.Length > 500 ? line[..500] + "…" : line;
    }
}
