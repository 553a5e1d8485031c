namespace Receivables.Disputes;

/// <summary>How a person resolves a dispute (<c>tasks done &lt;review-dispute task&gt; --outcome ...</c>).</summary>
public static class DisputeOutcomes
{
    /// <summary>The debtor is right: the disputed invoices are credited in full; they stay held until the ledger shows the credit note.</summary>
    public const string Upheld = "upheld";

    /// <summary>The claim stands: a written answer with the reason (<c>--note</c>) and a new deadline; then the ladder resumes where it stood.</summary>
    public const string Rejected = "rejected";

    /// <summary>Partly right: <c>--amount</c> is credited, the rest is due by the new deadline.</summary>
    public const string Partly = "partly";

    public static readonly IReadOnlyList<string> All = [Upheld, Rejected, Partly];

    /// <summary>The outcome of a <see cref="Actions.TaskKinds.BookCreditNote"/> task a person closes: release the hold without waiting for the ledger.</summary>
    public const string Release = "release";

    /// <summary>Days from the decision to the new deadline when <c>--date</c> is not given (rolled to a business day).</summary>
    public const int DefaultDeadlineDays = 14;
}
