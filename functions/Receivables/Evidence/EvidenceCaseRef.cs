namespace Receivables.Evidence;

/// <summary>A case in the archive: <c>creditor/debtor/case</c>.</summary>
public sealed record EvidenceCaseRef(string CreditorId, string DebtorId, string CaseId)
{
    public override string ToString() => $"{CreditorId}/{DebtorId}/{CaseId}";
}
