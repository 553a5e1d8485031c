using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Receivables.Actions;
using Receivables.Common;
using Receivables.Dunning;
using Receivables.Email;
using Receivables.Evidence;
using Receivables.Ledger;
using Receivables.Messaging;
using Receivables.Storage;

namespace Receivables.SetOff;

/// <summary>
/// Set-off (motregning): reads the newest payables file of a creditor (<c>ledger/&lt;creditor&gt;/payables/*.csv</c>),
/// matches suppliers to debtors by organisation number, and for each match proposes a set-off: a stored proposal with
/// the written declaration drafted (template <c>set-off-notice</c>) and an <see cref="TaskKinds.ApproveSetOff"/> task.
/// A person approves; the declaration is then sent once, threaded to the case, and archived.
/// </summary>
public sealed class SetOffs(
    ISetOffStore store,
    ILedgerReader ledger,
    ICaseActions cases,
    ITaskStore tasks,
    CaseMessenger mail,
    IMessageRenderer renderer,
    IEvidenceArchive archive,
    BusinessClock clock,
    ILogger<SetOffs> logger) : IDunningStepObserver, ITaskOutcomeHandler
{
    public const string Template = "set-off-notice";
    public const string Folder = "payables/";

    public string Kind => TaskKinds.ApproveSetOff;

    public IReadOnlyList<string> Outcomes => ["approve", "reject"];

    public Task OnStepAsync(DunningStep step, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>After each cycle: propose from the newest payables file. A bad file is logged and proposes nothing.</summary>
    public async Task OnCreditorRunAsync(string creditorId, DateOnly date, CancellationToken cancellationToken)
    {
        try
        {
            await ProposeAsync(creditorId, date, cancellationToken);
        }
        catch (ReceivablesException e)
        {
            logger.LogError("Set-off proposals for {CreditorId} skipped: {Problem}", creditorId, e.Message);
        }
    }

    /// <summary>Proposes set-offs from the newest payables file; returns the proposals (new or already stored). Idempotent on the facts.</summary>
    public async Task<IReadOnlyList<SetOffProposal>> ProposeAsync(string creditorId, DateOnly asOf, CancellationToken cancellationToken = default)
    {
        if (await store.ReadNewestPayablesAsync(creditorId, Folder, cancellationToken) is not { } file)
        {
            return [];
        }

        using var reader = new StringReader(file.Text);
        var payables = PayablesParser.Parse(reader, file.Name);
        if (payables.All(p => p.OrgNumber is null))
        {
            return [];
        }

        var debtors = new List<DebtorLedger>();
        await foreach (var debtor in ledger.ReadDebtorsAsync(creditorId, cancellationToken))
        {
            if (debtor.Debtor.OrgNumber is not null)
            {
                debtors.Add(debtor);
            }
        }

        var proposals = new List<SetOffProposal>();
        foreach (var candidate in SetOffRules.Find(debtors, payables, asOf))
        {
            var found = await cases.GetAsync(creditorId, candidate.DebtorId, cancellationToken);
            if (found is null)
            {
                continue;
            }

            proposals.Add(await StoreAsync(creditorId, found, candidate, file.Name, cancellationToken));
        }

        return proposals;
    }

    public async Task<IReadOnlyList<SetOffProposal>> ListAsync(string creditorId, CancellationToken cancellationToken = default)
    {
        var list = new List<SetOffProposal>();
        await foreach (var proposal in store.ListAsync(creditorId, cancellationToken))
        {
            list.Add(proposal);
        }

        return list;
    }

    /// <summary>Sends the declaration (once) and records the approval. Approving again changes nothing.</summary>
    public async Task<SetOffProposal> ApproveAsync(string creditorId, string proposalId, string actor, CancellationToken cancellationToken = default)
    {
        var proposal = await RowAsync(creditorId, proposalId, cancellationToken);
        if (proposal.State == SetOffStates.Rejected)
        {
            throw new ReceivablesException($"Set-off {proposalId} was rejected; it cannot be approved.");
        }

        var found = await cases.GetAsync(creditorId, proposal.DebtorId, cancellationToken)
            ?? throw new ReceivablesException($"No dunning case for debtor '{proposal.DebtorId}'.");
        var sent = await mail.SendAsync(found, Template, "setoff:" + proposalId, language => Extra(proposal, language), actor, cancellationToken)
            ?? throw new ReceivablesException($"The set-off declaration for {proposal.DebtorId} cannot be sent: the debtor has no email address in the ledger.");
        await archive.AppendAsync(new EvidenceItem(
            creditorId, proposal.DebtorId, found.CaseId, EvidenceKinds.Decision, "Set-off approved and declared", "application/json",
            JsonSerializer.SerializeToUtf8Bytes(new { proposal = proposalId, proposal.Amount, proposal.Currency, receivables = proposal.ReceivableInvoices, payables = proposal.PayableInvoices, conditions = proposal.Conditions.Split('\n'), messageId = sent.MessageId, actor }, Json.Indented),
            actor, "setoff-approved:" + proposalId, clock.Now,
            new Dictionary<string, string>
            {
                [EvidenceMetadata.Summary] = string.Create(CultureInfo.InvariantCulture, $"Set-off of {proposal.Amount:0.00} {proposal.Currency} declared"),
                [EvidenceMetadata.Amount] = proposal.Amount.ToString("0.00", CultureInfo.InvariantCulture),
                [EvidenceMetadata.Currency] = proposal.Currency,
                [EvidenceMetadata.InvoiceNumbers] = proposal.ReceivableInvoices,
            }), cancellationToken);

        if (proposal.State != SetOffStates.Approved)
        {
            await store.SetStateAsync(proposal, SetOffStates.Approved, new SetOffDecision(actor, clock.Now, sent.MessageId), cancellationToken);
        }

        if (proposal.TaskId is { } taskId && await tasks.GetAsync(creditorId, taskId, cancellationToken) is { IsOpen: true })
        {
            await tasks.CompleteAsync(creditorId, taskId, "approve", "set-off declared", cancellationToken);
        }

        logger.LogInformation("Set-off {ProposalId} for {CreditorId}/{DebtorId} approved by {Actor}", proposalId, creditorId, proposal.DebtorId, actor);
        return await RowAsync(creditorId, proposalId, cancellationToken);
    }

    /// <summary><c>tasks done &lt;id&gt; --outcome approve|reject</c> on an approve-set-off task.</summary>
    public async Task<string> ApplyAsync(WorkTask task, TaskOutcome outcome, CancellationToken cancellationToken)
    {
        var proposal = (await ListAsync(task.CreditorId, cancellationToken)).FirstOrDefault(p => p.TaskId == task.TaskId)
            ?? throw new ReceivablesException($"No set-off proposal belongs to task {task.TaskId}.");
        if (outcome.Outcome == "approve")
        {
            await ApproveAsync(task.CreditorId, proposal.ProposalId, outcome.Actor, cancellationToken);
            return "set-off declared to the debtor";
        }

        if (proposal.State == SetOffStates.Approved)
        {
            throw new ReceivablesException($"Set-off {proposal.ProposalId} was already declared; it cannot be rejected.");
        }

        await store.SetStateAsync(proposal, SetOffStates.Rejected, new SetOffDecision(outcome.Actor, clock.Now, null), cancellationToken);
        return "set-off rejected; nothing sent";
    }

    private async Task<SetOffProposal> StoreAsync(string creditorId, CaseView found, SetOffCandidate candidate, string sourceFile, CancellationToken cancellationToken)
    {
        var facts = string.Join("|", [creditorId, candidate.DebtorId, candidate.Currency,
            string.Join(",", candidate.Receivables.Select(i => string.Create(CultureInfo.InvariantCulture, $"{i.InvoiceNumber}:{i.OpenAmount:0.00}"))),
            string.Join(",", candidate.Payables.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.SupplierId}/{p.InvoiceNumber}:{p.OpenAmount:0.00}")))]);
        var id = "S" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(facts)))[..10].ToLowerInvariant();
        if (await store.GetAsync(creditorId, id, cancellationToken) is { } existing)
        {
            return existing;
        }

        var proposal = new SetOffProposal(creditorId, id, candidate.DebtorId, candidate.SupplierId, candidate.Currency, candidate.Amount,
            string.Join(",", candidate.Receivables.Select(i => i.InvoiceNumber)), string.Join(",", candidate.Payables.Select(p => p.InvoiceNumber)),
            string.Join("\n", candidate.Conditions), "", "", SetOffStates.Proposed, null, sourceFile);
        var document = await mail.DocumentAsync(found, Template, language => Extra(proposal, language), cancellationToken);
        var draft = document is null ? null : await renderer.RenderAsync(document with { Preview = true }, cancellationToken);
        var task = await tasks.OpenAsync(creditorId, TaskKinds.ApproveSetOff, candidate.DebtorId, found.CaseId,
            string.Create(CultureInfo.InvariantCulture, $"Approve set-off of {candidate.Amount:0.00} {candidate.Currency} with {candidate.DebtorName}"),
            $"Proposal {id} from {sourceFile}. Conditions checked: {string.Join("; ", candidate.Conditions)}. Review the drafted declaration with 'setoff list', then 'setoff approve {id}' (or tasks done <id> --outcome approve|reject).",
            "setoff:" + id, cancellationToken,
            new TaskFacts
            {
                Reason = TaskReasons.SetOffProposed,
                Reference = id,
                Amount = candidate.Amount,
                Currency = candidate.Currency,
                Invoices = [.. candidate.Receivables.Select(i => i.InvoiceNumber)],
                Grounds = ["payables:" + string.Join(",", candidate.Payables.Select(p => p.InvoiceNumber))],
            });
        var stored = proposal with
        {
            DraftSubject = draft?.Subject ?? "",
            DraftText = draft?.Text ?? "(no draft: the debtor has no email address in the ledger)",
            TaskId = task.TaskId,
        };
        var (added, created) = await store.AddAsync(stored, clock.Now, cancellationToken);
        if (created)
        {
            logger.LogInformation("Set-off {ProposalId} proposed for {CreditorId}/{DebtorId}: {Amount} {Currency}", id, creditorId, candidate.DebtorId, candidate.Amount, candidate.Currency);
        }

        return added;
    }

    /// <summary>
    /// The declaration's facts; the wording (and "du"/"dere") is the template's. <c>Message</c> keeps the whole sentence
    /// for uploaded templates written before the facts were separate.
    /// </summary>
    private static Dictionary<string, string> Extra(SetOffProposal p, string language)
    {
        var amount = Email.LetterFormat.Amount(p.Amount, p.Currency, language);
        var message = language == "en"
            ? $"our claim (invoice(s) {p.ReceivableInvoices}) is set off against what we owe (invoice(s) {p.PayableInvoices}) by {amount}. Both are reduced by that amount."
            : $"kravet vårt (faktura {p.ReceivableInvoices}) motregnes mot gjelden vår (faktura {p.PayableInvoices}) med {amount}. Begge reduseres med dette beløpet.";
        return new Dictionary<string, string>
        {
            ["Message"] = message,
            ["amount"] = string.Create(CultureInfo.InvariantCulture, $"{p.Amount:0.00} {p.Currency}"),
            ["Amount"] = amount,
            ["ReceivableInvoices"] = p.ReceivableInvoices,
            ["PayableInvoices"] = p.PayableInvoices,
        };
    }

    private async Task<SetOffProposal> RowAsync(string creditorId, string proposalId, CancellationToken cancellationToken) =>
        await store.GetAsync(creditorId, proposalId, cancellationToken)
        ?? throw new ReceivablesException($"No set-off proposal '{proposalId}' for creditor '{creditorId}'. See 'setoff list'.");
}
