using Receivables.Common;
using Receivables.Dunning;
using Receivables.Ledger;
using Receivables.Plans;

namespace Receivables.DebtorPage;

/// <summary>Everything one debtor's page shows; built from that debtor's case only.</summary>
public sealed record PageModel(
    string Language,
    string Token,
    CreditorOptions Creditor,
    string DebtorName,
    CaseView Case,
    ClaimStatement? Claim,
    IReadOnlyList<OpenInvoice> Invoices,
    bool HasLetter,
    DateOnly Today,
    DateOnly PromiseLatest,
    decimal MinInstallment,
    int MaxPlanMonths,
    PlanFrequency DefaultFrequency,
    Func<string, string> FormToken)
{
    /// <summary>The action just confirmed (after a form was sent), shown as a notice.</summary>
    public string? Done { get; init; }

    /// <summary>The form to show open, with its errors and the values typed, after a rejected post.</summary>
    public string? OpenForm { get; init; }

    public IReadOnlyList<string> Errors { get; init; } = [];

    /// <summary>The open invoices that came in as EHF, by number: the page offers a copy of the document itself and its attachments.</summary>
    public IReadOnlyDictionary<string, Ledger.Parsing.EhfDocument> Copies { get; init; } = new Dictionary<string, Ledger.Parsing.EhfDocument>();

    public IReadOnlyDictionary<string, string> Values { get; init; } = new Dictionary<string, string>();
}
