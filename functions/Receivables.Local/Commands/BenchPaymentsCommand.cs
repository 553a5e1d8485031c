using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Receivables.Ledger;
using Receivables.Local.Bench;
using Receivables.Local.Hosting;
using Receivables.Payments;
using Receivables.Payments.Parsing;
using Receivables.Storage;

namespace Receivables.Local.Commands;

/// <summary>
/// <c>bench payments --transactions N</c>: generates a ledger of N open invoices and a bank file of N payments for them
/// (most by KID, some by free text, some that cannot be placed), then prints parse-only time and parse + match + persist
/// time into a fresh Azurite (tasks and evidence included), peak working set and storage operations, and the same file again.
/// </summary>
internal static class BenchPaymentsCommand
{
    public static Command Build()
    {
        var transactions = new Option<int>("--transactions") { Description = "How many payments the generated bank file holds.", DefaultValueFactory = _ => 100_000 };
        var format = new Option<string>("--format") { Description = "ocr (Nets OCR giro) or camt (camt.054.001.08).", DefaultValueFactory = _ => "ocr" };
        var inMemory = new Option<bool>("--emulator-in-memory") { Description = "Start Azurite with --inMemoryPersistence (by default it saves its whole table database to disk every 5 seconds, which grows with the table)." };
        var command = new Command("payments", "Time, memory and storage operations of importing a generated bank file against a generated ledger.") { transactions, format, inMemory };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(transactions), parse.GetValue(format)!, parse.GetValue(inMemory), ct));
        return command;
    }

    private static async Task<int> RunAsync(int count, string format, bool inMemory, CancellationToken cancellationToken)
    {
        if (count < 1 || format is not ("ocr" or "camt"))
        {
            await Console.Error.WriteLineAsync("error: --transactions must be at least 1 and --format ocr or camt.");
            return 1;
        }

        var folder = Path.Combine(Path.GetTempPath(), "receivables-bench-payments-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            var ledgerFile = Path.Combine(folder, "ledger.csv");
            var bankFile = Path.Combine(folder, format == "ocr" ? "payments.ocr" : "payments.xml");
            var watch = Stopwatch.StartNew();
            var debtors = Generate(ledgerFile, bankFile, count, format);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"bench payments: {count:N0} payments ({format}, {new FileInfo(bankFile).Length / 1048576.0:0.0} MB) for {count:N0} open invoices of {debtors:N0} debtors, generated in {watch.Elapsed.TotalSeconds:0.0} s."));
            Console.WriteLine();
            Console.WriteLine($"{"run",-40} {"time",9} {"tx/s",9} {"peak WS",9} {"storage ops",12} {"writes",8}");

            var parsed = 0;
            watch.Restart();
            using (var stream = File.OpenRead(bankFile))
            {
                var summary = new PaymentFileSummary();
                parsed = PaymentFormats.Read(stream, bankFile, summary).Count();
            }

            Print("parse + validate (streaming)", watch.Elapsed, parsed, null, null);

            var counter = new StorageOperationCounter();
            var (host, creditorId) = await BenchUploads.StartHostAsync(counter, Path.Combine(folder, "data"), cancellationToken, storageInMemory: inMemory);
            Console.WriteLine(inMemory ? "Azurite: in memory (--inMemoryPersistence)." : "Azurite: on disk (its default; the table database is saved every 5 s).");
            await using var _ = host;
            await BenchUploads.UploadAsync(host, $"{creditorId}/ledger.csv", ledgerFile, new DateTimeOffset(2026, 2, 2, 5, 0, 0, TimeSpan.Zero), cancellationToken);
            var ledger = await BenchUploads.ProcessAsync(host, $"{creditorId}/ledger.csv", cancellationToken);
            if (ledger.Result != LedgerUploadResult.Accepted)
            {
                await Console.Error.WriteLineAsync("error: the generated ledger was not accepted: " + ledger.Message);
                return 1;
            }

            // Matching alone, in memory: the index as the importer builds it (one read of the snapshot), then each payment placed.
            watch.Restart();
            var index = new OpenItemIndex();
            var reader = host.Get<LedgerReader>();
            var snapshot = (await reader.GetLatestSnapshotAsync(creditorId, cancellationToken))!;
            await foreach (var debtor in reader.ReadDebtorsAsync(creditorId, cancellationToken))
            {
                index.Add(debtor, snapshot.SnapshotId, debtor.Invoices.ToDictionary(i => i.InvoiceNumber, i => i.OpenAmount, StringComparer.Ordinal));
            }

            var indexTime = watch.Elapsed;
            var placed = 0;
            using (var stream = File.OpenRead(bankFile))
            {
                foreach (var transaction in PaymentFormats.Read(stream, bankFile, new PaymentFileSummary()))
                {
                    placed += PaymentMatcher.Match(transaction, index).IsMatched ? 1 : 0;
                }
            }

            Print($"read index ({indexTime.TotalSeconds:0.00} s) + parse + match", watch.Elapsed, parsed, null, null);
            index = null;

            var first = await ImportAsync(host, counter, $"{creditorId}/{Path.GetFileName(bankFile)}", bankFile, cancellationToken);
            Print("parse + match + persist (Azurite)", first.Time, count, first.Operations, first.Writes);
            var breakdown = counter.ByKind;
            var again = await ImportAsync(host, counter, $"{creditorId}/again-{Path.GetFileName(bankFile)}", bankFile, cancellationToken);
            Print("same file again (counted once)", again.Time, count, again.Operations, again.Writes);
            Console.WriteLine();
            var o = first.Outcome;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"first import: {o.Result}; placed {o.Matched:N0} ({o.MatchedAmount:N2} NOK), not placed {o.Unmatched:N0} (tasks), overpaid {o.Overpaid:N2}, debtors affected {o.DebtorsAffected:N0}; again: {again.Outcome.Result}."));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"first import: CPU {first.Cpu.TotalSeconds:0.0} s in this process, {first.EmulatorCpu.TotalSeconds:0.0} s in Azurite; {first.Operations / (double)count:0.000} storage operations and {first.Writes / (double)count:0.000} writes per payment; by kind:"));
            foreach (var (kind, n) in breakdown.OrderByDescending(p => p.Value))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {kind,-40} {n,9:N0}"));
            }

            Console.WriteLine("Storage operations exclude the uploads; they include the tasks (evidence is written only for debtors with a dunning case, none here). Peak working set is this process (Azurite runs separately).");
            return o.Result == PaymentImportResult.Accepted ? 0 : 1;
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // Azurite may still hold a file for a moment; the folder is in the temp directory.
            }
        }
    }

    /// <summary>Four invoices per debtor; payments in random order: 90 % by KID (some part, some over), 5 % by text and exact amount, 5 % unknown.</summary>
    private static int Generate(string ledgerFile, string bankFile, int count, string format)
    {
        var random = new Random(2026);
        var amounts = new decimal[count];
        using (var ledger = new StreamWriter(ledgerFile, false, new UTF8Encoding(false), 1 << 16))
        {
            ledger.Write("customer_id,customer_name,customer_email,customer_type,org_number,invoice_number,invoice_date,due_date,currency,amount,open_amount,kid\n");
            for (var i = 0; i < count; i++)
            {
                amounts[i] = random.Next(200, 50_000) + (random.Next(0, 4) * 0.25m);
                var debtor = i / 4;
                var invoice = (1_000_000 + i).ToString(CultureInfo.InvariantCulture);
                ledger.Write(string.Create(CultureInfo.InvariantCulture,
                    $"D{debtor:0000000},Kunde {debtor} AS,kunde{debtor}@example.no,business,9{debtor % 100_000_000:00000000},{invoice},2026-01-01,2026-01-15,NOK,{amounts[i]:0.00},{amounts[i]:0.00},{Kid.WithMod10(invoice)}\n"));
            }
        }

        var order = Enumerable.Range(0, count).OrderBy(_ => random.Next()).ToArray();
        IEnumerable<GeneratedPayment> Payments()
        {
            var date = new DateOnly(2026, 2, 3);
            foreach (var i in order)
            {
                var invoice = (1_000_000 + i).ToString(CultureInfo.InvariantCulture);
                var roll = random.Next(100);
                yield return roll switch
                {
                    < 80 => new GeneratedPayment(amounts[i], date, Kid: Kid.WithMod10(invoice), Reference: (100_000_000 + i).ToString(CultureInfo.InvariantCulture)),
                    < 85 => new GeneratedPayment(Math.Round(amounts[i] / 2, 2), date, Kid: Kid.WithMod10(invoice), Reference: (100_000_000 + i).ToString(CultureInfo.InvariantCulture)),
                    < 90 => new GeneratedPayment(amounts[i] + 100m, date, Kid: Kid.WithMod10(invoice), Reference: (100_000_000 + i).ToString(CultureInfo.InvariantCulture)),
                    < 95 => new GeneratedPayment(amounts[i], date, Text: "Faktura " + invoice, Reference: (100_000_000 + i).ToString(CultureInfo.InvariantCulture)),
                    _ => new GeneratedPayment(amounts[i], date, Text: "Innbetaling", Reference: (100_000_000 + i).ToString(CultureInfo.InvariantCulture)),
                };
            }
        }

        using (var bank = new StreamWriter(bankFile, false, format == "ocr" ? Encoding.Latin1 : new UTF8Encoding(false), 1 << 16))
        {
            if (format == "ocr")
            {
                BankFileGenerator.WriteOcr(bank, Payments());
            }
            else
            {
                BankFileGenerator.WriteCamt054(bank, Payments());
            }
        }

        return (count + 3) / 4;
    }

    private static async Task<Run> ImportAsync(LocalHost host, StorageOperationCounter counter, string name, string file, CancellationToken cancellationToken)
    {
        var blob = host.Get<StorageClients>().Container(StorageNames.Containers.Payments).GetBlobClient(name);
        await using (var upload = File.OpenRead(file))
        {
            await blob.UploadAsync(upload, overwrite: true, cancellationToken);
        }

        counter.Reset();
        var emulator = host.StorageEmulatorCpu ?? TimeSpan.Zero;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        await host.Get<PaymentsWatcher>().ScanAsync(cancellationToken);
        await host.Get<QueueConsumers>().DrainAllAsync(cancellationToken);
        watch.Stop();
        var (operations, writes) = (counter.Total, counter.Writes);
        var ownCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var emulatorCpu = (host.StorageEmulatorCpu ?? TimeSpan.Zero) - emulator;
        var eTag = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value.ETag.ToString();
        var outcome = await host.Get<IPaymentStore>().GetOutcomeAsync(name, eTag, cancellationToken)
            ?? throw new InvalidOperationException($"The upload {name} was not handled.");
        return new Run(watch.Elapsed, operations, writes, outcome, ownCpu, emulatorCpu);
    }

    private static void Print(string name, TimeSpan time, int transactions, long? operations, long? writes)
    {
        using var process = Process.GetCurrentProcess();
        var peak = process.PeakWorkingSet64 / 1048576.0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-40} {time.TotalSeconds,7:0.00} s {transactions / Math.Max(time.TotalSeconds, 1e-9),9:N0} {peak,6:0} MB {(operations is null ? "-" : operations.Value.ToString("N0", CultureInfo.InvariantCulture)),12} {(writes is null ? "-" : writes.Value.ToString("N0", CultureInfo.InvariantCulture)),8}"));
    }

    private sealed record Run(TimeSpan Time, long Operations, long Writes, PaymentImportOutcome Outcome, TimeSpan Cpu, TimeSpan EmulatorCpu);
}
