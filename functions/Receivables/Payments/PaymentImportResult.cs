namespace Receivables.Payments;

public enum PaymentImportResult
{
    /// <summary>Read, matched and stored.</summary>
    Accepted,

    /// <summary>The same file (by content) was imported before: nothing counted twice.</summary>
    Duplicate,

    /// <summary>Refused as a whole; a report was written next to the file and nothing stored changed.</summary>
    Rejected,

    /// <summary>The blob was deleted or replaced before it was read.</summary>
    Skipped,
}
