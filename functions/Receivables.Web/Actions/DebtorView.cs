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

/// <summary>Everything the debtor page shows.</summary>
public sealed record DebtorView(
    string CreditorId,
    string CreditorName,
    Debtor Debtor,
    PortfolioDebtor? Row,
    IReadOnlyList<OpenInvoice> Invoices,
    ClaimStatement? Claim,
    DunningCase? Case,
    IReadOnlyList<WorkTask> Tasks,
    IReadOnlyList<RepaymentPlan> Plans,
    IReadOnlyList<ArchivedEntry> Timeline);
