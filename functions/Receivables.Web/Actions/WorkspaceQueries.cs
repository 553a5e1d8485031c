using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using MimeKit;
using Receivables.Actions;
using Receivables.Common;
using Receivables.Dunning;
using Receivables.Evidence;
using Receivables.Ledger;
using Receivables.Plans;
using Receivables.Portfolio;

namespace Receivables.Web.Actions;

/// <summary>What the pages read. Lists and the overview come from the portfolio index; one debtor is read live.</summary>
public sealed class WorkspaceQueries(
    PortfolioReader portfolio,
    ITaskStore tasks,
    TaskOutcomes outcomes,
    ILedgerReader ledger,
    ICaseStore cases,
    IClaimStatements claims,
    IPlanStore plans,
    IEvidenceReader evidence,
    DunningStatusReader dunningStatus,
    ICreditorDirectory creditors,
    Receivables.Creditors.CreditorRegistry registry,
    ICycleProgressStore cycles,
    IOptions<DunningOptions> dunning,
    IOptions<ReceivablesOptions> receivables,
    BusinessClock clock)
{
    private static readonly ConditionalWeakTable<PortfolioIndex, Dictionary<string, PortfolioDebtor>> Lookups = new();

    /// <summary>Every active creditor: app settings and the creditor registry (<c>creditors add</c>), by id.</summary>
    public async Task<IReadOnlyList<(string Id, string Name)>> CreditorsAsync(CancellationToken cancellationToken) =>
        [.. (await creditors.ActiveAsync(cancellationToken)).Values.OrderBy(c => c.Id, StringComparer.Ordinal).Select(c => (c.Id, c.Profile.Name))];

    /// <summary>
    /// Every creditor, active (settings and registry) and retired, by id, each with its latest daily cycle (the plan and
    /// its shards' progress: two reads per creditor).
    /// </summary>
    public async Task<IReadOnlyList<CreditorRow>> CreditorRowsAsync(CancellationToken cancellationToken)
    {
        var rows = new List<CreditorRow>();
        foreach (var creditor in await registry.ListAsync(cancellationToken))
        {
            var latest = await cycles.GetLatestAsync(creditor.Id, cancellationToken) is { } l ? await cycles.GetAsync(creditor.Id, l.Date, l.Run, cancellationToken) : null;
            rows.Add(new CreditorRow(creditor, latest));
        }

        return rows;
    }

    /// <summary>The dunning policies a creditor may be given (configured in <c>Receivables:Dunning:Policies</c>).</summary>
    public IReadOnlyList<string> PolicyNames => [.. dunning.Value.Policies.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The creditor asked for when it is active, else the first.</summary>
    public static string CreditorOrFirst(IReadOnlyList<(string Id, string Name)> all, string? creditorId) =>
        all.Any(c => c.Id == creditorId) ? creditorId! : all.Count > 0 ? all[0].Id : throw new ReceivablesException("No creditor is configured (Receivables:Creditors) or registered (creditors add).");

    /// <summary>An active creditor's profile, or null.</summary>
    public async Task<CreditorOptions?> CreditorAsync(string creditorId, CancellationToken cancellationToken) =>
        (await creditors.FindAsync(creditorId, cancellationToken))?.Profile;

    public DateOnly Today => clock.Today;

    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(receivables.Value.TimeZone);

    /// <summary>The outcomes a task's kind declares (what <c>tasks done</c> accepts); empty when the feature that opened it closes it.</summary>
    public IReadOnlyList<string> OutcomesOf(string kind) => outcomes.OutcomesOf(kind);

    /// <summary>Tasks on one page of Today.</summary>
    public const int TodayPageSize = 30;

    /// <summary>
    /// The open tasks of every creditor, most urgent first as <c>tasks list</c> orders them (<see cref="TaskUrgency"/>):
    /// priority (high, normal, low), then the date the task is due, then the kind (money and promises before
    /// housekeeping), then the largest amount. Read from the Today index: the count per creditor and the rows up to the
    /// page shown, then only the page's tasks, their debtors' lines, (for a call) its last letter (one case read) and
    /// (for a plan's approval) the plan.
    /// </summary>
    public async Task<TodayPage> TodayAsync(int page, CancellationToken cancellationToken)
    {
        var creditorList = await CreditorsAsync(cancellationToken);
        var ids = creditorList.Select(c => c.Id).ToList();
        var total = (await Task.WhenAll(ids.Select(id => tasks.CountOpenAsync(id, cancellationToken)))).Sum();
        var pages = Math.Max(1, (total + TodayPageSize - 1) / TodayPageSize);
        page = Math.Clamp(page, 1, pages);
        var open = await tasks.MostUrgentAsync(ids, (page - 1) * TodayPageSize, TodayPageSize, cancellationToken);
        var names = creditorList.ToDictionary(c => c.Id, c => c.Name, StringComparer.Ordinal);
        var lookups = new Dictionary<string, Dictionary<string, PortfolioDebtor>>(StringComparer.Ordinal);
        foreach (var id in open.Select(t => t.CreditorId).Distinct(StringComparer.Ordinal))
        {
            lookups[id] = Lookup(await portfolio.GetAsync(id, cancellationToken));
        }

        var shown = await Task.WhenAll(open.Select(async task =>
        {
            var item = new TodayItem(task, names[task.CreditorId], task.DebtorId is null ? null : lookups[task.CreditorId].GetValueOrDefault(task.DebtorId), OutcomesOf(task.Kind), TaskUrgency.KindRank(task.Kind));
            if (task is { Kind: TaskKinds.CallDebtor, DebtorId: { } debtorId }
                && await cases.GetAsync(task.CreditorId, debtorId, cancellationToken) is { } found
                && found.Invoices.Values.Max(p => p.LastSent) is { } sent)
            {
                // The case's stage is the ladder step its last letter took.
                item = item with { LastLetter = new LastLetter(PortfolioStages.Of(found.Stage, null), sent) };
            }

            if (Text.TaskWords.PlanId(task) is { } planId)
            {
                // The plan an approval is about, so that its details are worded from the plan.
                item = item with { Plan = await plans.GetAsync(task.CreditorId, planId, cancellationToken) };
            }

            return item;
        }));

        return new TodayPage(shown, total, page, pages);
    }

    public Task<PortfolioIndex> PortfolioAsync(string creditorId, CancellationToken cancellationToken) => portfolio.GetAsync(creditorId, cancellationToken);

    public Task<(bool Stale, string? Reason)> StalenessAsync(string creditorId, CancellationToken cancellationToken) =>
        dunningStatus.StalenessAsync(creditorId, clock.Today, cancellationToken);

    /// <summary>Search by name, number, organisation number, email or invoice; filter by stage; sort; page of 25.</summary>
    public async Task<DebtorListPage> DebtorsAsync(string creditorId, string? query, string? stage, string? sort, int page, CancellationToken cancellationToken)
    {
        const int size = 25;
        var index = await portfolio.GetAsync(creditorId, cancellationToken);
        IEnumerable<PortfolioDebtor> rows = index.Debtors;
        if (!string.IsNullOrWhiteSpace(stage))
        {
            rows = rows.Where(d => d.Stage == stage);
        }

        if (!string.IsNullOrWhiteSpace(query))
        {
            var q = query.Trim();
            var digits = new string(q.Where(char.IsDigit).ToArray());
            rows = rows.Where(d =>
                d.Name.Contains(q, StringComparison.OrdinalIgnoreCase)
                || d.Id.Equals(q, StringComparison.OrdinalIgnoreCase)
                || (d.Email?.Contains(q, StringComparison.OrdinalIgnoreCase) ?? false)
                || (digits.Length >= 6 && (d.OrgNumber?.Replace(" ", "", StringComparison.Ordinal).Contains(digits, StringComparison.Ordinal) ?? false))
                || (' ' + d.InvoiceNumbers + ' ').Contains(' ' + q + ' ', StringComparison.OrdinalIgnoreCase));
        }

        rows = sort switch
        {
            "age" => rows.OrderByDescending(d => d.DaysOverdue).ThenByDescending(d => d.Overdue),
            "name" => rows.OrderBy(d => d.Name, StringComparer.CurrentCultureIgnoreCase),
            "open" => rows.OrderByDescending(d => d.Open),
            _ => rows, // the index is sorted by overdue amount
        };
        var all = rows.ToList();
        var pages = Math.Max(1, (all.Count + size - 1) / size);
        page = Math.Clamp(page, 1, pages);
        return new DebtorListPage(all.Skip((page - 1) * size).Take(size).ToList(), all.Count, page, pages);
    }

    public async Task<DebtorView?> DebtorAsync(string creditorId, string debtorId, CancellationToken cancellationToken)
    {
        if (await CreditorAsync(creditorId, cancellationToken) is not { } creditor)
        {
            return null;
        }

        var lines = await ledger.GetDebtorAsync(creditorId, debtorId, cancellationToken);
        var dunningCase = await cases.GetAsync(creditorId, debtorId, cancellationToken);
        if (lines is null && dunningCase is null)
        {
            return null;
        }

        var debtor = lines?.Debtor ?? new Debtor(creditorId, debtorId, dunningCase!.DebtorName, dunningCase.DebtorEmail, dunningCase.IsBusiness ? CustomerType.Business : CustomerType.Consumer, null);
        var claim = await claims.GetAsync(creditorId, debtorId, clock.Today, cancellationToken);
        var debtorTasks = new List<WorkTask>();
        await foreach (var task in tasks.ListAsync(creditorId, openOnly: false, cancellationToken, debtorId))
        {
            debtorTasks.Add(task);
        }

        var debtorPlans = new List<RepaymentPlan>();
        await foreach (var plan in plans.ListAsync(creditorId, debtorId, cancellationToken))
        {
            debtorPlans.Add(plan);
        }

        var timeline = new List<ArchivedEntry>();
        foreach (var caseRef in await evidence.ListCasesAsync(creditorId, debtorId, cancellationToken))
        {
            timeline.AddRange(await evidence.ReadCaseAsync(caseRef, cancellationToken));
        }

        var index = await portfolio.GetAsync(creditorId, cancellationToken);
        return new DebtorView(
            creditorId, creditor.Name, debtor, Lookup(index).GetValueOrDefault(debtorId), lines?.Invoices ?? [], claim, dunningCase,
            [.. debtorTasks.OrderByDescending(t => t.CreatedAt)], debtorPlans,
            [.. timeline.OrderByDescending(e => e.Entry.OccurredAt).ThenByDescending(e => e.Entry.Sequence)]);
    }

    /// <summary>An archived outbound message of the debtor, parsed from the stored .eml (null when it is not one of theirs).</summary>
    public async Task<ArchivedLetter?> LetterAsync(string creditorId, string debtorId, long sequence, CancellationToken cancellationToken)
    {
        foreach (var caseRef in await evidence.ListCasesAsync(creditorId, debtorId, cancellationToken))
        {
            var entry = (await evidence.ReadCaseAsync(caseRef, cancellationToken)).FirstOrDefault(e => e.Entry.Sequence == sequence && e.Entry.ContentType == "message/rfc822");
            if (entry is null)
            {
                continue;
            }

            var bytes = await evidence.ReadItemAsync(entry.Entry.ItemPath, cancellationToken);
            using var stream = new MemoryStream(bytes);
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            return new ArchivedLetter(
                message.Subject ?? "", message.From.ToString(), message.To.ToString(), message.Date,
                message.TextBody ?? "", message.HtmlBody, [.. message.Attachments.Select(a => a.ContentDisposition?.FileName ?? a.ContentType.Name ?? "attachment")]);
        }

        return null;
    }

    public async Task<IReadOnlyList<RepaymentPlan>> PlansAsync(CancellationToken cancellationToken)
    {
        var list = new List<RepaymentPlan>();
        foreach (var (id, _) in await CreditorsAsync(cancellationToken))
        {
            await foreach (var plan in plans.ListAsync(id, null, cancellationToken))
            {
                list.Add(plan);
            }
        }

        return [.. list.OrderBy(p => p.Status).ThenByDescending(p => p.CreatedAt)];
    }

    public Task<RepaymentPlan?> PlanAsync(string creditorId, string planId, CancellationToken cancellationToken) =>
        plans.GetAsync(creditorId, planId, cancellationToken);

    private static Dictionary<string, PortfolioDebtor> Lookup(PortfolioIndex index) =>
        Lookups.GetValue(index, i => i.Debtors.ToDictionary(d => d.Id, StringComparer.Ordinal));
}
