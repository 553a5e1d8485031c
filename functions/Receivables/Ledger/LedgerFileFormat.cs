namespace Receivables.Ledger;

/// <summary>How one uploaded file is read: a description for reports and the row reader.</summary>
public sealed record LedgerFileFormat(string Description, Func<Stream, LedgerDiagnostics, IEnumerable<LedgerRow>> Read)
{
    /// <summary>
    /// For a file that adds documents to the ledger rather than replacing it (EHF): combines the latest snapshot's rows
    /// with the file's rows into the next snapshot's rows. Null: the file is the whole ledger.
    /// </summary>
    public Func<IEnumerable<LedgerRow>, IReadOnlyList<LedgerRow>, LedgerDiagnostics, IEnumerable<LedgerRow>>? AddToLatest { get; init; }

    /// <summary>
    /// For a file of documents (EHF): the ledger keys its parsed documents are kept under, to record the file as their
    /// source. Null: the file holds no documents of its own.
    /// </summary>
    public Func<IReadOnlyList<LedgerRow>, IEnumerable<string>>? DocumentKeys { get; init; }

    /// <summary>The file's own name of a canonical field (<see cref="CsvProfile.Fields"/>), so that reports name what the user sees.</summary>
    public Func<string, string> Column { get; init; } = field => field;
}
