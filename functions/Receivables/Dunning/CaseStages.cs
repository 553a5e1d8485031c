namespace Receivables.Dunning;

/// <summary>The ladder stage a case has reached.</summary>
public static class CaseStages
{
    public const string Current = "current";
    public const string Friendly = "friendly-reminder";
    public const string Reminder = "reminder";
    public const string CollectionNotice = "collection-notice";
    public const string Manual = "manual";
    public const string Closed = "closed";
}
