namespace Receivables.Payments;

/// <summary>What storage already knows about a transaction this import wants to count.</summary>
public enum ClaimResult
{
    /// <summary>First seen: this import counts it.</summary>
    New,

    /// <summary>Counted before from another file (same bank reference): not counted again.</summary>
    Duplicate,

    /// <summary>Counted and decided by an earlier try of this same file (a retried import): left as it is.</summary>
    AlreadyDone,
}
