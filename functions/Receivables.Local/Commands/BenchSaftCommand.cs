using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Receivables.Ledger;

namespace Receivables.Local.Commands;

/// <summary>
/// <c>bench saft [--elements N]</c>: times the SAF-T parser alone on hostile and ordinary generated files of 10%, 50% and
/// 100% of N elements: N elements nested inside one Customer, N nested at the top level (both rejected at the depth
/// bound), N elements in customers nested just under the bound (accepted: reading stays linear at the deepest allowed
/// nesting), and N flat customers with one invoice each (accepted).
/// </summary>
internal static class BenchSaftCommand
{
    public static Command Build()
    {
        var elements = new Option<int>("--elements") { Description = "Nested elements (and flat customers) of the largest file.", DefaultValueFactory = _ => 100_000 };
        var command = new Command("saft", "Time of parsing hostile (deeply nested) and ordinary SAF-T files: linear, and the nesting refused at the depth bound.") { elements };
        command.SetAction(parse => Run(parse.GetValue(elements)));
        return command;
    }

    private static int Run(int elements)
    {
        if (elements < 10)
        {
            Console.Error.WriteLine("error: --elements must be at least 10.");
            return 1;
        }

        var defaults = new LedgerOptions();
        Console.WriteLine($"bench saft: parse only (no storage), depth bound {defaults.MaxXmlDepth} (Receivables:Ledger:MaxXmlDepth).");
        Console.WriteLine();
        Console.WriteLine($"{"file",-44} {"elements",9} {"size",9} {"time",9} {"µs/elem",8}  outcome");
        foreach (var share in new[] { 0.1, 0.5, 1.0 })
        {
            var n = Math.Max(10, (int)(elements * share));
            Time("nested in a Customer", n, Nested(n, insideCustomer: true), defaults.MaxXmlDepth);
            Time("nested at the top level", n, Nested(n, insideCustomer: false), defaults.MaxXmlDepth);
            Time($"customers nested {defaults.MaxXmlDepth - 6} deep", n, DeepCustomers(n, defaults.MaxXmlDepth - 6), defaults.MaxXmlDepth);
            Time("flat customers with one invoice each", n, Flat(n), defaults.MaxXmlDepth);
        }

        return 0;
    }

    private static void Time(string name, int n, byte[] file, int maxDepth)
    {
        var diagnostics = new LedgerDiagnostics();
        var watch = Stopwatch.StartNew();
        using var stream = new MemoryStream(file);
        var rows = new SaftLedgerParser(maxDepth).Read(stream, diagnostics).Count();
        watch.Stop();
        var outcome = diagnostics.HasErrors ? "rejected: " + diagnostics.Errors[0] : $"accepted, {rows:N0} rows";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-44} {n,9:N0} {file.Length / 1024.0,7:0} KB {watch.Elapsed.TotalSeconds,7:0.000} s {watch.Elapsed.TotalMicroseconds / n,8:0.00}  {(outcome.Length > 90 ? outcome[..90] + "..." : outcome)}"));
    }

    private const string Head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<AuditFile xmlns=\"" + SaftLedgerParser.Namespace + "\">\n<Header><AuditFileVersion>1.30</AuditFileVersion><DefaultCurrencyCode>NOK</DefaultCurrencyCode><SelectionCriteria><SelectionStartDate>2026-01-01</SelectionStartDate></SelectionCriteria></Header>\n";

    private static byte[] Nested(int n, bool insideCustomer)
    {
        var text = new StringBuilder(Head);
        text.Append("<MasterFiles><Customers>\n");
        if (insideCustomer)
        {
            text.Append("<Customer><CustomerID>K1</CustomerID><Name>Kari Nordmann</Name><OpeningDebitBalance>100.00</OpeningDebitBalance>");
        }

        for (var i = 0; i < n; i++)
        {
            text.Append("<a>");
        }

        for (var i = 0; i < n; i++)
        {
            text.Append("</a>");
        }

        text.Append(insideCustomer ? "</Customer>\n" : "\n");
        text.Append("</Customers></MasterFiles>\n</AuditFile>\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static byte[] DeepCustomers(int n, int depth)
    {
        var text = new StringBuilder(Head);
        text.Append("<MasterFiles><Customers>\n");
        for (var customer = 0; customer * depth < n; customer++)
        {
            text.Append(CultureInfo.InvariantCulture, $"<Customer><CustomerID>K{customer}</CustomerID><Name>Kunde {customer}</Name><OpeningDebitBalance>100.00</OpeningDebitBalance>");
            text.Insert(text.Length, "<a>", depth).Insert(text.Length, "</a>", depth).Append("</Customer>\n");
        }

        text.Append("</Customers></MasterFiles>\n</AuditFile>\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static byte[] Flat(int n)
    {
        var text = new StringBuilder(Head);
        text.Append("<MasterFiles><Customers>\n");
        for (var i = 0; i < n; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"<Customer><CustomerID>K{i}</CustomerID><Name>Kunde {i}</Name><Contact><Email>k{i}@example.no</Email></Contact></Customer>\n");
        }

        text.Append("</Customers></MasterFiles>\n<GeneralLedgerEntries>\n");
        for (var i = 0; i < n; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"<Journal><Transaction><TransactionDate>2026-10-01</TransactionDate><Line><CustomerID>K{i}</CustomerID><ReferenceNumber>F-{i}</ReferenceNumber><DebitAmount><Amount>1250.00</Amount></DebitAmount></Line></Transaction></Journal>\n");
        }

        text.Append("</GeneralLedgerEntries>\n</AuditFile>\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
