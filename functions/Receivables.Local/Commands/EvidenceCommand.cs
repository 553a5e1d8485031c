using System.CommandLine;
using Microsoft.Extensions.Options;
using Receivables.Common;
using Receivables.Evidence;

namespace Receivables.Local.Commands;

/// <summary><c>evidence export</c>, <c>evidence verify</c> and <c>evidence list</c>: the tamper-evident archive of a claim.</summary>
internal static class EvidenceCommand
{
    /// <summary>Exit code when a hash check fails (1 stays for usage and configuration errors).</summary>
    public const int VerificationFailed = 2;

    public static Command Build()
    {
        var command = new Command("evidence", "The tamper-evident archive of everything sent, received and decided: export a bundle for court, verify it.");
        var creditor = new Option<string?>("--creditor") { Description = "The creditor id (needed only when more than one is configured)." };

        var target = new Argument<string>("debtor-or-case") { Description = "debtor, debtor/case, creditor/debtor or creditor/debtor/case (a first part that is a configured creditor id names the creditor)." };
        var output = new Option<string>("--out") { Description = "The zip file to write.", Required = true };
        var export = new Command("export", "Write a self-contained bundle (items, chain, manifest, printable timeline, README) of a debtor or one case.") { target, output, creditor };
        export.SetAction((parse, ct) => Cli.WithHost(parse, async (host, token) =>
        {
            var (creditorId, debtorId, caseId) = Resolve(await CreditorChoice.ActiveIdsAsync(host, token), parse.GetValue(creditor), parse.GetValue(target)!);
            var path = Path.GetFullPath(parse.GetValue(output)!);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temporary = path + ".partial";
            ExportResult result;
            await using (var file = File.Create(temporary))
            {
                result = await host.Get<EvidenceExporter>().ExportAsync(creditorId, debtorId, caseId, file, token);
            }

            File.Move(temporary, path, overwrite: true);
            Console.WriteLine($"Exported {result.Cases} case(s), {result.Items} item(s) of {creditorId}/{debtorId} to {path}");
            foreach (var report in result.Reports)
            {
                Console.WriteLine($"  case {report.Case.CaseId}: {report.Entries} entries, head SHA-256 {report.HeadSha256} {(report.Ok ? "(verified)" : "(VERIFICATION FAILED)")}");
                PrintProblems(report);
            }

            Console.WriteLine("Open timeline.html from the zip in a browser to read or print the case; README.txt explains how to verify.");
            return result.Reports.All(r => r.Ok) ? 0 : VerificationFailed;
        }, ct));

        var bundle = new Argument<string?>("bundle.zip") { Description = "An exported bundle to check offline.", Arity = ArgumentArity.ZeroOrOne };
        var caseOption = new Option<string?>("--case") { Description = "Check one case in the live archive: creditor/debtor/case (or debtor/case with one creditor)." };
        var debtorOption = new Option<string?>("--debtor") { Description = "Check every case of a debtor in the live archive: creditor/debtor (or debtor with one creditor)." };
        var verify = new Command("verify", "Recompute every hash of a bundle or of the live archive; prints OK or exactly what was altered, removed or reordered (exit 2).") { bundle, caseOption, debtorOption, creditor };
        verify.SetAction(async (parse, ct) =>
        {
            var file = parse.GetValue(bundle);
            var caseTarget = parse.GetValue(caseOption);
            var debtorTarget = parse.GetValue(debtorOption);
            if ((file is null ? 0 : 1) + (caseTarget is null ? 0 : 1) + (debtorTarget is null ? 0 : 1) != 1)
            {
                await Console.Error.WriteLineAsync("error: give exactly one of: a bundle file, --case creditor/debtor/case, --debtor creditor/debtor.");
                return 1;
            }

            if (file is not null)
            {
                return VerifyBundle(file);
            }

            return await Cli.WithHost(parse, async (host, token) =>
            {
                var known = await CreditorChoice.ActiveIdsAsync(host, token);
                var archive = host.Get<IEvidenceReader>();
                IReadOnlyList<EvidenceCaseRef> cases;
                if (caseTarget is not null)
                {
                    var (c, d, k) = Resolve(known, parse.GetValue(creditor), caseTarget);
                    cases = [new EvidenceCaseRef(c, d, k ?? throw new ReceivablesException($"--case '{caseTarget}' names no case: use creditor/debtor/case."))];
                }
                else
                {
                    var (c, d, k) = Resolve(known, parse.GetValue(creditor), debtorTarget!);
                    cases = k is null ? await archive.ListCasesAsync(c, d, token) : [new EvidenceCaseRef(c, d, k)];
                }

                if (cases.Count == 0)
                {
                    throw new ReceivablesException($"The evidence archive holds no case for '{caseTarget ?? debtorTarget}'.");
                }

                var failed = 0;
                foreach (var caseRef in cases)
                {
                    var report = await archive.VerifyCaseAsync(caseRef, token);
                    if (report.Entries == 0 && report.Ok)
                    {
                        throw new ReceivablesException($"The evidence archive holds no case {caseRef}.");
                    }

                    failed += report.Ok ? 0 : 1;
                    PrintReport(report);
                }

                Console.WriteLine(failed == 0 ? $"OK: {cases.Count} case(s) verified." : $"FAILED: {failed} of {cases.Count} case(s) did not verify.");
                return failed == 0 ? 0 : VerificationFailed;
            }, ct);
        });

        var listDebtor = new Option<string?>("--debtor") { Description = "Only this debtor's cases." };
        var list = new Command("list", "List the archived cases with their number of items.") { creditor, listDebtor };
        list.SetAction((parse, ct) => Cli.WithHost(parse, async (host, token) =>
        {
            var archive = host.Get<IEvidenceReader>();
            var creditors = parse.GetValue(creditor) is { } only ? [only] : await CreditorChoice.ActiveIdsAsync(host, token);
            foreach (var creditorId in creditors)
            {
                var counts = await archive.CountAsync(creditorId, parse.GetValue(listDebtor), token);
                Console.WriteLine($"{creditorId}: {counts.Cases} case(s), {counts.Items} item(s) {string.Join(", ", counts.ItemsByKind.Select(k => $"{k.Key} {k.Value}"))}");
                foreach (var caseRef in await archive.ListCasesAsync(creditorId, parse.GetValue(listDebtor), token))
                {
                    var entries = await archive.ReadCaseAsync(caseRef, token);
                    var name = (await host.Get<Receivables.Ledger.ILedgerReader>().GetDebtorAsync(caseRef.CreditorId, caseRef.DebtorId, token))?.Debtor.Name ?? "(not in the latest ledger)";
                    var letters = entries.Count(e => e.Entry.Kind == EvidenceKinds.OutboundEmail);
                    Console.WriteLine($"  {name} ({caseRef.DebtorId}): {letters} letter(s), {entries.Count} item(s), last {(entries.Count == 0 ? "-" : entries[^1].Entry.ArchivedAt.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture))}  [case {caseRef.CaseId}]");
                }
            }

            return 0;
        }, ct));

        command.Subcommands.Add(export);
        command.Subcommands.Add(verify);
        command.Subcommands.Add(list);
        return command;
    }

