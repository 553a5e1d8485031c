using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Receivables.Common;
using Receivables.Storage;

namespace Receivables.Evidence;

/// <summary>
/// The hash chain, free of storage: where entries and items lie, how an entry is written, and how a chain is checked.
/// Layout of a case (the same in the blob container and in an export bundle):
/// <c>&lt;creditor&gt;/&lt;debtor&gt;/&lt;case&gt;/chain/0000000001.json</c> and <c>.../items/&lt;key-hash&gt;-&lt;sha&gt;.&lt;ext&gt;</c>.
/// </summary>
public static class EvidenceChain
{
    public const string Format = "receivables-evidence-entry/1";

    private const string ChainFolder = "chain/";
    private const string ItemsFolder = "items/";

    public static string CasePrefix(EvidenceCaseRef c) => $"{c.CreditorId}/{c.DebtorId}/{c.CaseId}/";

    public static string ChainPrefix(EvidenceCaseRef c) => CasePrefix(c) + ChainFolder;

    public static string ItemsPrefix(EvidenceCaseRef c) => CasePrefix(c) + ItemsFolder;

    public static string EntryPath(EvidenceCaseRef c, long sequence) => ChainPrefix(c) + sequence.ToString("D10", CultureInfo.InvariantCulture) + ".json";

    public static string ItemPath(EvidenceCaseRef c, string idempotencyKey, string sha256, string contentType) =>
        ItemsPrefix(c) + Sha256(Encoding.UTF8.GetBytes(idempotencyKey))[..16] + "-" + sha256[..16] + Extension(contentType);

