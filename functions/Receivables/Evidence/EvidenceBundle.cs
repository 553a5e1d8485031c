using System.IO.Compression;
using System.Text.Json;
using Receivables.Storage;

namespace Receivables.Evidence;

/// <summary>Checks a bundle offline: recomputes every chain from the files in the zip, against the manifest.</summary>
public static class EvidenceBundle
{
    public const string Format = "receivables-evidence-bundle/1";
    public const string ManifestName = "manifest.json";

    public static BundleReport Verify(Stream zipStream)
    {
        var problems = new List<ChainProblem>();
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(zipStream, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException e)
        {
            return new BundleReport([], [new("(bundle)", "the file is not a readable zip archive: " + e.Message)]);
        }

        using (zip)
        {
            var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            foreach (var file in zip.Entries.Where(f => !f.FullName.EndsWith('/')))
            {
                using var stream = file.Open();
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                files[file.FullName] = copy.ToArray();
            }

            BundleManifest? manifest = null;
            if (!files.TryGetValue(ManifestName, out var manifestBytes))
            {
                problems.Add(new(ManifestName, "manifest.json is missing: this is not an evidence bundle, or the manifest was removed."));
            }
            else
            {
                try
                {
                    manifest = JsonSerializer.Deserialize<BundleManifest>(manifestBytes, Json.Options);
                }
                catch (JsonException e)
                {
                    problems.Add(new(ManifestName, "manifest.json is not readable JSON (altered): " + e.Message));
                }
            }

            if (manifest is null)
            {
                return new BundleReport([], problems);
            }

            if (!files.TryGetValue("timeline.html", out var timeline))
            {
                problems.Add(new("timeline.html", "timeline.html is missing."));
            }
            else if (EvidenceChain.Sha256(timeline) != manifest.TimelineSha256)
            {
                problems.Add(new("timeline.html", $"timeline.html was altered: SHA-256 {EvidenceChain.Sha256(timeline)}, manifest says {manifest.TimelineSha256}."));
            }

            var reports = new List<ChainReport>();
            var known = new HashSet<string>(StringComparer.Ordinal) { ManifestName, "timeline.html", "README.txt" };
            foreach (var bundleCase in manifest.Cases)
            {
                var caseRef = new EvidenceCaseRef(manifest.CreditorId, manifest.DebtorId, bundleCase.CaseId);
                var prefix = "evidence/" + EvidenceChain.CasePrefix(caseRef);
                var itemsPrefix = "evidence/" + EvidenceChain.ItemsPrefix(caseRef);
                var inCase = files.Where(f => f.Key.StartsWith(prefix, StringComparison.Ordinal)).ToList();
                known.UnionWith(inCase.Select(f => f.Key));
                var entries = inCase.Where(f => !f.Key.StartsWith(itemsPrefix, StringComparison.Ordinal)).Select(f => (f.Key["evidence/".Length..], f.Value)).ToList();
                var items = inCase.Where(f => f.Key.StartsWith(itemsPrefix, StringComparison.Ordinal)).ToDictionary(f => f.Key["evidence/".Length..], f => f.Value, StringComparer.Ordinal);
                (long, string)? anchor = bundleCase.HeadSha256 is { } head ? (bundleCase.HeadSequence, head) : null;
                reports.Add(EvidenceChain.Verify(caseRef, entries, p => items.GetValueOrDefault(p), items.Keys, anchor));
            }

            foreach (var stray in files.Keys.Where(k => !known.Contains(k)).Order(StringComparer.Ordinal))
            {
                problems.Add(new(stray, $"{stray} is not part of any case in the manifest: it was added."));
            }

            return new BundleReport(reports, problems);
        }
    }

    public static string Readme(BundleManifest manifest) => $"""
        EVIDENCE BUNDLE - {manifest.CreditorName} ({manifest.CreditorId}), debtor {manifest.DebtorId}
        Exported {manifest.ExportedAt:yyyy-MM-dd HH:mm} UTC. Format {Format}.

        WHAT IS IN IT
          timeline.html   The case(s) in order: invoices, reminders with their deadlines, deliveries, replies,
                          agreements, payments, decisions, then the complete record. Open it in any web browser
                          (no network, no scripts needed) and print it, or save it as PDF, from the browser.
          evidence/<creditor>/<debtor>/<case>/items/   Every item exactly as archived: emails as sent (.eml, raw
                          MIME, open with an email program), provider requests and events (.json), replies as
                          received, ledger extracts and decisions.
          evidence/<creditor>/<debtor>/<case>/chain/   The append-only log: one JSON entry per item, numbered from 1.
                          Each entry holds the SHA-256 of its item ("itemSha256") and of the previous entry's file
                          ("previousEntrySha256"), so no item can be altered, removed or reordered unnoticed.
          manifest.json   Every file with its SHA-256 and size, and each case's head (last entry number and the
                          SHA-256 of that entry's file).

        HOW TO VERIFY
          1. With the Receivables command line:   receivables evidence verify <this-file.zip>
             It recomputes every hash and prints OK, or exactly which item or entry was altered, removed or
             reordered (exit code 0 = OK, 2 = a check failed).
          2. By hand, with any SHA-256 tool (sha256sum on Linux/macOS, "certutil -hashfile <file> SHA256" or
             "Get-FileHash" on Windows), after unzipping:
             a. For each chain entry 1, 2, 3, ...: the SHA-256 of the item file it names ("itemPath", under
                evidence/) must equal its "itemSha256", and the file's size its "itemSize".
             b. Entry 1 has "previousEntrySha256": null; every later entry's "previousEntrySha256" must equal the
                SHA-256 of the previous entry's file. Entry numbers run 1, 2, 3, ... without gaps, and each file's
                "sequence" matches its name.
             c. The SHA-256 of the last entry's file must equal "headSha256" in manifest.json. Compare that value
                with the one the creditor recorded at export (the export command prints it) or with the live
                archive: the head is what ties this copy to the original.
          In the creditor's Azure storage the items and entries are kept write-once (immutable storage with a
          time-based retention of {manifest.RetentionYears} years after the end of the financial year,
          bokføringsloven § 13), so the original cannot be changed either.

        PERSONAL DATA
          This bundle contains personal data of the debtor (name, email addresses, correspondence, amounts owed)
          kept as the record of a legal claim. Share it only with those who need it for the claim (court,
          bankruptcy estate, lawyer) and delete copies when the claim is settled.
        """.Replace("\r\n", "\n", StringComparison.Ordinal);
}