    /// <summary>Checks a bundle without starting the host (no storage, no settings needed).</summary>
    internal static int VerifyBundle(string file)
    {
        if (!File.Exists(file))
        {
            Console.Error.WriteLine($"error: bundle '{file}' does not exist.");
            return 1;
        }

        BundleReport report;
        using (var stream = File.OpenRead(file))
        {
            report = EvidenceBundle.Verify(stream);
        }

        foreach (var problem in report.Problems)
        {
            Console.WriteLine($"FAILED {problem.Path}: {problem.Message}");
        }

        foreach (var chain in report.Cases)
        {
            PrintReport(chain);
        }

        Console.WriteLine(report.Ok
            ? $"OK: {file}: {report.Cases.Count} case(s), {report.Cases.Sum(c => c.Entries)} entries, every hash matches."
            : $"FAILED: {file} does not verify ({report.Problems.Count + report.Cases.Sum(c => c.Problems.Count)} problem(s)).");
        return report.Ok ? 0 : VerificationFailed;
    }

    private static void PrintReport(ChainReport report)
    {
        Console.WriteLine(report.Ok
            ? $"OK     {report.Case}: {report.Entries} entries, head SHA-256 {report.HeadSha256}"
            : $"FAILED {report.Case}: {report.Problems.Count} problem(s)");
        PrintProblems(report);
    }

    private static void PrintProblems(ChainReport report)
    {
        foreach (var problem in report.Problems)
        {
            Console.WriteLine($"  - {problem.Message}");
        }

        foreach (var note in report.Notes)
        {
            Console.WriteLine($"  note: {note}");
        }
    }

    /// <summary>
    /// Reads debtor, debtor/case or creditor/debtor[/case], with the creditor from the option or the only active one. A
    /// creditor named outright need not be active: a retired creditor's evidence stays exportable.
    /// </summary>
    internal static (string Creditor, string Debtor, string? Case) Resolve(IReadOnlyList<string> known, string? creditorOption, string target)
    {
        var parts = target.Split('/', StringSplitOptions.TrimEntries);
        if (parts.Any(p => p.Length == 0) || parts.Length > 3)
        {
            throw new ReceivablesException($"'{target}' is not debtor, debtor/case or creditor/debtor/case.");
        }

        string creditorId;
        if (creditorOption is not null)
        {
            if (parts.Length == 3)
            {
                throw new ReceivablesException($"'{target}' already names a creditor; drop --creditor or give debtor/case.");
            }

            creditorId = creditorOption;
        }
        else if (parts.Length == 3 || (parts.Length == 2 && known.Contains(parts[0], StringComparer.Ordinal)))
        {
            creditorId = parts[0];
            parts = parts[1..];
        }
        else if (known.Count == 1)
        {
            creditorId = known[0];
        }
        else
        {
            throw new ReceivablesException($"{(known.Count == 0 ? "No creditor is active" : "More than one creditor is active")}: give --creditor or write creditor/debtor[/case] ('{target}').");
        }

        return (creditorId, parts[0], parts.Length > 1 ? parts[1] : null);
    }
}
