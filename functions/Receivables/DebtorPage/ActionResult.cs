namespace Receivables.DebtorPage;

/// <summary>What a posted form led to: the action done (redirect to its notice) or the page again with errors.</summary>
public sealed record ActionResult(string? Done, string? Page);