    /// <summary>The sequence number in an entry's file name, or null when the name is not an entry's.</summary>
    public static long? SequenceOf(string entryPath)
    {
        var slash = entryPath.LastIndexOf('/');
        var name = entryPath[(slash + 1)..];
        return name.EndsWith(".json", StringComparison.Ordinal)
            && long.TryParse(name[..^5], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            ? sequence
            : null;
    }

    /// <summary>Parses <c>creditor/debtor/case</c> from a path inside the archive, or null.</summary>
    public static EvidenceCaseRef? CaseOf(string path)
    {
        var parts = path.Split('/');
        return parts.Length >= 4 ? new EvidenceCaseRef(parts[0], parts[1], parts[2]) : null;
    }

    public static string Sha256(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>Indented JSON with letters and markup characters as they are, so that a person can read the files.</summary>
    public static readonly JsonSerializerOptions FileJson = new(Json.Indented) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Serialize(EvidenceEntry entry) => JsonSerializer.SerializeToUtf8Bytes(entry, FileJson);

    public static EvidenceEntry? TryParse(byte[] bytes)
    {
        try
        {
            var entry = JsonSerializer.Deserialize<EvidenceEntry>(bytes, Json.Options);
            return entry is { Format: Format, ItemPath.Length: > 0, ItemSha256.Length: 64 } ? entry : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Rejects ids that cannot name a folder of the archive (and a table key of its head record).</summary>
    public static void ValidateId(string value, string name)
    {
        if (StorageIds.Problem(value) is { } problem)
        {
            throw new ReceivablesException($"Evidence {name} '{value}' cannot name an archive folder ({problem}): it must be non-empty, at most {StorageIds.MaxLength} characters, without {StorageIds.ForbiddenText}.");
        }
    }

    public static void Validate(EvidenceCaseRef c)
    {
        ValidateId(c.CreditorId, "creditor id");
        ValidateId(c.DebtorId, "debtor id");
        ValidateId(c.CaseId, "case id");
    }

    /// <summary>
    /// Recomputes a case's chain: every entry's place and link, every item's SHA-256 and size, and (when given) the
    /// anchor — the sequence and entry hash recorded outside the chain (the head record, or a bundle's manifest).
    /// </summary>
    /// <param name="entries">The entry files as found (path and bytes), any order.</param>
    /// <param name="readItem">The bytes of an item by path, or null when it is absent.</param>
    /// <param name="itemPaths">Every item file present under the case's items folder.</param>
    /// <param name="anchor">Sequence and SHA-256 of the last entry recorded elsewhere, when there is such a record.</param>
    public static ChainReport Verify(
        EvidenceCaseRef caseRef,
        IReadOnlyList<(string Path, byte[] Bytes)> entries,
        Func<string, byte[]?> readItem,
        IReadOnlyCollection<string> itemPaths,
        (long Sequence, string Sha256)? anchor)
    {
        var problems = new List<ChainProblem>();
        var notes = new List<string>();
        var ordered = entries
            .Select(e => (e.Path, e.Bytes, Sequence: SequenceOf(e.Path)))
            .OrderBy(e => e.Sequence ?? long.MaxValue)
            .ThenBy(e => e.Path, StringComparer.Ordinal)
            .ToList();
        var referenced = new HashSet<string>(StringComparer.Ordinal);
        string? previousSha = null;
        long expected = 1;
        var hashes = new Dictionary<long, string>();

        foreach (var (path, bytes, sequence) in ordered)
        {
            var sha = Sha256(bytes);
            if (sequence is not { } seq)
            {
                problems.Add(new(path, $"{path} is not a chain entry name (expected chain/NNNNNNNNNN.json): a file was added or renamed."));
                continue;
            }

            hashes[seq] = sha;
            var gap = seq != expected;
            if (gap)
            {
                problems.Add(seq > expected
                    ? new(EntryPath(caseRef, expected), $"entry {expected} ({EntryPath(caseRef, expected)}) is missing: the chain jumps from {expected - 1} to {seq}; {seq - expected} entr{(seq - expected == 1 ? "y was" : "ies were")} removed.")
                    : new(path, $"entry {seq} ({path}) appears twice."));
                expected = seq;
            }

            var entry = TryParse(bytes);
            if (entry is null)
            {
                problems.Add(new(path, $"entry {seq} ({path}) is not a readable chain entry: it was altered (SHA-256 now {sha})."));
            }
            else
            {
                var label = $"entry {seq} ({entry.Kind} \"{entry.Title}\", {path})";
                if (entry.Sequence != seq)
                {
                    problems.Add(new(path, $"{label} says it is entry {entry.Sequence}: entries were reordered (swapped or renamed)."));
                }

                if (entry.CreditorId != caseRef.CreditorId || entry.DebtorId != caseRef.DebtorId || entry.CaseId != caseRef.CaseId)
                {
                    problems.Add(new(path, $"{label} belongs to case {entry.CreditorId}/{entry.DebtorId}/{entry.CaseId}, not {caseRef}: it was moved here."));
                }

                if (!gap && !string.Equals(entry.PreviousEntrySha256, previousSha, StringComparison.Ordinal))
                {
                    var previous = EntryPath(caseRef, seq - 1);
                    problems.Add(new(path, seq == 1 || previousSha is null
                        ? $"{label} links to a previous entry ({entry.PreviousEntrySha256 ?? "none"}) that is not in the chain: entries before it were removed or reordered."
                        : $"link from {label} to entry {seq - 1} ({previous}) is broken: entry {seq - 1} was altered, or entries were reordered (expected SHA-256 {entry.PreviousEntrySha256}, found {previousSha})."));
                }

                referenced.Add(entry.ItemPath);
                var item = readItem(entry.ItemPath);
                if (item is null)
                {
                    problems.Add(new(entry.ItemPath, $"item {entry.ItemPath} of {label} is missing: it was removed."));
                }
                else
                {
                    var itemSha = Sha256(item);
                    if (!string.Equals(itemSha, entry.ItemSha256, StringComparison.Ordinal) || item.LongLength != entry.ItemSize)
                    {
                        problems.Add(new(entry.ItemPath, $"item {entry.ItemPath} of {label} was altered: SHA-256 {itemSha} ({item.LongLength} bytes), archived as {entry.ItemSha256} ({entry.ItemSize} bytes)."));
                    }
                }
            }

            previousSha = sha;
            expected = seq + 1;
        }

        foreach (var stray in itemPaths.Where(p => !referenced.Contains(p)).Order(StringComparer.Ordinal))
        {
            problems.Add(new(stray, $"item {stray} is in no chain entry: its entry was removed, or the file was added."));
        }

        var last = ordered.Count == 0 ? 0 : ordered.Max(e => e.Sequence ?? 0);
        if (anchor is { } head)
        {
            if (head.Sequence > last)
            {
                problems.Add(new(EntryPath(caseRef, head.Sequence), $"the chain ends at entry {last} but the head record says {head.Sequence}: entries {last + 1}..{head.Sequence} were removed."));
            }
            else if (!hashes.TryGetValue(head.Sequence, out var found) || !string.Equals(found, head.Sha256, StringComparison.Ordinal))
            {
                problems.Add(new(EntryPath(caseRef, head.Sequence), $"entry {head.Sequence} ({EntryPath(caseRef, head.Sequence)}) differs from the head record (SHA-256 {found ?? "none"}, recorded {head.Sha256}): it was altered."));
            }
            else if (head.Sequence < last)
            {
                notes.Add($"head record is at entry {head.Sequence} of {last} (an append was interrupted before updating it); the entries after it are checked by their links only.");
            }
        }
        else if (last > 0)
        {
            notes.Add("no head record: the last entry is checked by its item hash only.");
        }

        return new ChainReport(caseRef, ordered.Count, previousSha, problems, notes);
    }

    private static string Extension(string contentType)
    {
        var type = contentType.Split(';')[0].Trim().ToLowerInvariant();
        return type switch
        {
            "message/rfc822" => ".eml",
            "application/json" => ".json",
            "text/html" => ".html",
            "text/plain" => ".txt",
            "text/csv" => ".csv",
            "application/xml" or "text/xml" => ".xml",
            "application/pdf" => ".pdf",
            "multipart/form-data" => ".multipart",
            _ => ".bin",
        };
    }
}
