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

/// <summary>A task on Today with the debtor's line and the outcomes its kind accepts.</summary>
public sealed record TodayItem(WorkTask Task, string CreditorName, PortfolioDebtor? Debtor, IReadOnlyList<string> Outcomes, int KindRank)
{
    /// <summary>For a call: the step of the last letter the debtor got and when (null: none sent yet).</summary>
    public LastLetter? LastLetter { get; init; }

    /// <summary>For a plan's approval: the drafted plan (null: not found).</summary>
    public RepaymentPlan? Plan { get; init; }
}
