namespace Receivables.SetOff;

public static class SetOffStates
{
    public const string Proposed = "proposed";
    public const string Approved = "approved";
    public const string Rejected = "rejected";
}
