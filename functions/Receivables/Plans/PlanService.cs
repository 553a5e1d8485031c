using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Receivables.Actions;
using Receivables.Common;
using Receivables.Contact;
using Receivables.Dunning;
using Receivables.Email;
using Receivables.Evidence;
using Receivables.Ledger;
using Receivables.Messaging;
using Receivables.Storage;

namespace Receivables.Plans;

/// <summary>
/// Repayment plans from request to acceptance: drafts a plan by rules (<see cref="PlanSchedule"/>) for a liquidity
/// reply, a person or the escalation gate; waits for a person to approve or reject it (or sends it by itself under the
/// policy's threshold); sends the proposal letter once; and puts the plan in force when the debtor accepts by reply
/// or a signed agreement is recorded. Every step is archived as evidence. Monitoring is <see cref="PlanMonitor"/>.
/// </summary>
public sealed class PlanService(
    IPlanStore plans,
    IClaimStatements claims,
    ICaseActions cases,
    ITaskStore tasks,
    IEvidenceArchive archive,
    ILedgerReader ledger,
    CaseMessenger mail,
    IPlanWording wording,
    IOptions<PlanPolicy> policy,
    IOptions<ReceivablesOptions> receivables,
    BusinessClock clock,
    ILogger<PlanService> logger) : IArrangementRequests, IPlanFacts
{
    public async Task<string> RequestAsync(ArrangementRequest request, CancellationToken cancellationToken = default)
    {
        var planId = PlanIdFor(request.IdempotencyKey);
        if (await plans.GetAsync(request.CreditorId, planId, cancellationToken) is { } existing)
        {
            return existing.PlanId;
        }

        await foreach (var other in plans.ListAsync(request.CreditorId, request.DebtorId, cancellationToken))
        {
            if (other.IsActive)
            {
                logger.LogInformation("Arrangement request for {CreditorId}/{DebtorId} joins plan {PlanId} ({Status})", request.CreditorId, request.DebtorId, other.PlanId, other.Status);
                return other.PlanId;
            }
        }

        var today = clock.Today;
        var view = await cases.GetAsync(request.CreditorId, request.DebtorId, cancellationToken)
            ?? throw new ReceivablesException($"Debtor '{request.DebtorId}' of '{request.CreditorId}' has no dunning case; a plan covers a case's overdue claim.");
        var statement = await claims.GetAsync(request.CreditorId, request.DebtorId, today, cancellationToken);
        if (statement is null || statement.Principal <= 0m)
        {
            throw new ReceivablesException($"Debtor '{request.DebtorId}' of '{request.CreditorId}' has nothing open in the latest ledger: there is nothing to plan.");
        }

        var frequency = Enum.TryParse<PlanFrequency>(request.ProposedFrequency, ignoreCase: true, out var f) ? f : (PlanFrequency?)null;
        var plan = new RepaymentPlan
        {
            CreditorId = request.CreditorId,
            PlanId = planId,
            DebtorId = request.DebtorId,
            DebtorName = (await ledger.GetDebtorAsync(request.CreditorId, request.DebtorId, cancellationToken))?.Debtor.Name ?? request.DebtorId,
            CaseId = view.CaseId,
            Source = request.Source,
            Note = request.Note,
            Status = PlanStatus.Draft,
            CreatedAt = clock.Now,
            CoveredInvoices = [.. statement.Invoices.Select(i => i.InvoiceNumber)],
            Kid = statement.Invoices.Select(i => i.Kid).FirstOrDefault(k => !string.IsNullOrWhiteSpace(k)),
            ProposedInstallment = request.ProposedInstallment,
            ProposedFrequency = frequency,
        };
        Compute(plan, statement, today);
        plan = await plans.AddAsync(plan, cancellationToken);
        await ArchiveAsync(plan, EvidenceKinds.Decision, "Repayment plan drafted", SourceActor(request.Source), "drafted", new { plan.Source, plan.Note, schedule = plan.Installments, plan.Claim }, cancellationToken);

        var settings = policy.Value;
        if (settings.AutoSendBelow > 0m && plan.Claim < settings.AutoSendBelow)
        {
            await ApproveAsync(plan.CreditorId, plan.PlanId, Actors.Rule, cancellationToken);
            return plan.PlanId;
        }

        var task = await tasks.OpenAsync(
            plan.CreditorId,
            TaskKinds.ApprovePlan,
            plan.DebtorId,
            plan.CaseId,
            $"Approve repayment plan {plan.PlanId} for {plan.DebtorName}",
            Describe(plan) + $" Approve: plans approve {plan.PlanId} (or tasks done <id> --outcome approve); reject: plans reject {plan.PlanId} --reason \"...\".",
            "plan:" + plan.PlanId + ":approve",
            cancellationToken);
        plan.ApprovalTaskId = task.TaskId;
        await SaveAsync(plan, cancellationToken);
        logger.LogInformation("Drafted plan {PlanId} for {CreditorId}/{DebtorId}: {Count} installments, claim {Claim}", plan.PlanId, plan.CreditorId, plan.DebtorId, plan.Installments.Count, plan.Claim);
        return plan.PlanId;
    }

    /// <summary>
    /// A person (or the rule under the threshold) approves the draft: the schedule is recomputed from today, the
    /// letter is sent once, and dunning waits for the answer until the answer deadline.
    /// </summary>
    public async Task<RepaymentPlan> ApproveAsync(string creditorId, string planId, string actor, CancellationToken cancellationToken = default)
    {
        var plan = await RequireAsync(creditorId, planId, cancellationToken);
        if (plan.Status is PlanStatus.Proposed or PlanStatus.InForce or PlanStatus.Completed)
        {
            return plan;
        }

        if (plan.Status != PlanStatus.Draft)
        {
            throw new ReceivablesException($"Plan {planId} is {plan.Status}; only a draft can be approved.");
        }

        var today = clock.Today;
        var view = await cases.GetAsync(creditorId, plan.DebtorId, cancellationToken)
            ?? throw new ReceivablesException($"The case of plan {planId} is gone.");
        if (plan.StartDate != today && await claims.GetAsync(creditorId, plan.DebtorId, today, cancellationToken) is { } statement)
        {
            // Dates run from the day the letter goes out; the claim is what is owed that day.
            plan.CoveredInvoices = [.. statement.Invoices.Select(i => i.InvoiceNumber)];
            Compute(plan, statement, today);
        }

        plan.AnswerBy = NorwegianCalendar.OnOrNextBusinessDay(today.AddDays(policy.Value.AnswerDays));
        var debtorLines = await ledger.GetDebtorAsync(creditorId, plan.DebtorId, cancellationToken);
        var language = LanguageOf(debtorLines, plan.CreditorId);
        var terms = Terms(plan, language, debtorLines?.Debtor.Type == CustomerType.Business);
        var used = "template";
        if (await wording.RewriteAsync(terms, language, cancellationToken) is { } rewrite)
        {
            var differences = NumberCheck.Differences(terms, rewrite);
            if (differences.Count == 0)
            {
                terms = rewrite;
                used = "model";
            }
            else
            {
                logger.LogWarning("Model wording of plan {PlanId} discarded: its numbers differ ({Differences})", plan.PlanId, string.Join("; ", differences));
                await ArchiveAsync(plan, EvidenceKinds.Decision, "Model wording discarded: numbers differ", Actors.Rule, "wording-discarded", new { differences, rewrite }, cancellationToken);
            }
        }

        plan.LetterWording = used;
        var schedule = ScheduleText(plan, language);
        var sent = await mail.SendAsync(
            view,
            MessageTemplates.PlanProposal,
            "plan:" + plan.PlanId + ":proposal",
            _ => new Dictionary<string, string> { ["Schedule"] = schedule, ["Terms"] = terms, ["Plan"] = plan.PlanId },
            actor,
            cancellationToken,
            [new EmailAttachment($"{(language == "en" ? "repayment-agreement" : "nedbetalingsavtale")}-{plan.PlanId}.txt", "text/plain; charset=utf-8", Encoding.UTF8.GetBytes(Agreement(plan, language, schedule, terms)))])
            ?? throw new ReceivablesException($"Plan {planId} cannot be sent: the debtor has no email address or nothing open in the latest ledger.");

        plan.Status = PlanStatus.Proposed;
        plan.DecidedBy = actor;
        plan.DecidedAt = clock.Now;
        plan.SentAt = clock.Now;
        plan.MessageId = sent.MessageId;
        await SaveAsync(plan, cancellationToken);
        await ArchiveAsync(plan, EvidenceKinds.Decision, $"Repayment plan approved by {actor} and sent", actor, "approved", new { schedule = plan.Installments, plan.Claim, plan.AnswerBy, wording = used }, cancellationToken);
        await cases.PauseAsync(creditorId, plan.DebtorId, PauseReason.PlanProposed, plan.AnswerBy, null, actor, $"Repayment plan {plan.PlanId} proposed; waiting for the answer until {plan.AnswerBy:yyyy-MM-dd}", "plan:" + plan.PlanId + ":proposed", cancellationToken);
        await CompleteTaskAsync(plan, "approve", null, cancellationToken);
        return plan;
    }

    /// <summary>
    /// The proposal letter and the agreement of a draft as approval would send them today (template wording; a model
    /// rewording, when configured, is checked and applied only on sending). Nothing is stored or sent.
    /// </summary>
    public async Task<(RenderedMessage Letter, string Agreement, RepaymentPlan Plan)?> PreviewAsync(string creditorId, string planId, CancellationToken cancellationToken = default)
    {
        var plan = await RequireAsync(creditorId, planId, cancellationToken);
        var view = await cases.GetAsync(creditorId, plan.DebtorId, cancellationToken);
        if (view is null)
        {
            return null;
        }

        var today = clock.Today;
        if (plan.Status == PlanStatus.Draft && plan.StartDate != today && await claims.GetAsync(creditorId, plan.DebtorId, today, cancellationToken) is { } statement)
        {
            plan.CoveredInvoices = [.. statement.Invoices.Select(i => i.InvoiceNumber)];
            Compute(plan, statement, today);
        }

        plan.AnswerBy ??= NorwegianCalendar.OnOrNextBusinessDay(today.AddDays(policy.Value.AnswerDays));
        var debtorLines = await ledger.GetDebtorAsync(creditorId, plan.DebtorId, cancellationToken);
        var language = LanguageOf(debtorLines, plan.CreditorId);
        var terms = Terms(plan, language, debtorLines?.Debtor.Type == CustomerType.Business);
        var schedule = ScheduleText(plan, language);
        var letter = await mail.PreviewAsync(view, MessageTemplates.PlanProposal, _ => new Dictionary<string, string> { ["Schedule"] = schedule, ["Terms"] = terms, ["Plan"] = plan.PlanId }, cancellationToken);
        return letter is null ? null : (letter, Agreement(plan, language, schedule, terms), plan);
    }

    public async Task<RepaymentPlan> RejectAsync(string creditorId, string planId, string actor, string reason, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ReceivablesException("A rejection needs a reason (--reason).");
        }

        var plan = await RequireAsync(creditorId, planId, cancellationToken);
        if (plan.Status == PlanStatus.Rejected)
        {
            return plan;
        }

        if (plan.Status != PlanStatus.Draft)
        {
            throw new ReceivablesException($"Plan {planId} is {plan.Status}; only a draft can be rejected.");
        }

        plan.Status = PlanStatus.Rejected;
        plan.DecidedBy = actor;
        plan.DecidedAt = clock.Now;
        plan.RejectReason = reason;
        plan.EndedAt = clock.Now;
        await SaveAsync(plan, cancellationToken);
        await ArchiveAsync(plan, EvidenceKinds.Decision, $"Repayment plan rejected by {actor}", actor, "rejected", new { reason }, cancellationToken);
        await CompleteTaskAsync(plan, "reject", reason, cancellationToken);
        return plan;
    }

    public async Task<string?> AcceptByReplyAsync(string creditorId, string debtorId, string replyReference, CancellationToken cancellationToken = default)
    {
        RepaymentPlan? proposed = null;
        await foreach (var plan in plans.ListAsync(creditorId, debtorId, cancellationToken))
        {
            if (plan.Status == PlanStatus.Proposed || (plan.Status == PlanStatus.InForce && plan.AcceptedVia == replyReference))
            {
                proposed = plan;
            }
        }

        if (proposed is null)
        {
            return null;
        }

        await AcceptAsync(proposed, replyReference, Actors.Rule, null, cancellationToken);
        return proposed.PlanId;
    }

    /// <summary>A person records the debtor's signed agreement (archived) and the plan comes into force.</summary>
    public async Task<RepaymentPlan> AcceptByDocumentAsync(string creditorId, string planId, string fileName, byte[] document, string actor, CancellationToken cancellationToken = default)
    {
        var plan = await RequireAsync(creditorId, planId, cancellationToken);
        if (plan.Status is not (PlanStatus.Proposed or PlanStatus.InForce))
        {
            throw new ReceivablesException($"Plan {planId} is {plan.Status}; a signed agreement can only be recorded for a proposed plan.");
        }

        await AcceptAsync(plan, "signed document " + fileName, actor, (fileName, document), cancellationToken);
        return plan;
    }

    public async Task<PlanFacts> GetAsync(string creditorId, string debtorId, CancellationToken cancellationToken = default)
    {
        int proposed = 0, inForce = 0, completed = 0, broken = 0, missed = 0;
        var deliveries = false;
        DateOnly? lastBroken = null;
        await foreach (var plan in plans.ListAsync(creditorId, debtorId, cancellationToken))
        {
            missed += plan.Missed.Count;
            switch (plan.Status)
            {
                case PlanStatus.Draft or PlanStatus.Proposed:
                    proposed++;
                    break;
                case PlanStatus.InForce:
                    inForce++;
                    deliveries |= plan.PaidInstallments.Count >= policy.Value.ResumeDeliveriesAfterInstallments;
                    break;
                case PlanStatus.Completed:
                    completed++;
                    break;
                case PlanStatus.Broken:
                    broken++;
                    var ended = plan.EndedAt is { } at ? clock.ToLocalDate(at) : (DateOnly?)null;
                    lastBroken = ended > lastBroken || lastBroken is null ? ended : lastBroken;
                    break;
            }
        }

        return new PlanFacts(proposed, inForce, completed, broken, missed, lastBroken) { DeliveriesMayResume = deliveries };
    }

    public Task<RepaymentPlan?> FindAsync(string creditorId, string planId, CancellationToken cancellationToken = default) =>
        plans.GetAsync(creditorId, planId, cancellationToken);

    public IAsyncEnumerable<RepaymentPlan> ListAsync(string? creditorId, CancellationToken cancellationToken = default) =>
        plans.ListAsync(creditorId, null, cancellationToken);

    /// <summary>One line a person reads in a task or listing.</summary>
    public static string Describe(RepaymentPlan plan)
    {
        var first = plan.Installments.FirstOrDefault();
        return string.Create(CultureInfo.InvariantCulture, $"Claim {plan.Claim:0.00} {plan.Currency} (principal {plan.Principal:0.00}, fees {plan.Fees:0.00}, interest {plan.Interest:0.00}, compensation {plan.Compensation:0.00}); {plan.Installments.Count} {plan.Frequency.ToString().ToLowerInvariant()} payments from {first?.DueDate:yyyy-MM-dd} to {plan.Installments.LastOrDefault()?.DueDate:yyyy-MM-dd}, first {first?.Amount:0.00}; total {plan.TotalToPay:0.00}")
            + (plan.FeesWaivedIfKept > 0m ? string.Create(CultureInfo.InvariantCulture, $"; fees {plan.FeesWaivedIfKept:0.00} waived if kept") : "")
            + (plan.SettlementAmount is { } s ? string.Create(CultureInfo.InvariantCulture, $"; settlement offer {s:0.00} by {plan.SettlementPayBy:yyyy-MM-dd}") : "")
            + (plan.RequiresSecurity ? "; security and a signed debt confirmation asked for" : "")
            + ".";
    }

    internal static string PlanIdFor(string idempotencyKey) =>
        "P" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)))[..10].ToLowerInvariant();

    private async Task AcceptAsync(RepaymentPlan plan, string via, string actor, (string Name, byte[] Content)? document, CancellationToken cancellationToken)
    {
        if (document is { } signed)
        {
            await archive.AppendAsync(new EvidenceItem(
                plan.CreditorId, plan.DebtorId, plan.CaseId!, EvidenceKinds.Agreement, "Signed repayment agreement " + signed.Name,
                signed.Name.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase) ? "application/pdf" : "application/octet-stream", signed.Content, actor,
                $"plan:{plan.PlanId}:document:{Convert.ToHexString(SHA256.HashData(signed.Content))[..16]}", clock.Now,
                new Dictionary<string, string> { ["plan"] = plan.PlanId, ["file"] = signed.Name }), cancellationToken);
        }

        if (plan.Status == PlanStatus.Proposed)
        {
            var lines = await ledger.GetDebtorAsync(plan.CreditorId, plan.DebtorId, cancellationToken);
            plan.OpenAtAcceptance = OpenCovered(plan, lines);
            plan.Status = PlanStatus.InForce;
            plan.AcceptedAt = clock.Now;
            plan.AcceptedVia = via;
            await SaveAsync(plan, cancellationToken);
            await ArchiveAsync(plan, EvidenceKinds.Agreement, "Repayment plan accepted (" + via + ")", actor, "accepted", new { via, schedule = plan.Installments, plan.OpenAtAcceptance }, cancellationToken);
        }

        await cases.PauseAsync(plan.CreditorId, plan.DebtorId, PauseReason.PlanInForce, null, null, actor, $"Repayment plan {plan.PlanId} in force ({via})", "plan:" + plan.PlanId + ":in-force", cancellationToken);
        await foreach (var call in tasks.ListAsync(plan.CreditorId, openOnly: true, cancellationToken, plan.DebtorId))
        {
            if (call.Kind == TaskKinds.CallDebtor)
            {
                // The call's purpose (why unpaid, offer an arrangement) is served: the debtor agreed a plan.
                await tasks.CompleteAsync(plan.CreditorId, call.TaskId, "plan", $"Not needed: repayment plan {plan.PlanId} is in force", cancellationToken);
            }
        }
        if (await cases.GetAsync(plan.CreditorId, plan.DebtorId, cancellationToken) is { } view)
        {
            var first = plan.Installments.FirstOrDefault(i => !plan.PaidInstallments.Contains(i.Number));
            string Message(string language) => language == "en"
                ? $"We have registered that you accept the repayment plan. Your next payment of {LetterFormat.Money(first?.Amount ?? 0m, language)} {plan.Currency} is due on {LetterFormat.Date(first?.DueDate ?? clock.Today, language)}. While you keep to the plan, we send no reminders for the invoices it covers."
                : $"Vi har registrert at du godtar nedbetalingsavtalen. Neste avdrag på {LetterFormat.Money(first?.Amount ?? 0m, language)} {plan.Currency} forfaller {LetterFormat.Date(first?.DueDate ?? clock.Today, language)}. Så lenge avtalen følges, sender vi ingen purringer på fakturaene den gjelder.";
            await mail.SendAsync(view, MessageTemplates.Acknowledgement, "plan:" + plan.PlanId + ":accepted", language => new Dictionary<string, string> { ["Message"] = Message(language), ["class"] = "plan-accepted", ["Plan"] = plan.PlanId }, actor, cancellationToken);
        }
    }

    internal static decimal OpenCovered(RepaymentPlan plan, DebtorLedger? lines) =>
        lines?.Invoices.Where(i => i.OpenAmount > 0m && plan.CoveredInvoices.Contains(i.InvoiceNumber, StringComparer.Ordinal)).Sum(i => i.OpenAmount) ?? 0m;

    private void Compute(RepaymentPlan plan, ClaimStatement statement, DateOnly today)
    {
        var settings = policy.Value;
        var schedule = PlanSchedule.Build(
            new PlanInput(statement.Principal, statement.Fees, statement.Interest + statement.Compensation, statement.Currency, today, 0m, plan.ProposedInstallment, plan.ProposedFrequency),
            settings);
        plan.StartDate = today;
        plan.Currency = statement.Currency;
        plan.Principal = statement.Principal;
        plan.Fees = statement.Fees;
        plan.Interest = statement.Interest;
        plan.Compensation = statement.Compensation;
        plan.Claim = schedule.ClaimTotal;
        plan.FeesWaivedIfKept = schedule.FeesWaivedIfKept;
        plan.Frequency = schedule.Frequency;
        plan.Installments = [.. schedule.Installments.Select(i => new AgreedInstallment(i.Number, i.DueDate, i.Amount, i.IsDownPayment))];
        plan.SettlementAmount = schedule.Settlement?.Amount;
        plan.SettlementPayBy = schedule.Settlement?.PayBy;
        plan.RequiresSecurity = schedule.RequiresSecurity;
    }

    /// <summary>The letter's language as <see cref="CaseDocuments"/> decides it: the debtor's, else the creditor's.</summary>
    private string LanguageOf(DebtorLedger? lines, string creditorId) =>
        string.Equals(lines?.Debtor.Language ?? receivables.Value.Creditors.GetValueOrDefault(creditorId)?.Language, "en", StringComparison.OrdinalIgnoreCase) ? "en" : "nb";

    /// <summary>The schedule as a table of lines, from the stored figures only (never from a model).</summary>
    public static string ScheduleText(RepaymentPlan plan, string language)
    {
        var en = language == "en";
        var text = new StringBuilder();
        text.AppendLine(en ? "No.  Due date            Amount" : "Nr.  Forfall             Beløp");
        foreach (var i in plan.Installments)
        {
            var label = i.IsDownPayment ? (en ? " (down payment)" : " (forskudd)") : "";
            text.AppendLine(CultureInfo.InvariantCulture, $"{i.Number,3}  {LetterFormat.Date(i.DueDate, language),-18}  {LetterFormat.Money(i.Amount, language),12} {plan.Currency}{label}");
        }

        text.Append(en ? "Total: " : "Sum: ").Append(LetterFormat.Money(plan.TotalToPay, language)).Append(' ').Append(plan.Currency);
        if (plan.Kid is { } kid)
        {
            text.AppendLine().Append(en ? $"Use KID {kid} for every payment." : $"Bruk KID {kid} ved hver betaling.");
        }

        return text.ToString();
    }

    /// <summary>The proposal's prose with its figures: what the model may reword (and must keep every number of).</summary>
    internal string Terms(RepaymentPlan plan, string language, bool debtorIsBusiness)
    {
        var en = language == "en";
        string M(decimal amount) => LetterFormat.Money(amount, language) + " " + plan.Currency;
        string D(DateOnly date) => LetterFormat.Date(date, language);
        var first = plan.Installments[0];
        var last = plan.Installments[^1];
        var account = MessageModel.FormatAccount(receivables.Value.Creditors.GetValueOrDefault(plan.CreditorId)?.BankAccount);
        var text = new StringBuilder();
        text.Append(en
            ? $"The claim is {M(plan.Claim)} as of {D(plan.StartDate)}: principal {M(plan.Principal)}, fees {M(plan.Fees)} and interest and compensation {M(plan.Interest + plan.Compensation)}. "
            : $"Kravet er {M(plan.Claim)} per {D(plan.StartDate)}: hovedstol {M(plan.Principal)}, gebyrer {M(plan.Fees)} og renter og kompensasjon {M(plan.Interest + plan.Compensation)}. ");
        text.Append(en
            ? $"You pay {plan.Installments.Count} installments, the first of {M(first.Amount)} on {D(first.DueDate)} and the last on {D(last.DueDate)}"
            : $"Du betaler {plan.Installments.Count} avdrag, det første på {M(first.Amount)} den {D(first.DueDate)} og det siste den {D(last.DueDate)}");
        text.Append(account is null ? ". " : en ? $", to account {account}. " : $", til konto {account}. ");
        if (plan.FeesWaivedIfKept > 0m)
        {
            text.Append(en ? $"If you keep to the plan, we waive the fees of {M(plan.FeesWaivedIfKept)}. " : $"Holder du avtalen, frafaller vi gebyrene på {M(plan.FeesWaivedIfKept)}. ");
        }

        if (plan.SettlementAmount is { } settlement && plan.SettlementPayBy is { } payBy)
        {
            text.Append(en ? $"If you instead pay {M(settlement)} by {D(payBy)}, the whole claim is settled. " : $"Betaler du i stedet {M(settlement)} innen {D(payBy)}, er hele kravet gjort opp. ");
        }

        if (debtorIsBusiness && policy.Value.ResumeDeliveriesAfterInstallments is var resume)
        {
            text.Append(resume == 0
                ? (en ? "If deliveries to you are on hold, they resume once you have accepted the plan. " : "Er leveranser til dere stanset, starter vi dem igjen når dere har godtatt avtalen. ")
                : (en ? $"If deliveries to you are on hold, they resume once {resume} installments are paid. " : $"Er leveranser til dere stanset, starter vi dem igjen når {resume} avdrag er betalt. "));
        }

        if (plan.RequiresSecurity)
        {
            text.Append(en
                ? "Because of the size of the claim, we ask for security (for example a guarantee or a pledge) and a signed debt confirmation: please sign the attached agreement. "
                : "Fordi kravet er stort, ber vi om sikkerhet (for eksempel kausjon eller pant) og en signert gjeldsbekreftelse: signer gjerne den vedlagte avtalen. ");
        }

        if (plan.AnswerBy is { } answerBy)
        {
            text.Append(en ? $"Please answer by {D(answerBy)}." : $"Gi oss svar innen {D(answerBy)}.");
        }

        return text.ToString().TrimEnd();
    }

    private string Agreement(RepaymentPlan plan, string language, string schedule, string terms)
    {
        var creditor = receivables.Value.Creditors.GetValueOrDefault(plan.CreditorId);
        var en = language == "en";
        var text = new StringBuilder();
        text.AppendLine(en ? "REPAYMENT AGREEMENT AND DEBT CONFIRMATION" : "NEDBETALINGSAVTALE OG GJELDSBEKREFTELSE");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"{(en ? "Creditor" : "Kreditor")}: {creditor?.Name}{(creditor?.OrgNumber is { } org ? ", org.nr. " + org : "")}");
        text.AppendLine(CultureInfo.InvariantCulture, $"{(en ? "Debtor" : "Skyldner")}: {plan.DebtorName} ({plan.DebtorId})");
        text.AppendLine(CultureInfo.InvariantCulture, $"{(en ? "Invoices" : "Fakturaer")}: {string.Join(", ", plan.CoveredInvoices)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"{(en ? "Plan" : "Avtale")}: {plan.PlanId}");
        text.AppendLine();
        text.AppendLine(en
            ? $"The debtor confirms owing {LetterFormat.Money(plan.Claim, language)} {plan.Currency} as of {LetterFormat.Date(plan.StartDate, language)} and agrees to pay it as follows:"
            : $"Skyldneren bekrefter å skylde {LetterFormat.Money(plan.Claim, language)} {plan.Currency} per {LetterFormat.Date(plan.StartDate, language)} og forplikter seg til å betale slik:");
        text.AppendLine();
        text.AppendLine(schedule);
        text.AppendLine();
        text.AppendLine(terms);
        text.AppendLine();
        text.AppendLine(en
            ? "If an installment is not paid, the debtor first gets a reminder. If installments are missed again, the agreement lapses and the whole remaining balance falls due at once."
            : "Blir et avdrag ikke betalt, får skyldneren først en påminnelse. Blir avdrag ikke betalt igjen, faller avtalen bort og hele restbeløpet forfaller straks.");
        text.AppendLine();
        text.AppendLine(en ? "Place and date: ____________________   Signature: ____________________" : "Sted og dato: ____________________   Underskrift: ____________________");
        return text.ToString();
    }

    private async Task CompleteTaskAsync(RepaymentPlan plan, string outcome, string? note, CancellationToken cancellationToken)
    {
        if (plan.ApprovalTaskId is { } taskId && await tasks.GetAsync(plan.CreditorId, taskId, cancellationToken) is { IsOpen: true })
        {
            await tasks.CompleteAsync(plan.CreditorId, taskId, outcome, note, cancellationToken);
        }
    }

    private async Task<RepaymentPlan> RequireAsync(string creditorId, string planId, CancellationToken cancellationToken) =>
        await plans.GetAsync(creditorId, planId, cancellationToken)
        ?? throw new ReceivablesException($"No plan '{planId}' for creditor '{creditorId}'. See 'plans list'.");

    private Task SaveAsync(RepaymentPlan plan, CancellationToken cancellationToken) => plans.SaveAsync(plan, cancellationToken);

    private Task ArchiveAsync(RepaymentPlan plan, string kind, string title, string actor, string step, object details, CancellationToken cancellationToken) =>
        PlanEvidence.AppendAsync(archive, clock, plan, kind, title, actor, step, details, cancellationToken);

    private static string SourceActor(ArrangementSource source) => source switch
    {
        ArrangementSource.Person => Actors.Person("cli"),
        _ => Actors.Rule,
    };
}

/// <summary>Archives a plan step: the plan as it stands plus what happened, keyed by plan and step.</summary>
internal static class PlanEvidence
{
    public static Task AppendAsync(IEvidenceArchive archive, BusinessClock clock, RepaymentPlan plan, string kind, string title, string actor, string step, object details, CancellationToken cancellationToken) =>
        archive.AppendAsync(
            new EvidenceItem(
                plan.CreditorId,
                plan.DebtorId,
                plan.CaseId ?? throw new InvalidOperationException($"Plan {plan.PlanId} has no case."),
                kind,
                title,
                "application/json",
                JsonSerializer.SerializeToUtf8Bytes(new { plan = plan.PlanId, step, status = plan.Status.ToString(), details }, Json.Indented),
                actor,
                $"plan:{plan.PlanId}:{step}",
                clock.Now,
                new Dictionary<string, string> { ["plan"] = plan.PlanId, [EvidenceMetadata.Summary] = title }),
            cancellationToken);
}
