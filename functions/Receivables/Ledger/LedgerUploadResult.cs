namespace Receivables.Ledger;

public enum LedgerUploadResult
{
    /// <summary>Became the creditor's latest snapshot.</summary>
    Accepted,

    /// <summary>The same content as the latest snapshot: nothing changed.</summary>
    Unchanged,

    /// <summary>Refused as a whole; a report was written next to the file.</summary>
    Rejected,

    /// <summary>The blob was deleted or replaced before it was read; the newer version is handled on its own.</summary>
    Skipped,
}
