using System.ComponentModel.DataAnnotations;

namespace Receivables.Ledger;

/// <summary>Settings of ledger ingestion, bound from <c>Receivables:Ledger</c> (<c>Receivables__Ledger__...</c>).</summary>
public sealed class LedgerOptions
{
    public const string Section = "Receivables:Ledger";

    /// <summary>
    /// CSV column profiles by name, added to (or overriding) the shipped <c>canonical</c> and <c>norwegian</c>. A file
    /// in a folder named after a profile (<c>ledger/&lt;creditor&gt;/&lt;profile&gt;/file.csv</c>) uses that profile;
    /// otherwise the profile whose columns match the header is used.
    /// </summary>
    public Dictionary<string, CsvProfile> Profiles { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Upload folders mapped to a profile name: <c>Receivables:Ledger:Folders:&lt;creditor&gt;/&lt;folder&gt; = profile</c>.</summary>
    public Dictionary<string, string> Folders { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Rows sorted in memory at a time before spilling to a temporary file (bounds memory at a million lines).</summary>
    [Range(1_000, 5_000_000)]
    public int SortChunkRows { get; init; } = 200_000;

    /// <summary>Folder for the sort's temporary files (default: the system temp folder).</summary>
    public string? TempPath { get; init; }

    /// <summary>How many errors (and warnings) a rejection report lists; the total count is always given.</summary>
    [Range(1, 100_000)]
    public int MaxReportedProblems { get; init; } = 200;
}
