using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Receivables.Storage;

namespace Receivables.Ledger;

/// <summary>Settings of ledger ingestion, bound from <c>Receivables:Ledger</c> (<c>Receivables__Ledger__...</c>).</summary>
public sealed class LedgerOptions : IValidatableObject
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

    /// <summary>
    /// Longest customer id and invoice number (they become table keys, blob names and evidence folders, which hold at
    /// most <see cref="StorageIds.MaxLength"/> characters).
    /// </summary>
    [Range(1, StorageIds.MaxLength)]
    public int MaxIdLength { get; init; } = 100;

    /// <summary>Longest customer name (it heads letters and the case row).</summary>
    [Range(1, 10_000)]
    public int MaxNameLength { get; init; } = 200;

    /// <summary>Longest email address (RFC 5321 allows 254).</summary>
    [Range(6, 320)]
    public int MaxEmailLength { get; init; } = 254;

    /// <summary>Longest organisation number (Norwegian ones have 9 digits; foreign VAT ids are longer).</summary>
    [Range(9, 100)]
    public int MaxOrgNumberLength { get; init; } = 32;

    /// <summary>Longest phone number.</summary>
    [Range(8, 100)]
    public int MaxPhoneLength { get; init; } = 32;

    /// <summary>
    /// The largest amount (and open amount) one invoice or credit note may have, in its currency: anything above is an
    /// export error, and totals of a ledger can never overflow.
    /// </summary>
    public decimal MaxAmount { get; init; } = 1_000_000_000m;

    /// <summary>The earliest invoice or due date a ledger may state (yyyy-MM-dd): older dates are export errors.</summary>
    public DateOnly EarliestDate { get; init; } = new(1990, 1, 1);

    /// <summary>The latest invoice or due date a ledger may state (yyyy-MM-dd).</summary>
    public DateOnly LatestDate { get; init; } = new(2100, 12, 31);

    /// <summary>
    /// The first day a late-payment rate is configured for (the earliest <c>Receivables:Dunning:Rates</c> row, set at
    /// start): an open invoice due before it imports with a warning, since its interest cannot be computed. Null: not checked.
    /// </summary>
    public DateOnly? InterestRatesFrom { get; set; }

    /// <summary>Deepest XML nesting a SAF-T file may have (real files nest less than 15 levels).</summary>
    [Range(10, 1_000)]
    public int MaxXmlDepth { get; init; } = 64;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxAmount is < 1m or > 1_000_000_000_000m)
        {
            yield return new ValidationResult(string.Create(CultureInfo.InvariantCulture, $"{Section}:MaxAmount must be between 1 and 1000000000000 (one invoice's amount); it is {MaxAmount}."), [nameof(MaxAmount)]);
        }

        if (EarliestDate.Year < 1900 || LatestDate.Year > 9000 || EarliestDate >= LatestDate)
        {
            yield return new ValidationResult($"{Section}:EarliestDate ({EarliestDate:yyyy-MM-dd}) must lie before {Section}:LatestDate ({LatestDate:yyyy-MM-dd}), both between the years 1900 and 9000.", [nameof(EarliestDate), nameof(LatestDate)]);
        }
    }
}
